#!/usr/bin/env bash
# Coverage-guided fuzzing of one target for N seconds: publish NetDsl.Fuzz, instrument NetDsl's assemblies with
# SharpFuzz, run afl-fuzz (Debian's afl++) from the seed corpus, print the figures.
#   tests/NetDsl.Fuzz/fuzz.sh TARGET SECONDS [WORKDIR]      targets: front-door captures pcap daemon-json
# Findings stay in WORKDIR/findings/TARGET (default under /tmp, one folder per checkout). Every crash or hang found
# becomes a file in Regressions/TARGET/ (copy it there, fix the bug, CI replays it). Reproduce one with
#   dotnet WORKDIR/bin/NetDsl.Fuzz.dll TARGET FILE
# Long campaigns: run it with `nice -n 15` in the background, output to a log (the machine is shared).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: fuzz.sh TARGET SECONDS [WORKDIR]}"
seconds="${2:?usage: fuzz.sh TARGET SECONDS [WORKDIR]}"
work="${3:-/tmp/netdsl-fuzz-$(echo "$here" | md5sum | cut -c1-8)}"
[ -d "$here/Corpus/$target" ] || { echo "fuzz.sh: no corpus for target '$target' (Corpus/ has: $(ls "$here/Corpus" | tr '\n' ' '))" >&2; exit 64; }
command -v afl-fuzz >/dev/null || { echo "fuzz.sh: afl-fuzz not found: apt-get install afl++" >&2; exit 69; }

bin="$work/bin"
# One instrumented copy per workdir, rebuilt when the sources are newer (several targets may share it).
if [ ! -f "$bin/.instrumented" ] || [ -n "$(find "$here/../../src" "$here" -name '*.cs' -newer "$bin/.instrumented" -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
  rm -rf "$bin"
  dotnet publish "$here/NetDsl.Fuzz.csproj" -c Release -o "$bin" -nologo -v q -clp:ErrorsOnly
  (cd "$here" && dotnet tool restore >/dev/null)
  for dll in NetDsl.dll NetDsl.Targets.dll NetDsl.Captures.dll NetDsl.Docker.dll; do
    (cd "$here" && dotnet sharpfuzz "$bin/$dll") >/dev/null
  done
  touch "$bin/.instrumented"
fi

out="$work/findings/$target"
mkdir -p "$out"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
# afl-fuzz wants core dumps off (core_pattern 'core'); where that cannot be set, say we do not need them.
[ "$(cat /proc/sys/kernel/core_pattern 2>/dev/null)" = core ] || export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
input="$here/Corpus/$target"
[ -f "$out/default/fuzzer_stats" ] && input=-   # resume a campaign where it stopped
dict=(); [ -f "$here/Dictionaries/$target.dict" ] && dict=(-x "$here/Dictionaries/$target.dict")
afl-fuzz -i "$input" -o "$out" "${dict[@]}" -t 5000 -m none -V "$seconds" -- dotnet "$bin/NetDsl.Fuzz.dll" "$target" >"$out/afl.log" 2>&1 || {
  echo "fuzz.sh: afl-fuzz failed; the end of $out/afl.log:" >&2; tail -20 "$out/afl.log" >&2; exit 1; }

stats="$out/default/fuzzer_stats"
get() { sed -n "s/^$1 *: *//p" "$stats"; }
crashes=$(ls "$out/default/crashes" 2>/dev/null | grep -vc README || true)
hangs=$(ls "$out/default/hangs" 2>/dev/null | wc -l)
echo "$target: run_time $(get run_time) s, execs $(get execs_done), execs/s $(get execs_per_sec), paths $(get corpus_count), edges $(get edges_found), crashes $crashes, hangs $hangs"
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ] || echo "  findings: $out/default/crashes $out/default/hangs"
