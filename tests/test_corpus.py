"""Robustness on real news: the whole BBC corpus plus a set of broken files, and nothing is lost.

Every input record ends up either among the graph's articles or in ``errors.jsonl``, and every
triple's evidence is the exact text at its offsets. Skipped when the corpus is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.building import BuildReport
from graphbuild.io import read_articles
from graphbuild.model import Article
from tests.conftest import CORPUS


@pytest.mark.slow
def test_whole_corpus_and_broken_files_lose_nothing(corpus_build: tuple[Path, int, BuildReport]) -> None:
    tmp_path, broken, report = corpus_build
    corpus_records = sum(1 for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"] == corpus_records + broken
    assert manifest["inputs"] == manifest["articles"] + manifest["errors"]
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    articles = (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert (len(articles), len(errors)) == (manifest["articles"], manifest["errors"])
    assert len(errors) == 11  # the corpus has no bad record; each broken one is reported once
    reasons = " ".join(json.loads(e)["reason"] for e in errors)
    for expected in ("empty file", "empty article", "binary", "malformed JSON", "no 'text' field", "expected a string",
                     "duplicate article id", "cannot read file"):
        assert expected in reasons
    assert report.triples > 10_000
    texts = {a.id: a.text for a in read_articles([CORPUS, tmp_path / "broken"]) if isinstance(a, Article)}
    for line in (tmp_path / "out" / "triples.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert texts[row["article_id"]][row["start"] : row["end"]] == row["sentence"]
        assert row["subject_key"] != row["object_key"]
        assert 0 < row["confidence"] <= 1


#: One actor each, whatever form the text uses: no node may carry these names.
VARIANTS = {"Conservative Party": ["Tory", "Tories", "Conservatives", "Conservative"],
            "Labour Party": ["Labour", "New Labour"], "Liberal Democrats": ["Lib Dems", "Lib Dem", "Liberal Democrat"]}
#: A national team's nickname is its country.
NICKNAMES = {"New Zealand": ["All Blacks"], "South Africa": ["Springboks", "Boks"], "Australia": ["Wallabies"]}
#: Junk the model tags as names in this corpus.
JUNK = ["124bn", "165bn", "0.04secs", "and Commonwealth Office", "rang Lucy", "plus Ryan Giggs", "Blair Tony Blair",
        "Blair and Brown"]


@pytest.mark.slow
def test_the_corpus_graph_has_one_node_per_party_and_no_junk(corpus_build: tuple[Path, int, BuildReport]) -> None:
    graph = corpus_build[2].graph
    assert graph is not None
    names = {data["name"]: data for _, data in graph.nodes(data=True)}
    for party, forms in VARIANTS.items():
        assert names[party]["type"] == "ORG"
        assert not set(forms) & set(names), (party, set(forms) & set(names))
    for country, forms in NICKNAMES.items():
        assert names[country]["type"] == "GPE"
        assert not set(forms) & set(names), (country, set(forms) & set(names))
    assert not set(JUNK) & set(names), set(JUNK) & set(names)
    assert not [name for name in names if "¿" in name]
    assert {"Home Office", "Foreign Office"} <= set(names)  # a body keeps the words that are titles elsewhere
    top = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:50]
    shown = [graph.nodes[n]["name"] for n in top]
    assert not [name for name in shown if not any(c.isupper() for c in name)]
    assert len({name.lower() for name in shown}) == len(shown)


@pytest.mark.slow
@pytest.mark.integration
def test_whole_corpus_in_neo4j_has_at_most_28_relationship_types(corpus_build: tuple[Path, int, BuildReport],
                                                                  tmp_path: Path) -> None:
    """The relationship types are the classes however many wordings the corpus has; few relations stay OTHER."""
    from neo4j import GraphDatabase

    from graphbuild.neo4j.localserver import LocalBoltServer, local_server_available
    from graphbuild.neo4j.writer import push_graph

    if not local_server_available():
        pytest.skip("needs arcadedb-embedded (pip install -e '.[dev]')")
    _, _, report = corpus_build
    assert report.graph is not None
    edges = [data for _, _, data in report.graph.edges(data=True)]
    wordings = {data["relation"] for data in edges}
    assert len(wordings) > 2000
    assert sum(data["class"] == "OTHER" for data in edges) <= 0.15 * len(edges)
    with LocalBoltServer(root=tmp_path / "bolt") as server, \
            GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        push_graph(report.graph, driver, database=server.database)
        types = {r["t"] for r in driver.execute_query("MATCH (:Entity)-[r]->(:Entity) RETURN DISTINCT type(r) AS t",
                                                      database_=server.database).records}
        (row,) = driver.execute_query("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n, "
                                      "count(DISTINCT r.predicate) AS p", database_=server.database).records
    assert len(types) <= 28
    assert (row["n"], row["p"]) == (len(edges), len(wordings))
