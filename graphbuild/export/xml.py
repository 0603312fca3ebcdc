"""GraphML and GEXF text for graphbuild's graphs, written as strings rather than element trees.

NetworkX's writers build an ElementTree of the whole graph and serialise it: most of a big
build's writing time. These functions write the same documents, byte for byte, straight from the
flattened graph (:func:`graphbuild.export._flat.flat_graph`): the same attribute keys in the same
order, the same escaping, indentation and character references. They handle the graphs
graphbuild makes (scalar attributes of the types below, no GEXF-reserved attribute but an
edge's ``weight``); for anything else they return None and the caller uses NetworkX.
``tests/test_export.py`` checks them against NetworkX on the seed, the corpus and hostile text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

__all__ = ["gexf_text", "graphml_text"]

_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_GRAPHML_ROOT = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
_GEXF_ROOT = ('<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">')
#: Attribute names NetworkX's GEXF writer turns into XML attributes or structure instead of values.
_GEXF_NODE_RESERVED = frozenset({"id", "label", "pid", "start", "end", "viz", "parents", "spells", "slices"})
_GEXF_EDGE_RESERVED = frozenset({"id", "label", "type", "start", "end", "viz", "spells", "slices"})


def _cdata(text: str) -> str:
    """Escape element text as ElementTree does."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attrib(text: str) -> str:
    """Escape an attribute value as ElementTree does."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;"))


def _document(lines: Iterable[str]) -> str:
    """The lines as ``tostring`` (ASCII, character references) then ``splitlines`` and a final newline give them."""
    text = "\n".join(lines).encode("ascii", "xmlcharrefreplace").decode("ascii")
    return "\n".join(text.splitlines()) + "\n"


def _scalars(items: Iterable[dict[str, Any]]) -> bool:
    return all(type(v) in _TYPES for data in items for v in data.values())


def graphml_text(flat: nx.MultiDiGraph[str]) -> str | None:
    """The GraphML NetworkX writes for ``flat`` (``named_key_ids=True``, pretty), or None if not handled."""
    graph_data = {k: v for k, v in flat.graph.items() if k not in ("node_default", "edge_default", "id")}
    if "id" in flat.graph or "node_default" in flat.graph or "edge_default" in flat.graph:
        return None
    if not (_scalars([graph_data]) and _scalars(d for _, d in flat.nodes(data=True))
            and _scalars(d for _, _, d in flat.edges(data=True))):
        return None
    keys: dict[tuple[str, str, str], None] = {}

    def data_lines(scope: str, data: dict[str, Any], indent: str) -> list[str]:
        out = []
        for name, value in data.items():
            name = str(name)
            keys.setdefault((name, _TYPES[type(value)], scope), None)
            text = str(value)
            out.append(f'{indent}<data key="{_attrib(name)}">{_cdata(text)}</data>' if text
                       else f'{indent}<data key="{_attrib(name)}" />')
        return out

    body = ['  <graph edgedefault="directed">']
    graph_lines = data_lines("graph", graph_data, "    ")
    for node, data in flat.nodes(data=True):
        inner = data_lines("node", data, "      ")
        head = f'    <node id="{_attrib(str(node))}"'
        body += [head + ">", *inner, "    </node>"] if inner else [head + " />"]
    for u, v, key, data in flat.edges(keys=True, data=True):
        inner = data_lines("edge", data, "      ")
        head = f'    <edge source="{_attrib(str(u))}" target="{_attrib(str(v))}" id="{_attrib(str(key))}"'
        body += [head + ">", *inner, "    </edge>"] if inner else [head + " />"]
    body += [*graph_lines, "  </graph>"]
    if len(body) == 2:
        body = ['  <graph edgedefault="directed" />']
    key_lines = [f'  <key id="{_attrib(n)}" for="{scope}" attr.name="{_attrib(n)}" attr.type="{kind}" />'
                 for n, kind, scope in reversed(keys)]
    return _document([_GRAPHML_ROOT, *key_lines, *body, "</graphml>"])


def gexf_text(flat: nx.MultiDiGraph[str]) -> str | None:
    """The GEXF 1.2 NetworkX writes for ``flat`` (pretty, without the run date), or None if not handled."""
    if flat.graph.get("mode") == "dynamic" or "node_default" in flat.graph or "edge_default" in flat.graph:
        return None
    nodes = [(str(n), d) for n, d in flat.nodes(data=True)]
    edges: list[tuple[str, str, Any, dict[str, Any]]] = list(flat.edges(keys=True, data=True))
    if any(_GEXF_NODE_RESERVED.intersection(d) for _, d in nodes) or any(
            _GEXF_EDGE_RESERVED.intersection(d) for _, _, _, d in edges):
        return None
    if not (_scalars(d for _, d in nodes) and _scalars(d for _, _, _, d in edges) and all(
            isinstance(k, str | int) and not isinstance(k, bool) for _, _, k, _ in edges)):
        return None
    attributes: dict[str, dict[str, tuple[str, str]]] = {}  # class → title → (id, type)

    def values(kind: str, data: dict[str, Any]) -> list[str]:
        declared = attributes.setdefault(kind, {})
        out = []
        for name, value in data.items():
            title = "networkx_key" if name == "key" else str(name)
            if title not in declared:
                declared[title] = (str(sum(len(a) for a in attributes.values())), _TYPES[type(value)])
            text = str(value).lower() if isinstance(value, bool) else _float_text(value)
            out.append(f'          <attvalue for="{declared[title][0]}" value="{_attrib(text)}" />')
        return ["        <attvalues>", *out, "        </attvalues>"] if out else []

    node_lines = []
    for node, data in nodes:
        inner = values("node", data)
        head = f'      <node id="{_attrib(str(node))}" label="{_attrib(str(node))}"'
        node_lines += [head + ">", *inner, "      </node>"] if inner else [head + " />"]
    edge_lines = []
    for number, (u, v, key, data) in enumerate(edges):
        rest = {k: x for k, x in data.items() if k != "weight"}
        rest["key"] = key
        weight = f' weight="{_attrib(str(data["weight"]))}"' if "weight" in data else ""
        inner = values("edge", rest)
        head = f'      <edge source="{_attrib(str(u))}" target="{_attrib(str(v))}" id="{number}"{weight}'
        edge_lines += [head + ">", *inner, "      </edge>"] if inner else [head + " />"]
    declarations = []
    for kind in reversed(list(attributes)):  # each block goes in first, so the later one stands first
        declarations += [f'    <attributes mode="static" class="{kind}">',
                         *(f'      <attribute id="{i}" title="{_attrib(t)}" type="{k}" />'
                           for t, (i, k) in attributes[kind].items()),
                         "    </attributes>"]
    name = _attrib(str(flat.graph.get("name", "")))
    return _document([
        _GEXF_ROOT, "  <meta>", f"    <creator>NetworkX {nx.__version__}</creator>", "  </meta>",
        f'  <graph defaultedgetype="directed" mode="static" name="{name}">', *declarations,
        *(["    <nodes>", *node_lines, "    </nodes>"] if node_lines else ["    <nodes />"]),
        *(["    <edges>", *edge_lines, "    </edges>"] if edge_lines else ["    <edges />"]),
        "  </graph>", "</gexf>"])


def _float_text(value: Any) -> str:
    text = str(value)
    if isinstance(value, float):
        return {"inf": "INF", "nan": "NaN", "-inf": "-INF"}.get(text, text)
    return text
