"""The README's sample output is what the commands print today (``make readme`` rewrites it)."""

from __future__ import annotations

import re
import runpy

import pytest

from graphbuild.neo4j.localserver import local_server_available
from tests.conftest import ROOT

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(not local_server_available(), reason="the query sample needs arcadedb-embedded")]


def test_the_readme_samples_are_current() -> None:
    samples = runpy.run_path(str(ROOT / "docs" / "samples.py"), run_name="readme_samples")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    made = samples["render"]()
    assert set(made) == set(re.findall(r"<!-- sample: ([\w-]+) -->", readme)) == {"build", "query"}
    assert "Ben Wallace" in made["build"]
    assert "speak_with" in made["query"]
    assert samples["current"](readme, made) == readme, "the README's samples are out of date: run make readme"
