#!/usr/bin/env bash
# The bounded libFuzzer run CI does: builds the four targets, runs each for a few seconds from its
# seeds (fixed libFuzzer seed), and fails on any crash, memory error, timeout or broken invariant
# (leaks are checked by the ASan test run, Tools/sanitize/run.sh, on the same targets). Prints one
# line per target: `fuzz: TARGET N runs in S s, no failure`.
#
#   Tools/fuzz/ci.sh [SECONDS]      # default 10 per target
#
# When the toolchain cannot build a libFuzzer binary at all (no -sanitize=fuzzer runtime), it says so
# and exits 0: the seeded-mutation tests in `swift test` (Tests/KGFuzzTests) still ran the same
# targets. A target that fails to build from this repository's sources is a failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
probe=$(mktemp -d)
cat >"$probe/probe.swift" <<'SWIFT'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 { 0 }
SWIFT
if ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe/probe.swift" -o "$probe/probe" >"$probe/log" 2>&1; then
  echo "fuzz: skipped, this toolchain cannot build libFuzzer targets ($(head -1 "$probe/log"))"
  rm -rf "$probe"
  exit 0
fi
rm -rf "$probe"
bash Tools/fuzz/build.sh >/tmp/kg-fuzz-build.log 2>&1 || { echo "fuzz: build failed"; tail -30 /tmp/kg-fuzz-build.log; exit 1; }
status=0
for target in graph-file jsonl query extract; do
  log=/tmp/kg-fuzz-$target.log
  bash Tools/fuzz/run.sh "$target" "$seconds" -seed=1 >"$log" 2>&1
  rc=$?
  runs=$(grep -E "^stat::number_of_executed_units" "$log" | awk '{print $2}')
  if [ $rc -eq 0 ]; then
    echo "fuzz: $target ${runs:-?} runs in $seconds s, no failure"
  else
    echo "fuzz: $target FAILED (exit $rc); input in .build-fuzz/artifacts/$target/"
    grep -E -A15 "FuzzFailure|ERROR: |==ERROR|Fatal error|runtime failure|deadly signal" "$log" | head -40
    status=1
  fi
done
exit $status
