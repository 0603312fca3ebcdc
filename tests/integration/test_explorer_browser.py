"""The explorer as a person uses it: headless Chromium, every network request blocked.

The seed page checks the basics; the corpus page (the whole BBC corpus, when present) checks what
matters at scale: the neighbourhood view, expanding, shared views, offered matches, re-fitting.
Set GRAPHBUILD_DOCS_SCREENSHOT=1 to write the README's screenshot into docs/.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graphbuild.building import BuildReport
from graphbuild.view.explorer import write_explorer

pytestmark = pytest.mark.integration
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ROOT = Path(__file__).resolve().parents[2]
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (Playwright's own browser download is not used)."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; make test installs it where it can)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


def open_page(browser: Any, url: str) -> Any:
    """A tab on ``url`` with every non-file request blocked and counted, and errors collected."""
    blocked: list[str] = []
    errors: list[str] = []
    # the page's own CSP forbids eval; Playwright's helpers need it, the network block below stays
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith("file://"):
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(url)
    tab.wait_for_function("window.graphbuildExplorer !== undefined", timeout=60000)
    tab.blocked, tab.errors = blocked, errors
    return tab


@pytest.fixture(scope="module")
def page(browser: Any, seed_graph: nx.MultiDiGraph[str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    html = write_explorer(seed_graph, tmp_path_factory.mktemp("explorer") / "explorer.html")
    tab = open_page(browser, html.as_uri())
    yield tab
    tab.context.close()


def _shown(tab: Any) -> list[int]:
    return list(tab.evaluate("[graphbuildExplorer.nodesView.length, graphbuildExplorer.edgesView.length]"))


def test_no_console_errors_and_no_network(page: Any) -> None:
    assert page.errors == []
    assert page.blocked == []


def test_renders_every_related_actor_and_every_relation(page: Any, seed_graph: nx.MultiDiGraph[str]) -> None:
    related = sum(1 for n in seed_graph if seed_graph.degree(n) > 0)
    assert _shown(page) == [related, seed_graph.number_of_edges()]
    assert page.evaluate("Object.keys(graphbuildExplorer.network.body.nodes).length") >= related
    assert page.is_visible("#dates")  # the seed article has a date


def test_search_shows_the_neighbourhood_alone_until_reset(page: Any, seed_graph: nx.MultiDiGraph[str]) -> None:
    page.fill("#search", "Wallace")
    assert page.evaluate("graphbuildExplorer.network.getSelectedNodes()") == ["ben wallace"]
    neighbours = set(nx.all_neighbors(seed_graph, "ben wallace"))
    assert len(page.evaluate("graphbuildExplorer.nodesView.getIds()")) == len(neighbours) + 1
    assert f"Ben Wallace: {len(neighbours)} neighbours" in page.inner_text("#search-result")
    page.click("#reset")
    assert _shown(page)[0] == sum(1 for n in seed_graph if seed_graph.degree(n) > 0)


def test_type_filter_hides_people(page: Any, seed_graph: nx.MultiDiGraph[str]) -> None:
    people = sum(1 for n, d in seed_graph.nodes(data=True) if d["type"] == "PERSON" and seed_graph.degree(n))
    before = _shown(page)[0]
    page.uncheck("#types input[data-type=PERSON]")
    assert _shown(page)[0] == before - people
    assert page.evaluate("graphbuildExplorer.nodesView.get().every(n => n.actorType !== 'PERSON')")
    page.click("#reset")
    assert _shown(page)[0] == before


def test_tone_toggle_and_class_filter(page: Any, seed_graph: nx.MultiDiGraph[str]) -> None:
    conflict = sum(1 for _, _, d in seed_graph.edges(data=True) if d["tone"] == "conflict")
    consult = sum(1 for _, _, d in seed_graph.edges(data=True) if d["class"] == "CONSULT")
    assert 0 < conflict < seed_graph.number_of_edges()
    assert consult > 0
    page.click("#tone button[data-tone=conflict]")
    assert _shown(page)[1] == conflict
    assert page.get_attribute("#tone button[data-tone=conflict]", "aria-pressed") == "true"
    page.click("#tone button[data-tone='']")
    page.select_option("#class", "CONSULT")
    assert _shown(page)[1] == consult
    assert page.evaluate("graphbuildExplorer.edgesView.get().every(e => e.label !== 'invade')")
    page.click("#reset")
    assert _shown(page)[1] == seed_graph.number_of_edges()


def test_relations_are_coloured_by_tone_or_by_class(page: Any) -> None:
    colour = "graphbuildExplorer.edges.get().find(e => e.label === '{}').color.color"
    by_tone = [page.evaluate(colour.format(r)) for r in ("invade", "sanction", "travel_to")]
    assert by_tone[0] == by_tone[1] != by_tone[2]  # two conflict relations, one of cooperation
    assert "conflict" in page.inner_text("#class-legend")
    page.select_option("#color-by", "class")
    by_class = [page.evaluate(colour.format(r)) for r in ("invade", "sanction", "travel_to")]
    assert len(set(by_class)) == 3
    assert "ASSAULT" in page.inner_text("#class-legend")
    page.select_option("#color-by", "tone")


def _middle_of(tab: Any, a: str, b: str) -> dict[str, float]:
    return dict(tab.evaluate(
        f"""(() => {{ const n = graphbuildExplorer.network;
            const p = n.getPositions(['{a}', '{b}']);
            const s = n.canvasToDOM(p['{a}']), t = n.canvasToDOM(p['{b}']);
            const box = document.getElementById('network').getBoundingClientRect();
            return {{x: box.left + (s.x + t.x) / 2, y: box.top + (s.y + t.y) / 2}}; }})()"""))


def test_clicking_an_edge_shows_its_evidence_and_reset_clears_it(page: Any) -> None:
    page.fill("#search", "Wallace")
    point = _middle_of(page, "ben wallace", "moscow")
    page.mouse.move(point["x"], point["y"])
    page.mouse.click(point["x"], point["y"])
    text = page.inner_text("#details")
    assert "travel_to" in text
    assert "CONSULT · cooperation" in text
    assert "head for Moscow" in text
    assert "uk-defence-secretary-2022-01" in text
    page.wait_for_timeout(400)  # the hover tooltip appears
    page.click("#reset")
    assert "head for Moscow" not in page.inner_text("#details")
    assert page.evaluate("[...document.querySelectorAll('.vis-tooltip')].every(t => t.style.visibility !== 'visible')")


def test_large_graph_is_pruned_and_loads(browser: Any, tmp_path: Path) -> None:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for i in range(3200):
        graph.add_node(f"n{i}", name=f"Actor {i}", type="ORG" if i % 3 else "PERSON", aliases=[f"Actor {i}"],
                       mentions=1, articles=["a"])
    for i in range(1, 3000):
        j = (i * 7919) % i
        graph.add_edge(f"n{i}", f"n{j}", key="meet", relation="meet", weight=1 + i % 4, negated=False, hedged=False,
                       first_seen=None, last_seen=None, evidence=[{"article_id": "a", "sentence": "s", "date": None}])
    html = write_explorer(graph, tmp_path / "big.html")
    tab = open_page(browser, html.as_uri())
    assert tab.evaluate("graphbuildExplorer.nodesView.length") == 1500
    summary = tab.inner_text("#summary")
    assert "most connected of 3000 actors with relations" in summary
    assert "200 actors with no relation are not drawn" in summary
    assert not tab.is_visible("#dates")  # no relation has a date
    assert tab.errors == []
    tab.context.close()


# the whole corpus: what a user meets on a real graph


@pytest.fixture(scope="module")
def corpus_page(browser: Any, corpus_build: tuple[Path, int, BuildReport],
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, nx.MultiDiGraph[str], Path]]:
    graph = corpus_build[2].graph
    assert graph is not None
    html = write_explorer(graph, tmp_path_factory.mktemp("corpus-explorer") / "explorer.html")
    tab = open_page(browser, html.as_uri())
    yield tab, graph, html
    tab.context.close()


def _drawn(tab: Any) -> set[str]:
    return set(tab.evaluate("graphbuildExplorer.nodesView.getIds()"))


@pytest.mark.slow
def test_corpus_search_shows_one_readable_neighbourhood(corpus_page: tuple[Any, nx.MultiDiGraph[str], Path]) -> None:
    tab, graph, _ = corpus_page
    tab.click("#reset")
    assert len(_drawn(tab)) == 1500
    tab.fill("#search", "Tony Blair")
    neighbours = set(nx.all_neighbors(graph, "tony blair"))
    drawn = _drawn(tab)
    on_page = set(tab.evaluate("graphbuildExplorer.nodes.getIds()"))
    assert drawn == (neighbours & on_page) | {"tony blair"}
    assert 10 < len(drawn) < 200
    positions = tab.evaluate("""(() => { const n = graphbuildExplorer.network;
        return Object.values(n.getPositions(n.body.data.nodes.getIds())).map(p => n.canvasToDOM(p)); })()""")
    gaps = [((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
            for i, a in enumerate(positions) for b in positions[i + 1:]]
    assert min(gaps) >= 12  # no two actors on top of each other
    assert all(0 <= p["x"] <= 1400 and 0 <= p["y"] <= 900 for p in positions)  # the whole neighbourhood in view
    assert tab.evaluate("location.hash") == "#actor=tony%20blair"
    tab.select_option("#depth", "2")
    assert len(_drawn(tab)) > len(drawn)
    assert tab.evaluate("location.hash") == "#actor=tony%20blair&depth=2"
    tab.click("#reset")
    assert tab.evaluate("location.hash") == ""
    assert tab.errors == []


@pytest.mark.slow
def test_corpus_clicking_an_actor_adds_its_neighbours(corpus_page: tuple[Any, nx.MultiDiGraph[str], Path]) -> None:
    tab, graph, _ = corpus_page
    tab.click("#reset")
    tab.fill("#search", "Tony Blair")
    before = _drawn(tab)
    other = next(n for n in sorted(before - {"tony blair"}, key=lambda n: -graph.degree(n))
                 if set(nx.all_neighbors(graph, n)) - before)
    tab.evaluate(f"graphbuildExplorer.expand({other!r})")
    after = _drawn(tab)
    assert before < after
    assert after - before <= set(nx.all_neighbors(graph, other))
    point = tab.evaluate(f"""(() => {{ const n = graphbuildExplorer.network;
        const p = n.canvasToDOM(n.getPositions(['{other}'])['{other}']);
        const box = document.getElementById('network').getBoundingClientRect();
        return {{x: box.left + p.x, y: box.top + p.y}}; }})()""")
    tab.mouse.click(point["x"], point["y"])  # a click expands too, and names the actor
    assert graph.nodes[other]["name"] in tab.inner_text("#details")
    tab.click("#reset")


@pytest.mark.slow
def test_corpus_matches_are_offered_and_a_shared_view_opens_focused(
        corpus_page: tuple[Any, nx.MultiDiGraph[str], Path], browser: Any) -> None:
    tab, _, html = corpus_page
    tab.click("#reset")
    tab.fill("#search", "Brown")
    offered = tab.evaluate("[...document.querySelectorAll('#matches button')].map(b => b.dataset.id)")
    assert len(offered) >= 2
    assert "gordon brown" in offered
    tab.click(f"#matches button[data-id='{offered[1]}']")
    assert tab.evaluate("graphbuildExplorer.state.focus.center") == offered[1]
    assert tab.get_attribute(f"#matches button[data-id='{offered[1]}']", "aria-current") == "true"
    shared = open_page(browser, html.as_uri() + "#actor=gordon%20brown&depth=2")
    assert shared.evaluate("graphbuildExplorer.state.focus.center") == "gordon brown"
    assert shared.input_value("#depth") == "2"
    assert shared.input_value("#search") == "Gordon Brown"
    shared.context.close()
    tab.click("#reset")


@pytest.mark.slow
def test_corpus_filters_refit_and_undated_corpus_hides_dates(
        corpus_page: tuple[Any, nx.MultiDiGraph[str], Path]) -> None:
    tab, _, _ = corpus_page
    tab.click("#reset")
    assert not tab.is_visible("#dates")  # the BBC articles carry no dates
    scale = tab.evaluate("graphbuildExplorer.network.getScale()")
    tab.select_option("#class", "ASSAULT")
    assert tab.evaluate("graphbuildExplorer.network.getScale()") > scale  # fewer actors, fitted closer
    inside = tab.evaluate("""(() => { const n = graphbuildExplorer.network;
        return Object.values(n.getPositions(graphbuildExplorer.nodesView.getIds())).map(p => n.canvasToDOM(p))
          .every(p => p.x >= 0 && p.y >= 0 && p.x <= 1400 && p.y <= 900); })()""")
    assert inside
    tab.click("#reset")


@pytest.mark.slow
def test_screenshot(corpus_page: tuple[Any, nx.MultiDiGraph[str], Path], tmp_path: Path) -> None:
    tab, _, _ = corpus_page
    tab.click("#reset")
    tab.fill("#search", "Tony Blair")
    target = ROOT / "docs" / "explorer.png" if os.environ.get("GRAPHBUILD_DOCS_SCREENSHOT") else tmp_path / "e.png"
    tab.screenshot(path=str(target))
    assert target.stat().st_size > 20_000
    tab.click("#reset")
