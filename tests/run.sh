#!/usr/bin/env bash
# Runs every test suite of CxDashboard against a throwaway PostgreSQL it starts (and stops) itself.
# Installs what is missing (PostgreSQL, Chromium, Node packages). Ends with ONE line summing every suite:
#   "N passed, N failed, N skipped"            (exit status 0 only when N failed is 0)
#
#   tests/run.sh                          all suites
#   CX_SUITES="dotnet web" tests/run.sh   a subset while developing (dotnet, conformance, web, e2e);
#                                         under CI=true it is ignored (with a message): CI always runs every suite
#
# The summary only trusts what a suite proves. A suite FAILS (one failure added to its failed tests for each
# reason, listed under the per-suite lines) when:
#   - its runner is missing, exits non-zero, times out or is killed, even with 0 failed tests (a crashed
#     test host, e.g. Environment.FailFast or a stack overflow, reports no failed test but exits non-zero);
#   - dotnet: its trx is missing or its outcome is not Completed (an aborted run writes "Failed" and counts
#     only the tests that ran before the crash, none of them failed);
#   - other runners: no last line "NAME: N passed, N failed[, N skipped]";
#   - it ran (passed + failed) fewer tests than its minimum in tests/min-tests.txt, or has no line there
#     (so deleted or undiscovered tests are visible; in a full run, a listed suite that never ran fails too);
#   - under CI=true, it skipped any test (skips are printed in every run).
#
# Adding a suite (web component tests, e2e scenarios, …):
#   1. a runner that exits non-zero on failure and prints, as its result line, "NAME: N passed, N failed, N skipped"
#      (the ", N skipped" part is optional) — or an xunit project under tests/ (its trx is read);
#   2. one line in the case below: `run_counted NAME LOG-NAME COMMAND...` (or `run_dotnet tests/Project`), in a
#      new case branch with its name added to all_suites if it is a separate suite;
#   3. a line "NAME MINIMUM" in tests/min-tests.txt with the number of tests it runs today. Raise the minimum
#      when you add tests; lower it only in a commit that says which tests were removed and why.
# Tests inside an existing suite (e.g. LibreOffice checks in CxDashboard.Tests) need only step 3's raise.
set -uo pipefail
CX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$CX_ROOT"
# shellcheck source=../api/scripts/lib.sh
source api/scripts/lib.sh

all_suites="dotnet conformance web e2e"
ci=false
[ "${CI:-}" = true ] && ci=true
if [ "$ci" = true ] && [ -n "${CX_SUITES:-}" ]; then
  echo "!! CI=true: ignoring CX_SUITES=\"$CX_SUITES\"; every suite runs ($all_suites)" >&2
  suites=$all_suites
else
  suites=${CX_SUITES:-$all_suites}
fi
full_run=false
[ "$suites" = "$all_suites" ] && full_run=true
min_file="$CX_ROOT/tests/min-tests.txt"

work=$(mktemp -d /tmp/cx-tests.XXXXXX)
chmod 755 "$work"
results="$work/results"; mkdir -p "$results"
: > "$work/summary"; : > "$work/problems"; : > "$work/ran"
host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null
  cx_pg_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

total_passed=0; total_failed=0; total_skipped=0

# problem NAME TEXT: one more failure, listed under the suite lines.
problem() {
  printf '  !! %s: %s\n' "$1" "$2" >> "$work/problems"
  echo "!! $1: $2" >&2
  total_failed=$((total_failed + 1))
}

# minimum NAME: the suite's minimum from tests/min-tests.txt ("NAME MINIMUM" lines, # comments), or empty.
minimum() {
  [ -f "$min_file" ] || return 0
  awk -v n="$1" '$1 == n && $2 ~ /^[0-9]+$/ { print $2; exit }' "$min_file"
}

# finish NAME PASSED FAILED SKIPPED EXIT-STATUS [PROBLEM]: records a suite and every reason it cannot be trusted.
finish() {
  local name=$1 p=${2:-0} f=${3:-0} s=${4:-0} status=$5 extra=${6:-} min ran verdict
  [[ $p =~ ^[0-9]+$ ]] || p=0; [[ $f =~ ^[0-9]+$ ]] || f=0; [[ $s =~ ^[0-9]+$ ]] || s=0
  echo "$name" >> "$work/ran"
  total_passed=$((total_passed + p)); total_failed=$((total_failed + f)); total_skipped=$((total_skipped + s))
  local before=$total_failed
  [ -n "$extra" ] && problem "$name" "$extra"   # already says why; the exit status adds nothing
  if [ -z "$extra" ] && [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    case $status in
      124) problem "$name" "timed out (reported 0 failed tests)";;
      *) problem "$name" "exited with status $status but reported 0 failed tests (crashed or aborted)";;
    esac
  fi
  ran=$((p + f))
  min=$(minimum "$name")
  if [ -z "$min" ]; then
    problem "$name" "no minimum in tests/min-tests.txt (add a line \"$name $ran\")"
  elif [ "$ran" -lt "$min" ]; then
    problem "$name" "ran $ran tests, fewer than its minimum of $min in tests/min-tests.txt (deleted or undiscovered tests?)"
  fi
  if [ "$s" -gt 0 ]; then
    if [ "$ci" = true ]; then problem "$name" "$s skipped test(s): under CI=true a skip is a failure"
    else echo "!! $name: $s skipped test(s)" >&2; fi
  fi
  verdict=ok
  [ "$f" -gt 0 ] || [ "$total_failed" -gt "$before" ] && verdict=FAILED
  printf '  %-28s %5d passed, %d failed, %d skipped  %s\n' "$name" "$p" "$f" "$s" "$verdict" >> "$work/summary"
}

# step NAME EXIT-STATUS: a step that runs no tests (build, typecheck); a non-zero status is one failure.
step() {
  if [ "$2" -eq 0 ]; then printf '  %-28s ok\n' "$1" >> "$work/summary"
  else printf '  %-28s FAILED\n' "$1" >> "$work/summary"; problem "$1" "exited with status $2"; fi
}

# run_dotnet PROJECT-DIR: dotnet test with a trx; counts, exit status and the run's outcome all count.
run_dotnet() {
  local proj=$1 name trx status counters outcome p f s
  name=$(basename "$proj")
  trx="$results/$name.trx"
  if [ ! -d "$proj" ]; then finish "$name" 0 0 0 0 "test project $proj is missing"; return; fi
  cx_log "dotnet test $name"
  timeout 25m dotnet test "$proj" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$trx" --logger "console;verbosity=minimal" >&2
  status=$?
  if [ ! -f "$trx" ]; then finish "$name" 0 0 0 "$status" "wrote no trx (did the run start?)"; return; fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  outcome=$(grep -o '<ResultSummary outcome="[^"]*"' "$trx" | head -1 | sed -E 's/.*outcome="([^"]*)"/\1/')
  attr() { local v; v=$(sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p" <<<"$counters"); echo "${v:-0}"; }
  p=$(attr passed)
  f=$(( $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted) + $(attr disconnected) ))
  # xunit's skips are results with outcome NotExecuted: counted in total, not in executed.
  s=$(( $(attr total) - $(attr executed) ))
  [ "$s" -ge "$(attr notExecuted)" ] || s=$(attr notExecuted)
  if [ "$outcome" != Completed ] && [ "$f" -eq 0 ]; then
    finish "$name" "$p" "$f" "$s" "$status" "exited with status $status, run outcome \"${outcome:-none}\" in its trx but 0 failed tests (test host crashed or run aborted)"
  else
    finish "$name" "$p" "$f" "$s" "$status"
  fi
  # the privacy adversary's one line: combinations tried and recovered (Security/PrivacyAdversaryTests)
  grep -o 'adversary: [^<&]*' "$trx" | head -1 | sed 's/^/    /' >> "$work/summary" || true
  # the embedding attack suite's one line: cases and how they ended (Embedding/EmbedAttackSuiteTests)
  grep -o 'embed attack suite: [^<&]*' "$trx" | head -1 | sed 's/^/    /' >> "$work/summary" || true
}

# run_counted NAME COMMAND...: a runner whose result line is "NAME: N passed, N failed[, N skipped]".
run_counted() {
  local name=$1 log="$results/$1.log" status line p f s
  shift
  "$@" 2>&1 | tee "$log" >&2
  status=${PIPESTATUS[0]}
  line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?\s*$" "$log" | tail -1)
  if [ -z "$line" ]; then
    finish "$name" 0 0 0 "$status" "printed no result line \"$name: N passed, N failed, N skipped\" (crashed?)"
    return
  fi
  p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.*, ([0-9]+) failed.*/\1/' <<<"$line")
  s=$(sed -nE 's/.*, ([0-9]+) skipped.*/\1/p' <<<"$line")
  finish "$name" "$p" "$f" "${s:-0}" "$status"
}

cx_require_dotnet
cx_pg_bin >/dev/null
pg_port=$(cx_free_port)
CX_PG_EXTRA_OPTS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" cx_pg_start "$work/pg" "$pg_port"
export CXD_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres"

cx_log "building the solution"
dotnet build CxDashboard.sln -c Release -nologo -v quiet -clp:ErrorsOnly >&2
step build $?

for suite in $suites; do
  case $suite in
    dotnet)
      # The export tests open workbooks with LibreOffice (headless) and exceljs (tests/export).
      command -v soffice >/dev/null || cx_apt_install libreoffice-calc-nogui
      cx_require_node
      cx_npm_ci "$CX_ROOT/tests/export"
      for proj in tests/CxDashboard.GraphQL.Tests tests/CxDashboard.Tests; do
        run_dotnet "$proj"
      done
      ;;
    conformance)
      if [ -f tests/conformance/run.sh ]; then
        cx_require_node
        run_counted conformance bash tests/conformance/run.sh
      else
        finish conformance 0 0 0 0 "its runner tests/conformance/run.sh is missing"
      fi
      ;;
    web)
      cx_require_node
      cx_npm_ci "$CX_ROOT/web"
      cx_log "web: typecheck and unit tests"
      (cd web && npm run --silent typecheck) >&2
      step web-typecheck $?
      cx_log "web: lint (TypeScript, React hooks, import boundaries between features)"
      (cd web && npm run --silent lint) >&2
      step web-lint $?
      run_counted web bash -c 'cd web && node scripts/test-summary.mjs'
      ;;
    e2e)
      cx_require_node
      # A CJK font, so the zh-CN screens and screenshots show Chinese rather than empty boxes.
      cx_apt_install chromium curl fonts-wqy-microhei
      cx_npm_ci "$CX_ROOT/web"
      cx_npm_ci "$CX_ROOT/tests/e2e"
      (cd web && npm run --silent build >&2) || { finish e2e 0 0 0 1 "the web app does not build"; continue; }
      cx_log "e2e: starting the host on a seeded database"
      psql "host=127.0.0.1 port=$pg_port user=postgres dbname=postgres" -qc "create database cx_e2e" >/dev/null
      export ConnectionStrings__Cx="$CXD_TEST_PG;Database=cx_e2e"
      export ASPNETCORE_CONTENTROOT="$CX_ROOT/api/CxDashboard.Api"
      export Auth__DemoIssuer=true # the browser tests sign in as demo personas
      hostdll=api/CxDashboard.Api/bin/Release/net10.0/CxDashboard.Api.dll
      # Cells computed before the host starts, so the screens show figures from the first request.
      dotnet "$hostdll" migrate >&2 && dotnet "$hostdll" seed --responses 20000 --interactions 40000 >&2 \
        && dotnet "$hostdll" rollup >&2 \
        || { finish e2e 0 0 0 1 "the e2e database could not be migrated, seeded and rolled up"; continue; }
      http_port=$(cx_free_port)
      Auth__DemoIssuer=true dotnet "$hostdll" --urls "http://127.0.0.1:$http_port" --Web:Root "$CX_ROOT/web/dist" > "$results/e2e-host.log" 2>&1 &
      host_pid=$!
      up=false
      for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$http_port/healthz" >/dev/null && { up=true; break; }; sleep 1; done
      if [ "$up" = true ]; then
        export BASE_URL="http://127.0.0.1:$http_port"
        run_counted e2e timeout 10m node tests/e2e/run.mjs
      else
        tail -30 "$results/e2e-host.log" >&2
        finish e2e 0 0 0 1 "the host did not answer /healthz within 60 s (its log is above)"
      fi
      kill "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null; host_pid=""
      unset ConnectionStrings__Cx BASE_URL
      ;;
    *) cx_die "unknown suite '$suite' (known: $all_suites)";;
  esac
done

# In a full run, every suite with a minimum must have run (a suite dropped from this script shows).
if [ "$full_run" = true ] && [ -f "$min_file" ]; then
  while read -r listed _; do
    grep -qxF "$listed" "$work/ran" || problem "$listed" "listed in tests/min-tests.txt but never ran"
  done < <(grep -vE '^\s*(#|$)' "$min_file")
fi
[ -f "$min_file" ] || problem min-tests "tests/min-tests.txt is missing"

echo >&2
echo "Test suites:" >&2
cat "$work/summary" "$work/problems" >&2
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
[ "$total_failed" -eq 0 ]
