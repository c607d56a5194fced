#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan; the preset "fuzz") and runs each for a
# bounded time on its corpus in tests/fuzz/corpus/<target>. New inputs the fuzzer finds go to a
# temporary folder (add the interesting ones to the corpus by hand); a crash, a leak, a hang
# (over 10 s for one input) or an input that needs over 2 GiB fails the run, and the input that
# did it is kept in build/fuzz/findings.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 20 s, every target)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
shift || true
cmake --preset fuzz >/dev/null
cmake --build build/fuzz --target wharf_fuzz --parallel "$(nproc)"
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  mapfile -t targets < <(cd tests/fuzz/corpus && ls)
fi
mkdir -p build/fuzz/findings
rc=0
for t in "${targets[@]}"; do
  work="$(mktemp -d)"
  start=$SECONDS
  # leaks: Qt's process-wide caches are not leaks; the rest of ASan and UBSan stays on
  if ASAN_OPTIONS=detect_leaks=0 "build/fuzz/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="build/fuzz/findings/$t-" -print_final_stats=1 "$work" "tests/fuzz/corpus/$t" \
       >"build/fuzz/$t.log" 2>&1; then
    runs=$(grep -E '^stat::number_of_executed_units' "build/fuzz/$t.log" | awk '{print $2}')
    echo "fuzz: $t ok: ${runs:-?} inputs in $((SECONDS - start)) s"
  else
    echo "fuzz: $t FAILED after $((SECONDS - start)) s; the input is in build/fuzz/findings:"
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "build/fuzz/$t.log" | head -20
    rc=1
  fi
  rm -rf "$work"
done
exit $rc
