"""The explorer as a person uses it: headless Chromium, every network request blocked."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

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


@pytest.fixture(scope="module")
def page(browser: Any, seed_graph: nx.MultiDiGraph[str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    html = write_explorer(seed_graph, tmp_path_factory.mktemp("explorer") / "explorer.html")
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
    tab.goto(html.as_uri())
    tab.wait_for_function("window.graphbuildExplorer !== undefined", timeout=20000)
    tab.blocked, tab.errors = blocked, errors
    yield tab
    context.close()


def test_no_console_errors_and_no_network(page: Any) -> None:
    assert page.errors == []
    assert page.blocked == []


def test_renders_every_node_and_edge(page: Any, seed_graph: nx.MultiDiGraph[str]) -> None:
    shown = page.evaluate("[graphbuildExplorer.nodesView.length, graphbuildExplorer.edgesView.length]")
    assert shown == [seed_graph.number_of_nodes(), seed_graph.number_of_edges()]
    drawn = page.evaluate("Object.keys(graphbuildExplorer.network.body.nodes).length")
    assert drawn >= seed_graph.number_of_nodes()


def test_search_focuses_ben_wallace(page: Any) -> None:
    page.fill("#search", "Wallace")
    assert page.evaluate("graphbuildExplorer.network.getSelectedNodes()") == ["ben wallace"]
    assert "Ben Wallace" in page.inner_text("#search-result")
    page.fill("#search", "")


def test_type_filter_hides_people(page: Any, seed_graph: nx.MultiDiGraph[str]) -> None:
    people = sum(1 for _, d in seed_graph.nodes(data=True) if d["type"] == "PERSON")
    before = page.evaluate("graphbuildExplorer.nodesView.length")
    page.uncheck("#types input[data-type=PERSON]")
    assert page.evaluate("graphbuildExplorer.nodesView.length") == before - people
    assert page.evaluate("graphbuildExplorer.nodesView.get().every(n => n.group !== 'PERSON')")
    page.click("#reset")
    assert page.evaluate("graphbuildExplorer.nodesView.length") == before


def test_tone_toggle_and_class_filter(page: Any, seed_graph: nx.MultiDiGraph[str]) -> None:
    conflict = sum(1 for _, _, d in seed_graph.edges(data=True) if d["tone"] == "conflict")
    consult = sum(1 for _, _, d in seed_graph.edges(data=True) if d["class"] == "CONSULT")
    assert 0 < conflict < seed_graph.number_of_edges()
    assert consult > 0
    page.click("#tone button[data-tone=conflict]")
    assert page.evaluate("graphbuildExplorer.edgesView.length") == conflict
    assert page.get_attribute("#tone button[data-tone=conflict]", "aria-pressed") == "true"
    page.click("#tone button[data-tone='']")
    page.select_option("#class", "CONSULT")
    assert page.evaluate("graphbuildExplorer.edgesView.length") == consult
    assert page.evaluate("graphbuildExplorer.edgesView.get().every(e => e.label !== 'invade')")
    page.click("#reset")
    assert page.evaluate("graphbuildExplorer.edgesView.length") == seed_graph.number_of_edges()


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


def test_clicking_an_edge_shows_its_evidence(page: Any) -> None:
    edge_id = page.evaluate(
        "graphbuildExplorer.edgesView.get().find(e => e.from === 'ben wallace' && e.to === 'moscow').id")
    point = page.evaluate(
        f"""(() => {{ const n = graphbuildExplorer.network;
            const p = n.getPositions(['ben wallace', 'moscow']);
            const a = n.canvasToDOM(p['ben wallace']), b = n.canvasToDOM(p['moscow']);
            const box = document.getElementById('network').getBoundingClientRect();
            return {{x: box.left + (a.x + b.x) / 2, y: box.top + (a.y + b.y) / 2, id: '{edge_id}'}}; }})()""")
    page.mouse.click(point["x"], point["y"])
    text = page.inner_text("#details")
    assert "travel_to" in text
    assert "CONSULT · cooperation" in text
    assert "head for Moscow" in text
    assert "uk-defence-secretary-2022-01" in text


def test_screenshot_for_the_docs(page: Any) -> None:
    page.click("#reset")
    page.fill("#search", "Wallace")
    target = ROOT / "docs" / "explorer.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size > 20_000
    page.fill("#search", "")


def test_large_graph_is_pruned_and_loads(browser: Any, tmp_path: Path) -> None:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for i in range(3000):
        graph.add_node(f"n{i}", name=f"Actor {i}", type="ORG" if i % 3 else "PERSON", aliases=[f"Actor {i}"],
                       mentions=1, articles=["a"])
    for i in range(1, 3000):
        j = (i * 7919) % i
        graph.add_edge(f"n{i}", f"n{j}", key="meet", relation="meet", weight=1 + i % 4, negated=False, hedged=False,
                       first_seen=None, last_seen=None, evidence=[{"article_id": "a", "sentence": "s", "date": None}])
    html = write_explorer(graph, tmp_path / "big.html")
    context = browser.new_context(bypass_csp=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(html.as_uri())
    tab.wait_for_function("window.graphbuildExplorer !== undefined", timeout=60000)
    assert tab.evaluate("graphbuildExplorer.nodesView.length") == 1500
    assert "most connected of 3000 actors" in tab.inner_text("#summary")
    assert errors == []
    context.close()
