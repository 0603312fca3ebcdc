"""Hostile text (Hypothesis): arbitrary unicode never crashes extraction, graph building or any export.

GraphML and GEXF must stay valid XML, JSON valid JSON and the CSVs parse back to the same counts,
whatever the names, relations, sentences and article ids hold (control characters, quotes,
markup, Cypher, surrogate-free unicode of every category).
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from tempfile import TemporaryDirectory

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from graphbuild.export import export_graph, read_json
from graphbuild.extraction.extractor import Extractor
from graphbuild.graph import build_graph
from graphbuild.model import Article, ArticleResult, Entity, EntityType, Evidence, Triple
from graphbuild.pipeline import extract_articles

NASTY = ["'}) DETACH DELETE n //", "`x` `", ":$(evil)", "<script>alert(1)</script>", "]]><!--", "\x00\x0b\x1b",
         "\ufffe\uffff", "a\u202eb", "\u0000", "Zoë O'Brien-Ünal", "北京", "😀👍🏽", "\r\n\t", "&amp;&lt;"]
#: Any unicode text (Hypothesis leaves out lone surrogates, which no file encoding can carry).
text = st.one_of(st.text(max_size=60), st.sampled_from(NASTY),
                 st.lists(st.sampled_from(NASTY), max_size=4).map("".join))
names = text.filter(lambda s: bool(s.strip()))
HOSTILE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])


@HOSTILE
@given(body=st.lists(st.one_of(text, st.sampled_from(["Germany criticised France.", "Mr Putin met Joe Biden."])),
                     max_size=6).map(" ".join))
def test_extraction_takes_any_text(nlp: Language, extractor: Extractor, body: str) -> None:
    (result,) = extract_articles([Article(id="h", text=body)], nlp=nlp, extractor=extractor)
    assert isinstance(result, ArticleResult), result
    for triple in result.triples:
        assert body[triple.evidence.start : triple.evidence.end] == triple.evidence.sentence


@st.composite
def triples(draw: st.DrawFn) -> list[Triple]:
    out = []
    for i in range(draw(st.integers(min_value=1, max_value=5))):
        subject, obj, relation = draw(names), draw(names), draw(names)
        out.append(Triple(
            subject=Entity(key=subject.lower(), name=subject, type=draw(st.sampled_from(list(EntityType))),
                           aliases=frozenset({subject, draw(names)})),
            relation=relation,
            object=Entity(key=obj.lower(), name=obj, type=draw(st.sampled_from(list(EntityType))),
                          aliases=frozenset({obj})),
            evidence=Evidence(article_id=draw(names), sentence=draw(text), start=i, end=i + 1,
                              date=draw(st.one_of(st.none(), text))),
            negated=draw(st.booleans()), surface=draw(text), rule=draw(text),
            attributed_to=draw(st.one_of(st.none(), names.map(
                lambda n: Entity(key=n.lower(), name=n, type=EntityType.PERSON, aliases=frozenset({n}))))),
        ))
    return out


def _csv_rows(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


@HOSTILE
@given(data=triples())
def test_every_export_stays_valid(data: list[Triple]) -> None:
    graph = build_graph(data)
    with TemporaryDirectory() as tmp:
        out = Path(tmp)
        export_graph(graph, out)
        for name in ("graph.graphml", "graph.gexf"):
            ET.parse(out / name)  # raises on invalid XML
        back = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
        assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
        again = read_json(out / "graph.json")
        assert (again.number_of_nodes(), again.number_of_edges()) == (graph.number_of_nodes(),
                                                                      graph.number_of_edges())
        json.loads((out / "graph.json").read_text(encoding="utf-8"))
        assert _csv_rows(out / "nodes.csv") == graph.number_of_nodes()
        assert _csv_rows(out / "relationships.csv") == graph.number_of_edges()
