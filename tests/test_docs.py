"""The README documents every command and opens with the two set-up commands."""

from __future__ import annotations

import re

import pytest
from typer.main import get_command

from graphbuild.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_readme_opens_with_demo_and_test() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    lines = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert lines == ["make demo", "make test"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"graphbuild {command}" in README


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _named_tests(doc: str) -> list[tuple[str, str]]:
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    return re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", text) + [
        (path, name) for path, names in re.findall(r"`(tests/[\w/]+\.py)::\w+`((?:, `::\w+`)+)", text)
        for name in re.findall(r"::(\w+)", names)
    ]


@pytest.mark.parametrize("doc", ["RELIABILITY.md"])
def test_every_test_a_doc_names_exists(doc: str) -> None:
    named = _named_tests(doc)
    assert len(named) > 20
    for path, name in named:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert not name or f"def {name}(" in source, f"{doc} names {path}::{name}, which does not exist"
