"""graphbuild's exception hierarchy; only the CLI turns these into exit codes."""

from __future__ import annotations

__all__ = [
    "CacheError",
    "CypherError",
    "ExecutorError",
    "ExportError",
    "GraphbuildError",
    "InputError",
    "ModelError",
    "StrictModeError",
    "UsageError",
]


class GraphbuildError(Exception):
    """Base class of every error graphbuild raises on purpose."""

    exit_code = 1


class InputError(GraphbuildError):
    """An input path or record cannot be read as articles."""

    exit_code = 2


class UsageError(InputError):
    """An option names something that does not exist (a rule, a query); the message lists what does."""


class CypherError(InputError):
    """A Cypher statement was refused by the server (a syntax error, an unknown function…)."""


class StrictModeError(InputError):
    """A bad record was found while running with ``strict=True``."""


class ModelError(GraphbuildError):
    """The spaCy model cannot be loaded; the message names the package to install."""


class ExportError(GraphbuildError):
    """A graph or triples file cannot be written or read back."""


class CacheError(GraphbuildError):
    """The extraction cache's directory or database cannot be used."""


class ExecutorError(GraphbuildError):
    """The worker processes or the Dask cluster that run extraction failed or cannot be reached."""
