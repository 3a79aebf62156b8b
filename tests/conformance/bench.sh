#!/usr/bin/env bash
# GraphQL engine vs graphql-js: parse, validate and execute throughput (ops/s) on the same documents
# (bench/*.graphql), schema and data, printed side by side with the ratio. Not part of the test run.
#   tests/conformance/bench.sh [--seconds 2] [--clock cpu|wall]
# --clock cpu (default): operations per second of CPU time used by each process (all its threads), which
# keeps the ratio meaningful on a loaded, shared machine; --clock wall: per elapsed second (idle machines).
set -euo pipefail
CX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$CX_ROOT"
source api/scripts/lib.sh
cx_require_dotnet
cx_require_node
cx_npm_ci "$CX_ROOT/tests/conformance"
seconds=2
clock=cpu
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --clock) clock=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds N] [--clock cpu|wall]" >&2; exit 2 ;;
  esac
done
out=$(mktemp /tmp/cx-graphql-bench.XXXXXX.json)
trap 'rm -f "$out"' EXIT
dotnet build tests/CxDashboard.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet tests/CxDashboard.Benchmarks/bin/Release/net10.0/CxDashboard.Benchmarks.dll graphql \
  --documents tests/conformance/bench --seconds "$seconds" --clock "$clock" --json "$out" >&2
node tests/conformance/bench.mjs --seconds "$seconds" --clock "$clock" --ours "$out"
