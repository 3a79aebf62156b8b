#!/usr/bin/env bash
# Runs every test suite of CxDashboard against a throwaway PostgreSQL it starts (and stops) itself.
# Installs what is missing (PostgreSQL, Chromium, Node packages). Ends with one line: "N passed, N failed".
#
#   tests/run.sh                  all suites
#   CX_SUITES="dotnet web" tests/run.sh   a subset (dotnet, conformance, web, e2e)
set -uo pipefail
CX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$CX_ROOT"
# shellcheck source=../api/scripts/lib.sh
source api/scripts/lib.sh

suites=${CX_SUITES:-"dotnet conformance web e2e"}
work=$(mktemp -d /tmp/cx-tests.XXXXXX)
chmod 755 "$work"
results="$work/results"; mkdir -p "$results"
host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null
  cx_pg_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

total_passed=0; total_failed=0
# record NAME PASSED FAILED
record() {
  printf '  %-12s %5d passed, %d failed\n' "$1" "$2" "$3" >> "$work/summary"
  total_passed=$((total_passed + $2)); total_failed=$((total_failed + $3))
}
# A suite that printed no "name: N passed, N failed" line crashed: count it as one failure.
record_from_log() {
  local name=$1 log=$2 line
  line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed" "$log" | tail -1)
  if [ -z "$line" ]; then
    echo "!! suite '$name' produced no result line (crashed?) — counted as 1 failure" >&2
    record "$name" 0 1
  else
    record "$name" "$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")" "$(sed -E 's/.*, ([0-9]+) failed.*/\1/' <<<"$line")"
  fi
}

cx_require_dotnet
cx_pg_bin >/dev/null
pg_port=$(cx_free_port)
CX_PG_EXTRA_OPTS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" cx_pg_start "$work/pg" "$pg_port"
export CXD_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres"

cx_log "building the solution"
dotnet build CxDashboard.sln -c Release -nologo -v quiet -clp:ErrorsOnly >&2 || { record build 0 1; }

for suite in $suites; do
  case $suite in
    dotnet)
      for proj in tests/CxDashboard.GraphQL.Tests tests/CxDashboard.Tests; do
        name=$(basename "$proj")
        cx_log "dotnet test $name"
        trx="$results/$name.trx"
        timeout 25m dotnet test "$proj" -c Release --no-build -nologo \
          --logger "trx;LogFileName=$trx" --logger "console;verbosity=minimal" >&2
        if [ -f "$trx" ]; then
          counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
          p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
          f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
          e=$(sed -E 's/.* error="([0-9]+)".*/\1/' <<<"$counters")
          record "$name" "$p" $((f + e))
          # the privacy adversary's count of combinations tried and recovered
          grep -o 'adversary: [^<&]*' "$trx" | head -1 | sed 's/^/  /' >> "$work/summary" || true
        else
          echo "!! $name produced no results — counted as 1 failure" >&2
          record "$name" 0 1
        fi
      done
      ;;
    conformance)
      if [ -f tests/conformance/run.sh ]; then
        cx_require_node
        bash tests/conformance/run.sh 2>&1 | tee "$results/conformance.log" >&2
        record_from_log conformance "$results/conformance.log"
      fi
      ;;
    web)
      cx_require_node
      cx_npm_ci "$CX_ROOT/web"
      cx_log "web: typecheck and unit tests"
      (cd web && npm run --silent typecheck) >&2 || record web-typecheck 0 1
      (cd web && node scripts/test-summary.mjs) 2>&1 | tee "$results/web.log" >&2
      record_from_log web "$results/web.log"
      ;;
    e2e)
      cx_require_node
      cx_apt_install chromium curl
      cx_npm_ci "$CX_ROOT/web"
      cx_npm_ci "$CX_ROOT/tests/e2e"
      (cd web && npm run --silent build >&2) || { record e2e 0 1; continue; }
      cx_log "e2e: starting the host on a seeded database"
      psql "host=127.0.0.1 port=$pg_port user=postgres dbname=postgres" -qc "create database cx_e2e" >/dev/null
      export ConnectionStrings__Cx="$CXD_TEST_PG;Database=cx_e2e"
      export ASPNETCORE_CONTENTROOT="$CX_ROOT/api/CxDashboard.Api"
      export Auth__DemoIssuer=true # the browser tests sign in as demo personas
      hostdll=api/CxDashboard.Api/bin/Release/net10.0/CxDashboard.Api.dll
      dotnet "$hostdll" migrate >&2 && dotnet "$hostdll" seed --responses 20000 --interactions 40000 >&2 \
        || { record e2e 0 1; continue; }
      http_port=$(cx_free_port)
      dotnet "$hostdll" --urls "http://127.0.0.1:$http_port" --Web:Root "$CX_ROOT/web/dist" > "$results/e2e-host.log" 2>&1 &
      host_pid=$!
      for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$http_port/healthz" >/dev/null && break; sleep 1; done
      BASE_URL="http://127.0.0.1:$http_port" timeout 10m node tests/e2e/run.mjs 2>&1 | tee "$results/e2e.log" >&2
      record_from_log e2e "$results/e2e.log"
      kill "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null; host_pid=""
      unset ConnectionStrings__Cx
      ;;
    *) cx_die "unknown suite '$suite' (known: dotnet conformance web e2e)";;
  esac
done

echo >&2
echo "Test suites:" >&2
cat "$work/summary" >&2
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
