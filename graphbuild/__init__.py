"""graphbuild: who does what to whom, from news articles to an actor knowledge graph.

Each CLI command has a library twin here::

    from graphbuild import build_graph, extract_articles, load_model

    nlp = load_model()
    graph = build_graph(t for r in extract_articles(["seeds/"], nlp=nlp) for t in getattr(r, "triples", ()))

The names are imported on first use, so ``import graphbuild`` (and the command line's
``--help``) does not load spaCy, NetworkX or the Neo4j driver until something needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from graphbuild._version import __version__

if TYPE_CHECKING:
    from graphbuild.aliases import AliasTable, load_aliases, resolve
    from graphbuild.building import BuildReport, build, export_triples, load_triples
    from graphbuild.errors import (
        ExportError,
        GraphbuildError,
        InputError,
        ModelError,
        StrictModeError,
        UsageError,
    )
    from graphbuild.extraction.catalogue import CATALOGUE, Rule
    from graphbuild.extraction.extractor import EXTRACTOR_VERSION, Extractor
    from graphbuild.extraction.nlp import DEFAULT_MODEL, load_model
    from graphbuild.extraction.usage import RuleUsage, rule_usage
    from graphbuild.graph import GraphBuilder, build_graph, graph_summary
    from graphbuild.io import read_articles
    from graphbuild.model import (
        Article,
        ArticleEntity,
        ArticleResult,
        Entity,
        EntityType,
        Evidence,
        RecordError,
        Triple,
    )
    from graphbuild.pipeline import extract_articles, extract_to_file, extract_triples

#: Where each public name lives.
_WHERE = {
    "graphbuild.building": ("BuildReport", "build", "export_triples", "load_triples"),
    "graphbuild.errors": ("ExportError", "GraphbuildError", "InputError", "ModelError", "StrictModeError",
                          "UsageError"),
    "graphbuild.extraction.catalogue": ("CATALOGUE", "Rule"),
    "graphbuild.extraction.extractor": ("EXTRACTOR_VERSION", "Extractor"),
    "graphbuild.extraction.nlp": ("DEFAULT_MODEL", "load_model"),
    "graphbuild.extraction.usage": ("RuleUsage", "rule_usage"),
    "graphbuild.graph": ("GraphBuilder", "build_graph", "graph_summary"),
    "graphbuild.io": ("read_articles",),
    "graphbuild.model": ("Article", "ArticleEntity", "ArticleResult", "Entity", "EntityType", "Evidence",
                         "RecordError", "Triple"),
    "graphbuild.pipeline": ("extract_articles", "extract_to_file", "extract_triples"),
    "graphbuild.aliases": ("AliasTable", "load_aliases", "resolve"),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = [
    "CATALOGUE",
    "DEFAULT_MODEL",
    "EXTRACTOR_VERSION",
    "AliasTable",
    "Article",
    "ArticleEntity",
    "ArticleResult",
    "BuildReport",
    "Entity",
    "EntityType",
    "Evidence",
    "ExportError",
    "Extractor",
    "GraphBuilder",
    "GraphbuildError",
    "InputError",
    "ModelError",
    "RecordError",
    "Rule",
    "RuleUsage",
    "StrictModeError",
    "Triple",
    "UsageError",
    "__version__",
    "build",
    "build_graph",
    "export_triples",
    "extract_articles",
    "extract_to_file",
    "extract_triples",
    "graph_summary",
    "load_aliases",
    "load_model",
    "load_triples",
    "read_articles",
    "resolve",
    "rule_usage",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return __all__
