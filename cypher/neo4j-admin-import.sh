#!/usr/bin/env bash
# Bulk-load a graphbuild output directory into an EMPTY Neo4j 5 database with neo4j-admin
# (much faster than `graphbuild push` for very large graphs). Stop the database first.
#
#   cypher/neo4j-admin-import.sh out/ [database]
#
# nodes.csv and relationships.csv are in neo4j-admin's header format; arrays use "|".
# Afterwards start the database and run cypher/schema.cypher once (constraints and indexes).
set -euo pipefail
out="${1:?usage: $0 OUT_DIR [DATABASE]}"
database="${2:-neo4j}"
neo4j-admin database import full "$database" \
  --overwrite-destination=true \
  --array-delimiter="|" \
  --nodes="$out/nodes.csv" \
  --relationships="$out/relationships.csv"
