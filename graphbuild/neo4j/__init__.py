"""Neo4j: the Bolt writer, its query text, the curated query library, and a local test server.

* :mod:`.writer`: :func:`push_graph` (a driver in, idempotent ``UNWIND`` batches out) and :func:`connect`;
* :mod:`.queries`: the writer's Cypher text (labels and types reduced to ``[A-Z][A-Z0-9_]*``);
* :mod:`.library`: the curated queries (``graphbuild/data/queries.cypher``, linked from ``cypher/``) and
  running Cypher; :mod:`.params`: their parameters, typed and defaulted on the graph at hand;
* :mod:`.localserver`: a throwaway Bolt + Cypher server (ArcadeDB) for trying Cypher without Neo4j.

Only this package imports the ``neo4j`` driver.
"""

__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_EVIDENCE_CAP"]

#: Rows per Neo4j transaction (one round trip each).
DEFAULT_BATCH_SIZE = 500
#: Evidence sentences kept on each relationship (weight counts them all).
DEFAULT_EVIDENCE_CAP = 10
