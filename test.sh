#!/usr/bin/env bash
# Runs every test in the solution and prints one summary line: `tests: N passed, N failed, N skipped`.
# Lab tests (root, namespaces, dockerd) skip with a reason unless NETDSL_REQUIRE_LAB=1, which .ci/run sets.
set -uo pipefail
cd "$(dirname "$0")"
results="${NETDSL_TEST_RESULTS:-$PWD/TestResults}"
rm -rf "$results"
mkdir -p "$results"

dotnet build NetDsl.sln -c Release -nologo -clp:ErrorsOnly
build=$?
if [ $build -ne 0 ]; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# One project at a time: lab fixtures (namespaces, dockerd) must not run concurrently on a 2-core machine.
dotnet test NetDsl.sln -c Release --no-build -nologo -m:1 \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
