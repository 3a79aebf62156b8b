#!/usr/bin/env bash
# Runs CxDashboard locally: private PostgreSQL, migrations, demo data, API + web on http://127.0.0.1:5080.
# Idempotent: reuses the cluster, skips demo data when the database already has an organisation.
#
# Environment:
#   ConnectionStrings__Cx   use this database instead of the private cluster
#   CX_PORT                 HTTP port (default 5080)
#   CX_PG_PORT              private PostgreSQL port (default 55432)
#   CX_SEED_ARGS            extra arguments for the demo generator (e.g. "--responses 50000")
set -euo pipefail
CX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$CX_ROOT"
# shellcheck source=scripts/lib.sh
source api/scripts/lib.sh

cx_require_dotnet
port=${CX_PORT:-5080}
# Checked before the build: a second start while one is serving would end in the host's bind error after minutes.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  cx_die "port $port is already in use (is CxDashboard already running from this or another checkout?). Stop it, or start on another port: CX_PORT=5081 ./api/run.sh"
fi
local_dir="$CX_ROOT/.local"
mkdir -p "$local_dir"

if [ -z "${ConnectionStrings__Cx:-}" ]; then
  pg_dir=$(cx_pg_dir "$local_dir/pg")
  pg_port=$(cx_pg_port "$pg_dir" || true)
  pg_port=${pg_port:-${CX_PG_PORT:-55432}}
  cx_pg_start "$pg_dir" "$pg_port"
  psql_bin="$(cx_pg_bin)/psql"
  "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "select 1 from pg_database where datname='cxdashboard'" | grep -q 1 \
    || "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "create database cxdashboard" >/dev/null
  export ConnectionStrings__Cx="Host=127.0.0.1;Port=$pg_port;Database=cxdashboard;Username=postgres"
fi

# One signing key per checkout, so demo tokens survive restarts: the host creates the file, mode 0600.
[ ! -e "$local_dir/signing-key" ] || chmod 600 "$local_dir/signing-key"
export Auth__SigningKeyFile="$local_dir/signing-key"
# The demo issuer hands out a token for any persona without a password: for local runs only, never in production.
export Auth__DemoIssuer=true
printf '\033[1;33mwarning:\033[0m the demo issuer is ON (POST /auth/token: any persona, no password) — a local run, not for production.\n' >&2

cx_require_node
cx_npm_ci "$CX_ROOT/web"
cx_log "building the web app"
(cd web && npm run --silent build > "$local_dir/web-build.log" 2>&1) || { cat "$local_dir/web-build.log" >&2; cx_die "web build failed"; }

cx_log "building the API"
dotnet build api/CxDashboard.Api/CxDashboard.Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly > "$local_dir/build.log" 2>&1 \
  || { cat "$local_dir/build.log" >&2; cx_die "API build failed"; }
host=(dotnet api/CxDashboard.Api/bin/Release/net10.0/CxDashboard.Api.dll)
export ASPNETCORE_CONTENTROOT="$CX_ROOT/api/CxDashboard.Api"

cx_log "applying migrations"
"${host[@]}" migrate
cx_log "loading demo data (skipped when the database already has an organisation)"
# shellcheck disable=SC2086
"${host[@]}" seed --if-empty ${CX_SEED_ARGS:-}
# Cells before serving: otherwise the first page shows no figures until the scheduler's first rebuild (about a
# minute for the demo set). Incremental, so a later start with nothing new takes a moment.
cx_log "computing rollup cells (a full rebuild the first time, then only what changed)"
"${host[@]}" rollup

cat >&2 <<MSG

  CxDashboard is starting on  http://127.0.0.1:$port
  Sign in with a demo persona: executive, department_head, partner_manager or analyst
  (the sign-in page lists them; API: POST /auth/token {"persona":"analyst"}).
  Health: http://127.0.0.1:$port/healthz
  Demo issuer ON (Auth:DemoIssuer=true): anyone reaching this port can sign in as any persona.
  Stop with Ctrl+C (PostgreSQL keeps running for the next start; data in ${pg_dir:-.local/}).

MSG
exec "${host[@]}" --urls "http://127.0.0.1:$port" --Web:Root "$CX_ROOT/web/dist"
