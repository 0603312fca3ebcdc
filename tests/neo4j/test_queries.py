"""The writer's Cypher: only sanitised names are spliced in, and cypher/ matches the code."""

from __future__ import annotations

import re

import pytest

from graphbuild.export import TYPE_LABELS
from graphbuild.neo4j.queries import (
    SCHEMA,
    all_queries,
    entity_label_query,
    relationship_query,
    relationships_query,
    safe_name,
)
from tests.conftest import ROOT

CYPHER = ROOT / "cypher"


@pytest.mark.parametrize("bad", ["", "a", "A B", "A`B", "A})", "TRAVEL-TO", "Ü"])
def test_safe_name_refuses(bad: str) -> None:
    with pytest.raises(ValueError, match="refusing"):
        safe_name(bad)


@pytest.mark.parametrize("bad", ["travel_to", "X`]->() DETACH DELETE n //", "A B", "_X"])
def test_relationship_query_refuses_unsanitised_types(bad: str) -> None:
    with pytest.raises(ValueError, match="refusing"):
        relationship_query(bad)


def test_relationships_query_chains_types_each_from_its_own_parameter() -> None:
    query = relationships_query(["MEET", "TRAVEL_TO", "SANCTION"])
    assert query.count("MERGE (s)-[:") == 3
    assert [line for line in query.splitlines() if line.startswith("UNWIND")] == [
        "UNWIND $r0 AS row", "UNWIND $r1 AS row", "UNWIND $r2 AS row"]
    assert query.count("WITH count(*) AS merged") == 2
    with pytest.raises(ValueError, match="refusing"):
        relationships_query(["MEET", "X`]->() DETACH DELETE n //"])
    with pytest.raises(ValueError, match="no relationship types"):
        relationships_query([])


def test_label_query_only_takes_known_labels() -> None:
    assert "SET n:Person" in entity_label_query("Person")
    with pytest.raises(ValueError, match="unknown entity label"):
        entity_label_query("Person DETACH DELETE n")


def test_values_are_parameters() -> None:
    for query in all_queries():
        # no string literals: every value comes in as a $parameter
        assert "'" not in query, query
        assert '"' not in query, query


def test_schema_file_matches_the_code() -> None:
    text = (CYPHER / "schema.cypher").read_text(encoding="utf-8")
    statements = [" ".join(s.split()) for s in re.sub(r"//[^\n]*", "", text).split(";") if s.strip()]
    assert statements == list(SCHEMA)


def test_browser_style_covers_every_label() -> None:
    grass = (CYPHER / "graphbuild.grass").read_text(encoding="utf-8")
    for label in {*TYPE_LABELS.values(), "Entity", "Article"}:
        block = re.search(rf"^node\.{label} \{{\n(.*?)^\}}", grass, re.S | re.M)
        assert block is not None, label
        assert "color:" in block.group(1)
        assert 'caption: "{name}"' in block.group(1) or label == "Article"
