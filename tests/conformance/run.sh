#!/usr/bin/env bash
# GraphQL conformance: builds and starts the C# test server (tests/CxDashboard.GraphQL.TestServer) on a
# free port and compares it with graphql-js and graphql-http's audit (run.mjs). Installs its own Node
# packages. Ends with one line: "conformance: N passed, N failed" (a missing piece is a failure, never a skip).
#   tests/conformance/run.sh [corpus-filter]
set -uo pipefail
CX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$CX_ROOT"
# shellcheck source=../../api/scripts/lib.sh
source api/scripts/lib.sh

fail() { echo "conformance: $*" >&2; echo "conformance: 0 passed, 1 failed"; exit 1; }

command -v dotnet >/dev/null || fail "dotnet not found"
cx_require_node
cx_npm_ci "$CX_ROOT/tests/conformance"

proj=tests/CxDashboard.GraphQL.TestServer
cx_log "conformance: building the test server"
dotnet build "$proj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2 || fail "the test server does not build"
dll="$proj/bin/Release/net10.0/CxDashboard.GraphQL.TestServer.dll"

work=$(mktemp -d /tmp/cx-conformance.XXXXXX)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet "$dll" --print-sdl > "$work/schema.sdl" 2> "$work/print-sdl.log" \
  || { cat "$work/print-sdl.log" >&2; fail "the test server could not print its SDL"; }

port=$(cx_free_port)
dotnet "$dll" --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; fail "the test server exited"; }
  sleep 0.5
done

cx_log "conformance: comparing with graphql-js on http://127.0.0.1:$port/graphql"
CONFORMANCE_URL="http://127.0.0.1:$port/graphql" CONFORMANCE_SDL="$work/schema.sdl" \
  node tests/conformance/run.mjs "$@"
status=$?
if [ "$status" -ne 0 ] && ! kill -0 "$server_pid" 2>/dev/null; then
  echo "the test server died; its log:" >&2; tail -30 "$work/server.log" >&2
fi
exit $status
