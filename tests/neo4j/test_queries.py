"""The writer's Cypher: only sanitised names are spliced in, and cypher/ matches the code."""

from __future__ import annotations

import re

import pytest

from graphbuild.export import TYPE_LABELS
from graphbuild.neo4j.queries import (
    SCHEMA,
    all_queries,
    entity_label_query,
    relationships_query,
    retype_query,
    safe_name,
)
from graphbuild.schema import load_schema
from tests.conftest import ROOT

CYPHER = ROOT / "cypher"


@pytest.mark.parametrize("bad", ["", "a", "A B", "A`B", "A})", "TRAVEL-TO", "Ü"])
def test_safe_name_refuses(bad: str) -> None:
    with pytest.raises(ValueError, match="refusing"):
        safe_name(bad)


@pytest.mark.parametrize("bad", ["travel_to", "X`]->() DETACH DELETE n //", "A B", "_X", "Consult"])
def test_relationship_queries_refuse_unsanitised_types(bad: str) -> None:
    with pytest.raises(ValueError, match="refusing"):
        relationships_query(bad)
    with pytest.raises(ValueError, match="refusing"):
        retype_query(bad)


def test_relationships_are_typed_with_the_class_and_keyed_by_predicate() -> None:
    query = relationships_query("CONSULT")
    assert "MERGE (s)-[r:CONSULT {predicate: row.predicate}]->(t)" in query
    assert "WHERE size(fresh) > 0" in query  # an unchanged relationship is not written again
    assert "CREATE (s)-[new:ACCUSE]->(t)" in retype_query("ACCUSE")


def test_label_query_only_takes_known_labels() -> None:
    assert "SET n:Person" in entity_label_query("Person")
    with pytest.raises(ValueError, match="unknown entity label"):
        entity_label_query("Person DETACH DELETE n")


def test_values_are_parameters() -> None:
    for query in all_queries():
        # no string literals but the empty one: every value comes in as a $parameter
        assert "'" not in query.replace("''", ""), query
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


def test_browser_style_colours_every_class_by_tone_and_captions_the_predicate() -> None:
    grass = (CYPHER / "graphbuild.grass").read_text(encoding="utf-8")
    colours: dict[str, set[str]] = {}
    for cls in load_schema().classes:
        block = re.search(rf"^relationship\.{cls.name} \{{\n(.*?)^\}}", grass, re.S | re.M)
        assert block is not None, cls.name
        assert 'caption: "{predicate}"' in block.group(1)
        colours.setdefault(str(cls.tone), set()).add(re.findall(r"color: (#\w+)", block.group(1))[0])
    assert all(len(c) == 1 for c in colours.values())
    assert len(set().union(*colours.values())) == 3
