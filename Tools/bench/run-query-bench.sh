#!/usr/bin/env bash
# The query engine against Kuzu, SQLite, networkx and igraph, in one run (issue #4).
#
#   Tools/bench/run-query-bench.sh [--nodes 100000|1000000] [--rounds 3] [--budget 30] [--engines LIST]
#                                  [--out DIR]
#
# Builds kg-bench (release), runs `kg-bench query` (Swift's measurements) with --export, installs the
# Python peers into a venv under the cache dir if missing, runs peers.py on the export (every answer
# checked against Swift's) and prints one markdown table. Exit status: peers.py's (1 on a mismatch).
# The peers are never a dependency of the Swift product: they live in this venv only.
set -euo pipefail

nodes=100000
rounds=3
budget=30
engines=kuzu,sqlite,networkx,igraph
out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --nodes) nodes="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --budget) budget="$2"; shift 2 ;;
        --engines) engines="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "run-query-bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="${KG_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kamergraaf-bench}"
venv="$cache/venv"
export_dir="${out:-$cache/query-$nodes}"
mkdir -p "$cache" "$export_dir"

if ! "$venv/bin/python" -c 'import kuzu, igraph, networkx' 2>/dev/null; then
    echo "run-query-bench.sh: installing kuzu, igraph, networkx into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check kuzu igraph networkx
fi

cd "$root"
swift build -c release --product kg-bench >&2
echo "run-query-bench.sh: Swift measurements and export to $export_dir" >&2
cut -d' ' -f1 /proc/loadavg > "$export_dir/loadavg-swift.txt" 2>/dev/null || true
.build/release/kg-bench query --nodes "$nodes" --rounds "$rounds" --export "$export_dir" > "$export_dir/swift.md"
cat "$export_dir/swift.md" >&2

status=0
"$venv/bin/python" "$root/Tools/bench/peers.py" "$export_dir" --rounds "$rounds" --budget "$budget" \
    --engines "$engines" --markdown "$export_dir/table.md" --json "$export_dir/results.json" || status=$?
echo "run-query-bench.sh: table in $export_dir/table.md, all measurements in $export_dir/results.json" >&2
exit "$status"
