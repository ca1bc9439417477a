#!/usr/bin/env bash
# Runs the whole test suite under sanitizers: AddressSanitizer (with LeakSanitizer), ThreadSanitizer,
# and UndefinedBehaviorSanitizer where the toolchain has it.
#
#   Tools/sanitize/run.sh                 # address, thread, then undefined
#   Tools/sanitize/run.sh thread          # one or more of: address undefined thread
#
# Each sanitizer builds into its own scratch directory (.build-asan, .build-ubsan, .build-tsan), one
# job at a time so the machine's other core stays usable. Leak reports outside this package's code are
# suppressed with reasons (Tools/sanitize/lsan.supp). A run fails if a test fails or the sanitizer
# reports anything. swiftc 6.3 on x86_64 Linux refuses -sanitize=undefined ("unsupported option"):
# the script then says so and goes on (Swift's own overflow, bounds and unwrap checks stay on in every
# build, including the fuzzers').
set -uo pipefail
cd "$(dirname "$0")/../.."
sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread undefined)
status=0
export SWIFT_BACKTRACE=enable=no
for sanitizer in "${sanitizers[@]}"; do
  case $sanitizer in
    address) scratch=.build-asan ;;
    undefined) scratch=.build-ubsan ;;
    thread) scratch=.build-tsan ;;
    *) echo "sanitize: unknown sanitizer $sanitizer (address, undefined, thread)" >&2; exit 2 ;;
  esac
  probe=$(mktemp -d)
  echo 'let x = 1' >"$probe/p.swift"
  if ! swiftc -sanitize="$sanitizer" -c "$probe/p.swift" -o "$probe/p.o" >"$probe/log" 2>&1; then
    echo "== -sanitize=$sanitizer: not supported by this toolchain ($(grep -m1 error "$probe/log")); skipped"
    rm -rf "$probe"
    continue
  fi
  rm -rf "$probe"
  mkdir -p "$scratch"
  log=$scratch/test.log
  echo "== swift test --sanitize=$sanitizer (log: $log)"
  start=$(date +%s)
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(pwd)/Tools/sanitize/lsan.supp \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 TSAN_OPTIONS=halt_on_error=0 \
    swift test --sanitize="$sanitizer" --scratch-path "$scratch" -j 1 >"$log" 2>&1
  rc=$?
  reports=$(grep -c -E "ERROR: (Address|Leak)Sanitizer|WARNING: ThreadSanitizer|runtime error:" "$log")
  summary=$(grep -E "Test run with .* (passed|failed)" "$log" | tail -1)
  echo "   ${summary:-no test summary}; sanitizer reports: $reports; exit $rc; $(( $(date +%s) - start )) s"
  if [ $rc -ne 0 ] || [ "$reports" -ne 0 ]; then
    status=1
    grep -E -A12 "ERROR: (Address|Leak)Sanitizer|WARNING: ThreadSanitizer|runtime error:" "$log" | head -60
  fi
done
exit $status
