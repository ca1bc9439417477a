#!/usr/bin/env bash
# The crash, fault and concurrency parts of the reliability suite against a release build of `kg`.
#   bash Tools/crash/run.sh          # fast: 20 kills, one round of each fault (what CI runs, ~3 min)
#   bash Tools/crash/run.sh --full   # the full run: 300 kills, four rounds of each fault (~15 min)
set -uo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product kg 2>&1 | tail -1 || exit 1
kg=.build/release/kg
if [ "${1:-}" = "--full" ]; then
  kill_args=(--kills 300 --seconds 1800); fault_args=(--rounds 4)
else
  kill_args=(--kills 20 --seconds 120); fault_args=(--rounds 1)
fi
status=0
python3 Tools/crash/kill_loop.py --kg "$kg" "${kill_args[@]}" || status=1
python3 Tools/crash/faults.py --kg "$kg" "${fault_args[@]}" || status=1
exit $status
