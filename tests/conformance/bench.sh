#!/usr/bin/env bash
# GraphQL engine vs graphql-js: parse, validate and execute throughput (ops/s) on the same documents
# (bench/*.graphql), schema and data, printed side by side with the ratio. Not part of the test run.
#   tests/conformance/bench.sh [--seconds 2]
set -euo pipefail
CX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$CX_ROOT"
source api/scripts/lib.sh
cx_require_dotnet
cx_require_node
cx_npm_ci "$CX_ROOT/tests/conformance"
seconds=2
[ "${1:-}" = "--seconds" ] && seconds=$2
out=$(mktemp /tmp/cx-graphql-bench.XXXXXX.json)
trap 'rm -f "$out"' EXIT
dotnet build tests/CxDashboard.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet tests/CxDashboard.Benchmarks/bin/Release/net10.0/CxDashboard.Benchmarks.dll graphql \
  --documents tests/conformance/bench --seconds "$seconds" --json "$out" >&2
node tests/conformance/bench.mjs --seconds "$seconds" --ours "$out"
