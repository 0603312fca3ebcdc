"""Push the actor graph into Neo4j over Bolt: idempotent, batched, retried.

The writer gets its driver from the caller (:func:`connect` makes one) and never logs or
stores the password. It first checks which data model the database holds (see
:mod:`graphbuild.neo4j.queries`), then writes in this order, each batch in its own managed
transaction (``session.execute_write``): schema, entities, type labels, articles, MENTIONS,
entity mention counts, then the relationships of each class with their evidence, and last the
model node. Every write is a ``MERGE`` keyed by entity key, article id, (subject, predicate,
object) or (for evidence) article id and offset, and writes only what changes, so pushing the
same graph twice leaves the database as it was, and pushing new articles later only adds to
weights and evidence.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graphbuild.errors import GraphbuildError
from graphbuild.export import relationship_type, type_label
from graphbuild.neo4j import DEFAULT_BATCH_SIZE, DEFAULT_EVIDENCE_CAP
from graphbuild.neo4j.queries import (
    ARTICLES,
    DELETE_FIRST_MODEL,
    ENTITIES,
    ENTITY_MENTIONS,
    FIRST_MODEL,
    MENTIONS,
    MODEL,
    MODEL_VERSION,
    READ_MODEL,
    SCHEMA,
    entity_label_query,
    new_entities_query,
    relationships_query,
    retype_query,
)

__all__ = ["DEFAULT_BATCH_SIZE", "Neo4jWriteError", "Neo4jWriter", "PushReport", "connect", "push_graph"]

log = logging.getLogger(__name__)

#: What to do about a database the first data model wrote (one relationship type per relation).
FIRST_MODEL_FOUND = (
    "database {database!r} holds relationships of graphbuild's first data model, typed with their relation "
    "(TRAVEL_TO); graphbuild now types them with their class (CONSULT) and keeps the wording in the predicate "
    "property. Push with --migrate to delete the first-model relationships (entities, articles and mentions stay; "
    "push every build again to bring back their relations), or push into another database with --database. "
    "See the README, Neo4j: migrating from the first data model."
)
SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
T = TypeVar("T")


class Neo4jWriteError(GraphbuildError):
    """Neo4j could not be reached or refused a write; the message names the URI and what to check."""


@contextlib.contextmanager
def connect(uri: str, user: str, password: str) -> Iterator[Driver]:
    """Open a driver to ``uri`` and check that it answers; close it at the end.

    Raises:
        Neo4jWriteError: a bad URI scheme, an unreachable server, or wrong credentials. The
            message names the URI and the user, never the password.
    """
    if not uri.startswith(SCHEMES):
        raise Neo4jWriteError(f"{uri!r} is not a Neo4j URI; use one of {', '.join(SCHEMES)} (e.g. bolt://localhost:7687)")
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=15)
    except (ValueError, DriverError) as err:
        raise Neo4jWriteError(f"cannot use {uri}: {type(err).__name__}; check the URI") from None
    try:
        try:
            driver.verify_connectivity()
        except AuthError:
            raise Neo4jWriteError(
                f"Neo4j at {uri} refused the credentials of user {user!r}; check NEO4J_USER and NEO4J_PASSWORD"
            ) from None
        except (ServiceUnavailable, SessionExpired, OSError) as err:
            raise Neo4jWriteError(
                f"cannot reach Neo4j at {uri} ({type(err).__name__}); check that the server runs and the "
                "URI, host and port are right (docker compose up -d starts one)"
            ) from None
        yield driver
    finally:
        driver.close()


@dataclass(frozen=True, slots=True, kw_only=True)
class PushReport:
    """What a push wrote."""

    entities: int
    articles: int
    mentions: int
    relationships: int
    batches: int
    seconds: float


def _batches(rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _run(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(query, params)]


@dataclass(frozen=True, slots=True)
class Neo4jWriter:
    """Batched, idempotent writer of graphbuild graphs over an open driver.

    Args:
        driver: an open ``neo4j.Driver`` (the caller owns and closes it).
        database: the database to write to (always passed explicitly).
        batch_size: rows per transaction.
        evidence_cap: evidence sentences kept on each relationship.
        retries: attempts per batch on connection loss (transient errors are also retried by
            the driver inside ``execute_write``).
        migrate: delete the relationships of the first data model instead of refusing the database.
    """

    driver: Driver
    database: str = "neo4j"
    batch_size: int = DEFAULT_BATCH_SIZE
    evidence_cap: int = DEFAULT_EVIDENCE_CAP
    min_confidence: float = 0.0
    retries: int = 5
    migrate: bool = False

    def _write(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run ``query`` in its own transaction, retrying it on connection loss; return its rows."""
        delay = 0.5
        for attempt in range(1, self.retries + 1):
            try:
                with self.driver.session(database=self.database) as session:
                    return session.execute_write(_run, query, params)
            except (ServiceUnavailable, SessionExpired) as err:
                if attempt == self.retries:
                    raise Neo4jWriteError(
                        f"lost the connection to Neo4j {attempt} times in a row ({type(err).__name__}); "
                        "check the server, then push again: pushing is idempotent and resumes cleanly"
                    ) from None
                log.warning("connection lost (%s); retrying in %.1f s", type(err).__name__, delay)
                time.sleep(delay)
                delay = min(delay * 2, 10.0)
            except AuthError:
                raise Neo4jWriteError("Neo4j refused the credentials; check NEO4J_USER and NEO4J_PASSWORD") from None
            except (ClientError, Neo4jError) as err:
                reason = f"{err.code or type(err).__name__}: {err.message}"
                raise Neo4jWriteError(f"Neo4j refused a write: {reason}") from None
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read ``query`` and return its rows."""
        try:
            records = self.driver.execute_query(query, params, database_=self.database).records
        except (ClientError, Neo4jError) as err:
            raise Neo4jWriteError(f"Neo4j refused a read: {err.code or type(err).__name__}: {err.message}") from None
        except (ServiceUnavailable, SessionExpired) as err:
            raise Neo4jWriteError(f"lost the connection to Neo4j ({type(err).__name__}); check the server") from None
        return [record.data() for record in records]

    def _write_rows(self, query: str, rows: Sequence[Any], key: str, on_batch: Callable[[int], None] | None,
                    **params: Any) -> tuple[int, list[dict[str, Any]]]:
        """Write ``rows`` in batches; return the number of batches and the rows the query returned."""
        batches, returned = 0, []
        for batch in _batches(rows, self.batch_size):
            returned += self._write(query, **{key: list(batch)}, **params)
            batches += 1
            if on_batch:
                on_batch(len(batch))
        return batches, returned

    def create_schema(self) -> None:
        """Create the constraints and indexes (idempotent)."""
        for statement in SCHEMA:
            self._write(statement)

    def check_model(self, schema: str | None) -> bool:
        """Refuse a database another data model wrote; return whether relationships must be moved
        to the classes of ``schema`` (the database was pushed with another schema)."""
        state = self._read(READ_MODEL)[0]
        if state["version"] is None:
            if state["entities"] and self._read(FIRST_MODEL):
                if not self.migrate:
                    raise Neo4jWriteError(FIRST_MODEL_FOUND.format(database=self.database))
                self._delete_first_model()
            return False
        if int(state["version"]) > MODEL_VERSION:
            raise Neo4jWriteError(f"database {self.database!r} was written by a newer graphbuild (data model "
                                  f"{state['version']}); upgrade graphbuild to push into it")
        return schema is None or state["schema"] != schema

    def _delete_first_model(self) -> None:
        while self._write(DELETE_FIRST_MODEL, limit=self.batch_size * 10)[0]["deleted"]:
            log.info("deleted first-model relationships")

    def _push_entities(self, graph: nx.MultiDiGraph[str], progress: Callable[[int], None] | None) -> tuple[int, int]:
        entities = [
            {"key": str(key), "name": data["name"], "type": data["type"], "aliases": list(data.get("aliases", []))}
            for key, data in graph.nodes(data=True)
        ]
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in entities:
            by_label[type_label(row["type"])].append(row)
        batches = 0
        for label in sorted(by_label):
            batches += self._write_rows(new_entities_query(label), by_label[label], "rows", None)[0]
        batches += self._write_rows(ENTITIES, entities, "rows", progress)[0]
        for label in sorted(by_label):
            batches += self._write_rows(entity_label_query(label), [r["key"] for r in by_label[label]], "keys",
                                        None)[0]
        return len(entities), batches

    def _push_articles(self, graph: nx.MultiDiGraph[str]) -> tuple[int, int, int]:
        articles = [
            {"id": str(a["id"]), "title": a.get("title"), "date": a.get("date"), "source": a.get("source"),
             "url": a.get("url")}
            for a in graph.graph.get("articles", [])
        ]
        known = {a["id"] for a in articles}
        mentions = []
        for key, data in graph.nodes(data=True):
            for article, count in (data.get("article_mentions") or {}).items():
                if article not in known:
                    known.add(article)
                    articles.append({"id": article, "title": None, "date": None, "source": None, "url": None})
                mentions.append({"article": article, "key": str(key), "count": int(count)})
        articles.sort(key=lambda a: a["id"])
        batches = self._write_rows(ARTICLES, articles, "rows", None)[0]
        more, changed = self._write_rows(MENTIONS, mentions, "rows", None)
        keys = sorted({row["key"] for row in changed})
        batches += more + self._write_rows(ENTITY_MENTIONS, keys, "keys", None)[0]
        return len(articles), len(mentions), batches

    def _relationship_rows(self, graph: nx.MultiDiGraph[str]) -> dict[str, list[dict[str, Any]]]:
        by_class: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for source, target, data in graph.edges(data=True):
            if float(data.get("confidence", 1.0)) < self.min_confidence:
                continue
            evidence = data["evidence"]
            surfaces = data.get("surface") or []
            by_class[relationship_type(str(data.get("class") or "OTHER"))].append({
                "source": str(source), "target": str(target), "predicate": data["relation"],
                "surface": surfaces[0] if surfaces else data["relation"].replace("_", " "),
                "tone": str(data.get("tone") or "neutral"), "confidence": float(data.get("confidence", 1.0)),
                "keys": [f"{e['article_id']}:{e['start']}" for e in evidence],
                "dates": [str(e.get("date") or "") for e in evidence],
                "sentences": [e["sentence"] for e in evidence],
                "negated": [bool(e["negated"]) for e in evidence],
                "hedged": [bool(e["hedged"]) for e in evidence],
                "articles": list(data["articles"]),
                "first_seen": data.get("first_seen"), "last_seen": data.get("last_seen"),
            })
        return by_class

    def push(self, graph: nx.MultiDiGraph[str], *, progress: Callable[[int], None] | None = None) -> PushReport:
        """Write ``graph`` (as built by :func:`graphbuild.build_graph`)."""
        started = time.monotonic()
        self.create_schema()
        schema = graph.graph.get("schema")
        retype = self.check_model(str(schema) if schema else None)
        entities, batches = self._push_entities(graph, progress)
        articles, mentions, more = self._push_articles(graph)
        batches += more
        by_class = self._relationship_rows(graph)
        for relation_class in sorted(by_class) if retype else ():
            batches += self._write_rows(retype_query(relation_class), by_class[relation_class], "rows", None,
                                        type=relation_class)[0]
        for relation_class in sorted(by_class):
            batches += self._write_rows(relationships_query(relation_class), by_class[relation_class], "rows",
                                        progress, cap=self.evidence_cap)[0]
        classes = sorted(graph.graph.get("classes") or by_class)
        self._write(MODEL, name="graphbuild", version=MODEL_VERSION, schema=str(schema or ""), classes=classes)
        return PushReport(
            entities=entities, articles=articles, mentions=mentions,
            relationships=sum(len(rows) for rows in by_class.values()), batches=batches,
            seconds=round(time.monotonic() - started, 3),
        )


def push_graph(
    graph: nx.MultiDiGraph[str],
    driver: Driver,
    *,
    database: str = "neo4j",
    batch_size: int = DEFAULT_BATCH_SIZE,
    evidence_cap: int = DEFAULT_EVIDENCE_CAP,
    min_confidence: float = 0.0,
    migrate: bool = False,
    progress: Callable[[int], None] | None = None,
) -> PushReport:
    """Push an actor graph into Neo4j; safe to repeat, and later pushes add to what is there.

    Args:
        graph: the graph from :func:`graphbuild.build_graph` (or read from ``graph.json``).
        driver: an open driver (see :func:`connect`); the caller closes it.
        database: the database to write to.
        batch_size: rows per transaction.
        evidence_cap: evidence sentences kept on each relationship.
        min_confidence: leave out relations whose best confidence is below this.
        migrate: delete the relationships the first data model wrote (one type per relation)
            instead of refusing such a database.
        progress: called with the number of entities or relationships after each batch.

    Raises:
        Neo4jWriteError: the server refused a write or stayed unreachable.

    Example:
        >>> with connect("bolt://localhost:7687", "neo4j", password) as driver:  # doctest: +SKIP
        ...     push_graph(graph, driver, database="neo4j")
    """
    writer = Neo4jWriter(driver, database=database, batch_size=batch_size, evidence_cap=evidence_cap,
                         min_confidence=min_confidence, migrate=migrate)
    return writer.push(graph, progress=progress)
