#!/usr/bin/env bash
# Starts Debian's PostgreSQL on 127.0.0.1 for the end-to-end hashtag example
# (installing it first if needed) and prints the PG* variables to export.
# Usage: eval "$(bash scripts/postgres.sh)"
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "${version} main" || pg_createcluster "${version}" main >&2
pg_ctlcluster "${version}" main start >&2 2>/dev/null || true
port=$(pg_lsclusters -h | awk -v v="${version}" '$1==v && $2=="main" {print $3}')
su postgres -c "psql -q -p ${port} -v ON_ERROR_STOP=1" >&2 <<'SQL'
DO $$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'n8n_e2e') THEN
		CREATE ROLE n8n_e2e LOGIN PASSWORD 'n8n_e2e' SUPERUSER;
	END IF;
END $$;
SQL
su postgres -c "psql -q -p ${port} -tAc \"SELECT 1 FROM pg_database WHERE datname = 'n8n_e2e'\"" | grep -q 1 ||
	su postgres -c "createdb -p ${port} -O n8n_e2e n8n_e2e" >&2
echo "export PGHOST=127.0.0.1 PGPORT=${port} PGUSER=n8n_e2e PGPASSWORD=n8n_e2e PGDATABASE=n8n_e2e"
