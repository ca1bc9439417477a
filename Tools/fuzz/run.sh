#!/usr/bin/env bash
# Runs one libFuzzer target for a while (build first with Tools/fuzz/build.sh).
#
#   Tools/fuzz/run.sh TARGET SECONDS [LIBFUZZER-OPTION...]
#   Tools/fuzz/run.sh graph-file 600
#   Tools/fuzz/run.sh query 60 -runs=100000
#
# Seeds come from the target itself (the same FuzzSeeds the tests use: repository files, and graph
# files written through the store) plus Tools/fuzz/regressions/TARGET; the corpus libFuzzer grows is
# kept in .build-fuzz/corpus/TARGET between runs; crashes, timeouts and out-of-memory inputs go to
# .build-fuzz/artifacts/TARGET/. One process, one job: the machine's other core stays free.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 2 ]; then
  echo "usage: Tools/fuzz/run.sh TARGET SECONDS [LIBFUZZER-OPTION...]  (targets: graph-file jsonl query extract)" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
bin=.build-fuzz/bin/$target
[ -x "$bin" ] || { echo "run.sh: $bin missing; run Tools/fuzz/build.sh $target" >&2; exit 1; }
case $target in
  graph-file) max_len=16384 ;;
  jsonl) max_len=16384 ;;
  query) max_len=4096 ;;
  extract) max_len=32768 ;;
  *) echo "run.sh: unknown target $target" >&2; exit 2 ;;
esac

seeds=.build-fuzz/seeds/$target corpus=.build-fuzz/corpus/$target artifacts=.build-fuzz/artifacts/$target
regressions=Tools/fuzz/regressions/$target
mkdir -p "$seeds" "$corpus" "$artifacts" "$regressions"
dict=()
[ -f "Tools/fuzz/dict/$target.dict" ] && dict=(-dict="Tools/fuzz/dict/$target.dict")

# Swift's own crash reporter would hold the process while it symbolicates; libFuzzer and ASan report.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
KG_FUZZ_WRITE_SEEDS="$seeds" KG_FUZZ_ROOT="$(pwd)" "$bin"
exec "$bin" "$corpus" "$seeds" "$regressions" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "${dict[@]}" "$@"
