#!/usr/bin/env bash
# Runs a benchmark against its own throwaway PostgreSQL and prints its figures.
#   tests/bench.sh import   [--rows 1000000]   import throughput via the CLI vs plain COPY
#   tests/bench.sh generate [--rows 1000000]   demo generator throughput vs generation alone
#   tests/bench.sh rollup   [--rows 1000000] [--small-rows N] [--rounds N] [--no-closure-baselines]   rollup rebuild vs the leaf GROUP BY (in rounds), the same 51k-row change refreshed at two sizes,
#                                               drivers from cells vs raw facts, a verbatim page; GROUP BY over the closure and a materialized view
#   tests/bench.sh scorecard [--responses 300000] [--requests 200] [--seconds 15]   (CXD_BENCH_PG + --database NAME: reuse a seeded db)
#   tests/bench.sh export [--responses 300000] [--interactions 1100000]   monthly review of the company (time, peak memory);
#                                               1M-row raw .xlsx export vs the npm exceljs streaming writer; SpreadCheetah vs OpenXmlWriter
#                                               company scorecard over HTTP /graphql vs raw SQL and a bare cell read
set -euo pipefail
CX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$CX_ROOT"
source api/scripts/lib.sh
cx_require_dotnet
# The rollup benchmark keeps 2 × rows facts plus cells, a materialized view and WAL on disk: refuse early
# rather than fail an hour in (estimate with headroom: 1.5 KB per fact, ~30 GB for 10M + 10M).
if [ "${1:-}" = rollup ]; then
  rows=1000000; [ "${2:-}" = --rows ] && rows=$3
  need_kb=$(( rows * 2 * 3 / 2 ))
  free_kb=$(df -Pk /tmp | awk 'NR==2 {print $4}')
  [ "$free_kb" -ge "$need_kb" ] || cx_die "the rollup benchmark with $rows rows needs about $(( need_kb / 1048576 )) GB free in /tmp; $(( free_kb / 1048576 )) GB free"
fi
work=$(mktemp -d /tmp/cx-bench.XXXXXX); chmod 755 "$work"
trap 'cx_pg_stop "$work/pg"; rm -rf "$work"' EXIT
port=$(cx_free_port)
CX_PG_SHARED_BUFFERS=2GB CX_PG_EXTRA_OPTS="-c max_wal_size=4GB -c checkpoint_timeout=30min" cx_pg_start "$work/pg" "$port"
export CXD_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres"
dotnet build tests/CxDashboard.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet tests/CxDashboard.Benchmarks/bin/Release/net10.0/CxDashboard.Benchmarks.dll "$@"
