#!/usr/bin/env python3
"""Kill loop: crash `kg import` and `kg ingest` with SIGKILL at random moments and check the graph file.

After every kill the file is opened read-only and `kg verify` must find no damage; every transaction
whose commit the killed process reported ("committed transaction N") must be in `kg log`, whole; the
node and edge counts must equal exactly what the committed transactions hold (nothing partial is
visible). Then the work resumes (re-running an import adds nothing when it was committed). At the end
the graph is exported and compared with an uninterrupted run over the same inputs.

    python3 Tools/crash/kill_loop.py --kills 300 --seed 7 --seconds 600   # a full run
    python3 Tools/crash/kill_loop.py --kills 20 --seconds 60              # what CI runs

Exit status 0 when every check held. Prints a summary with the number of kills survived.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def make_chunks(directory, chunks, edges_per_chunk, seed):
    """Disjoint JSON Lines inputs: chunk c has nodes c-0..c-(n-1) and edges among them only, so the
    graph's counts are the sums over the committed chunks."""
    rng = random.Random(seed)
    paths, counts = [], []
    for c in range(chunks):
        nodes = max(10, edges_per_chunk // 5)
        lines = []
        for i in range(nodes):
            lines.append(json.dumps({"kind": "node", "id": f"c{c}-n{i}", "labels": ["Kamerstuk"], "props": {"i": i, "chunk": c}}))
        seen = set()
        while len(seen) < edges_per_chunk:
            a, b = rng.randrange(nodes), rng.randrange(nodes)
            if (a, b) in seen:
                continue
            seen.add((a, b))
            lines.append(json.dumps({"kind": "edge", "type": "cites", "from": f"c{c}-n{a}", "to": f"c{c}-n{b}", "props": {},
                                     "source": {"doc": "ab" * 32, "line": a + 1, "offset": b, "text": f"Kamerstuk {a}, nr. {b}"}}))
        path = os.path.join(directory, f"chunk{c:03d}.jsonl")
        with open(path, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        paths.append(path)
        counts.append((nodes, edges_per_chunk))
    return paths, counts


def run(kg, args, check=True):
    result = subprocess.run([kg] + args, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"kg {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}")
    return result


def committed_sources(kg, graph):
    log = run(kg, ["--graph", graph, "log", "--format", "json"]).stdout
    return [json.loads(line) for line in log.splitlines() if line.strip()]


def check(kg, graph, reported, counts, index_of):
    """The checks after a kill. Returns a list of problems (empty when all hold)."""
    problems = []
    verify = run(kg, ["--graph", graph, "verify", "--format", "json"], check=False)
    try:
        report = json.loads(verify.stdout)
    except json.JSONDecodeError:
        return [f"verify printed no JSON (exit {verify.returncode}): {verify.stderr.strip()}"]
    if "damage" in report:
        problems.append(f"verify found damage: {report['damage']}")
    log = committed_sources(kg, graph)
    present = {entry["source"] for entry in log if entry.get("supersededBy") is None}
    for source in reported:
        if source not in present:
            problems.append(f"transaction of {source} was reported committed but is not in the log")
    stats = json.loads(run(kg, ["--graph", graph, "stats", "--format", "json"]).stdout)
    expected_nodes = sum(counts[index_of[s]][0] for s in present if s in index_of)
    expected_edges = sum(counts[index_of[s]][1] for s in present if s in index_of)
    if stats["nodes"] != expected_nodes or stats["edges"] != expected_edges:
        problems.append(f"graph holds {stats['nodes']} nodes / {stats['edges']} edges; the committed transactions hold "
                        f"{expected_nodes} / {expected_edges}: something partial is visible")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kg", default=os.path.join(ROOT, ".build", "release", "kg"))
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=600, help="stop after this long even if fewer kills were made")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunks", type=int, default=40)
    parser.add_argument("--edges", type=int, default=20000, help="edges per chunk")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args()
    kg = options.kg
    if not os.access(kg, os.X_OK):
        sys.exit(f"kill_loop: no kg binary at {kg}; build it with `swift build -c release` or pass --kg")

    work = tempfile.mkdtemp(prefix="kg-kill-")
    rng = random.Random(options.seed)
    chunks, counts = make_chunks(work, options.chunks, options.edges, options.seed)
    sources = [f"chunk-{i}" for i in range(len(chunks))]
    index_of = {s: i for i, s in enumerate(sources)}
    graph = os.path.join(work, "crash.kg")
    run(kg, ["--graph", graph, "init"])

    started = time.time()
    kills = survived = 0
    reported = set()
    failures = []
    next_chunk = 0
    while kills < options.kills and time.time() - started < options.seconds and next_chunk < len(chunks):
        # Import chunks one after another until the kill lands; a commit the process printed is "reported".
        process = subprocess.Popen([kg, "--graph", graph, "import", chunks[next_chunk], "--source", sources[next_chunk]],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        delay = rng.uniform(0.0, 0.4)
        try:
            out, _ = process.communicate(timeout=delay)
            if process.returncode == 0:
                if "committed transaction" in out or "unchanged" in out:
                    reported.add(sources[next_chunk])
                next_chunk += 1
                continue
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            out, _ = process.communicate()
            kills += 1
            if "committed transaction" in (out or ""):
                reported.add(sources[next_chunk])
        problems = check(kg, graph, reported, counts, index_of)
        if problems:
            failures.append((kills, problems))
            break
        survived += 1
        # Resume: the next import of the same chunk adds it, or says it is already there.
    # Finish every chunk, then compare with an uninterrupted run.
    for i in range(next_chunk, len(chunks)):
        run(kg, ["--graph", graph, "import", chunks[i], "--source", sources[i]])
    clean = os.path.join(work, "clean.kg")
    for i, chunk in enumerate(chunks):
        run(kg, ["--graph", clean, "import", chunk, "--source", sources[i], "--no-sync"])
    crashed_export = sorted(run(kg, ["--graph", graph, "export"]).stdout.splitlines())
    clean_export = sorted(run(kg, ["--graph", clean, "export"]).stdout.splitlines())
    same = crashed_export == clean_export
    final = check(kg, graph, set(sources), counts, index_of)
    elapsed = time.time() - started
    print(f"kill loop: seed {options.seed}, {len(chunks)} chunks of {options.edges} edges, {kills} kills in {elapsed:.0f} s")
    print(f"  kills survived (all checks held after the kill): {survived}")
    print(f"  final graph equals an uninterrupted run: {'yes' if same else 'NO'}")
    for kill, problems in failures:
        print(f"  FAILED after kill {kill}:")
        for problem in problems:
            print(f"    - {problem}")
    for problem in final:
        print(f"  FAILED at the end: {problem}")
    if options.keep or failures or final or not same:
        print(f"  work folder: {work}")
    else:
        shutil.rmtree(work)
    sys.exit(0 if not failures and not final and same else 1)


if __name__ == "__main__":
    main()
