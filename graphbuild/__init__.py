"""graphbuild: who does what to whom, from news articles to an actor knowledge graph.

Each CLI command has a library twin here::

    from graphbuild import build, build_graph, extract_triples, load_model

    nlp = load_model()
    graph = build_graph(extract_articles(["seeds/"], nlp=nlp))
"""

from graphbuild._version import __version__
from graphbuild.errors import ExportError, GraphbuildError, InputError, ModelError, StrictModeError
from graphbuild.extract import EXTRACTOR_VERSION, Extractor
from graphbuild.graph import GraphBuilder, build_graph, graph_summary
from graphbuild.io import read_articles
from graphbuild.model import Article, ArticleEntity, ArticleResult, Entity, EntityType, Evidence, RecordError, Triple
from graphbuild.nlp import DEFAULT_MODEL, load_model
from graphbuild.pipeline import (
    BuildReport,
    build,
    export_triples,
    extract_articles,
    extract_to_file,
    extract_triples,
    load_triples,
)
from graphbuild.resolve import AliasTable, load_aliases, resolve

__all__ = [
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
    "StrictModeError",
    "Triple",
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
]
