#!/usr/bin/env bash
# Runs every test in the solution and prints one summary line: `tests: N passed, N failed, N skipped`.
# Lab tests (root, namespaces, dockerd) skip with a reason unless NETDSL_REQUIRE_LAB=1, which .ci/run sets.
# Before the summary, one line per test project: its counts and how long it took.
set -uo pipefail
cd "$(dirname "$0")"
results="${NETDSL_TEST_RESULTS:-$PWD/TestResults}"
rm -rf "$results"
mkdir -p "$results"

dotnet build NetDsl.sln -c Release -nologo -clp:ErrorsOnly
build=$?
if [ $build -ne 0 ]; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

# One project at a time: lab fixtures (namespaces, dockerd) must not run concurrently on a 2-core machine.
dotnet test NetDsl.sln -c Release --no-build -nologo -m:1 \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

# Skipped = total - executed: NUnit's ignored and inconclusive tests are NotExecuted results, which the trx
# counters do not count as notExecuted (so a skip can never pass for a pass).
passed=0; failed=0; skipped=0
shopt -s nullglob
echo
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  times=$(grep -o '<Times [^>]*>' "$trx" | head -1)
  get() { echo "$1" | sed -n "s/.* $2=\"\([^\"]*\)\".*/\1/p"; }
  p=$(get "$counters" passed); total=$(get "$counters" total); executed=$(get "$counters" executed)
  f=$(( $(get "$counters" failed) + $(get "$counters" error) + $(get "$counters" timeout) + $(get "$counters" aborted) ))
  s=$(( total - executed ))
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  project=$(grep -o 'codeBase="[^"]*"' "$trx" | head -1 | sed 's/.*\/\([^/]*\)\.dll"/\1/')
  start=$(date -d "$(get "$times" start)" +%s.%N 2>/dev/null || echo 0)
  finish=$(date -d "$(get "$times" finish)" +%s.%N 2>/dev/null || echo 0)
  seconds=$(awk -v a="$start" -v b="$finish" 'BEGIN { printf "%.1f", b - a }')
  printf '  %-32s %4d passed %3d failed %3d skipped %7s s\n' "${project:-?}" "$p" "$f" "$s" "$seconds"
done
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
