#!/bin/bash
# The streaming replica: on first start, a base backup of the primary with -R (writes
# standby.signal and primary_conninfo), then PostgreSQL as a hot standby.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA" && chmod 700 "$PGDATA"
  until PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream -c fast; do
    echo "waiting for the primary…"; rm -rf "${PGDATA:?}"/*; sleep 2
  done
fi
exec postgres -c hot_standby=on -c max_connections=200 -c max_standby_streaming_delay=30s -c hot_standby_feedback=on
