#!/usr/bin/env bash
# Let the PostgreSQL on 127.0.0.1 (PGPORT, default 5432) take replication connections from
# 127.0.0.1, which the read-replica tests need to copy it (tests/test_replica.py): adds
# "host replication all 127.0.0.1/32 trust" to its pg_hba.conf and reloads its configuration,
# only when no rule allows them yet. Never restarts or stops the server. For CI and a desk;
# a production replica has its own user and password (docs/operating.md, "A read replica").
set -euo pipefail
PGHOST=127.0.0.1
PGPORT=${PGPORT:-5432}
export PGHOST PGPORT PGUSER=${PGUSER:-postgres}

allowed=$(psql -d postgres -Atc "SELECT count(*) FROM pg_hba_file_rules
  WHERE type = 'host' AND database && '{replication}' AND address IN ('127.0.0.1', 'all')")
if [ "$allowed" != "0" ]; then
  echo "PostgreSQL on $PGHOST:$PGPORT already takes replication connections from 127.0.0.1."
  exit 0
fi
hba=$(psql -d postgres -Atc "SHOW hba_file")
echo "host replication all 127.0.0.1/32 trust" >>"$hba"
psql -d postgres -Atc "SELECT pg_reload_conf()" >/dev/null
echo "Added 'host replication all 127.0.0.1/32 trust' to $hba and reloaded PostgreSQL's configuration."
