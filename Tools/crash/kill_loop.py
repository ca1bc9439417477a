#!/usr/bin/env python3
"""Kill loop: crash `kg import` and `kg ingest` with SIGKILL at random moments and check the graph file.

Two workloads, each run in rounds on a fresh graph file until the kill budget is spent:

  import  JSON Lines chunks (disjoint nodes and edges, so the graph's counts after any set of
          committed chunks are known exactly), one `kg import` per chunk;
  ingest  copies of the bundled papers (Graph/corpus, each copy made distinct by a trailing line),
          one `kg ingest FOLDER` for the whole folder, one transaction per paper.

A process is started, killed with SIGKILL after a random delay (seeded), and after every kill:
  - `kg verify` must find no damage (a torn tail is allowed: it is what a kill leaves);
  - every transaction whose commit the killed process reported on stdout must be in `kg log`;
  - nothing partial may be visible: for `import`, the node and edge counts equal the sum over the
    committed chunks; for `ingest`, every committed transaction has exactly the fact counts of the
    same paper in an uninterrupted reference run, and `kg stats` equals the reference's stats
    as of the same commit;
  - the next run resumes (committed work is found unchanged and skipped).
At the end of each round the graph is exported and compared with the uninterrupted run's export.

    python3 Tools/crash/kill_loop.py --kills 300 --seconds 900            # the full run (both workloads)
    python3 Tools/crash/kill_loop.py --kills 20 --seconds 90              # what CI runs
    python3 Tools/crash/kill_loop.py --mode ingest --kills 100 --seed 3

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


def run(kg, args, check=True):
    result = subprocess.run([kg] + args, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"kg {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}")
    return result


def log_entries(kg, graph):
    out = run(kg, ["--graph", graph, "log", "--format", "json"]).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def stats(kg, graph, as_of=None):
    args = ["--graph", graph, "stats", "--format", "json"] + (["--as-of", str(as_of)] if as_of else [])
    result = json.loads(run(kg, args).stdout)
    result.pop("graph", None)
    return result


def export(kg, graph):
    return sorted(run(kg, ["--graph", graph, "export"]).stdout.splitlines())


def verify_problems(kg, graph):
    verify = run(kg, ["--graph", graph, "verify", "--format", "json"], check=False)
    try:
        report = json.loads(verify.stdout)
    except json.JSONDecodeError:
        return [f"verify printed no JSON (exit {verify.returncode}): {verify.stderr.strip()}"]
    return [f"verify found damage: {report['damage']}"] if "damage" in report else []


# ---------------------------------------------------------------------------------------------------
# Workloads


class ImportWorkload:
    """Disjoint JSON Lines chunks, one `kg import` each: counts after any set of chunks are sums."""

    name = "import"

    def __init__(self, kg, work, options):
        self.kg = kg
        self.paths, self.counts = [], []
        rng = random.Random(options.seed)
        for c in range(options.chunks):
            nodes = max(10, options.edges // 5)
            lines = [json.dumps({"kind": "node", "id": f"c{c}-n{i}", "labels": ["Kamerstuk"], "props": {"i": i, "chunk": c}})
                     for i in range(nodes)]
            seen = set()
            while len(seen) < options.edges:
                a, b = rng.randrange(nodes), rng.randrange(nodes)
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                lines.append(json.dumps({"kind": "edge", "type": "cites", "from": f"c{c}-n{a}", "to": f"c{c}-n{b}", "props": {},
                                         "source": {"doc": "ab" * 32, "line": a + 1, "offset": b, "text": f"Kamerstuk {a}, nr. {b}"}}))
            path = os.path.join(work, f"chunk{c:03d}.jsonl")
            with open(path, "w") as handle:
                handle.write("\n".join(lines) + "\n")
            self.paths.append(path)
            self.counts.append((nodes, options.edges))
        self.sources = [f"chunk-{i}" for i in range(len(self.paths))]
        self.reference = os.path.join(work, "reference-import.kg")
        for i, path in enumerate(self.paths):
            run(kg, ["--graph", self.reference, "import", path, "--source", self.sources[i], "--no-sync"])
        self.reference_export = export(kg, self.reference)

    def start(self, graph, state):
        """The next process to run, or None when the round is complete."""
        if state.setdefault("next", 0) >= len(self.paths):
            return None
        i = state["next"]
        return [self.kg, "--graph", graph, "import", self.paths[i], "--source", self.sources[i]]

    def finished(self, state, out):
        state["next"] += 1

    def reported(self, out, state):
        return {self.sources[state["next"]]} if "committed transaction" in out or "unchanged" in out else set()

    def check(self, graph, reported):
        problems = verify_problems(self.kg, graph)
        present = {e["source"] for e in log_entries(self.kg, graph) if e.get("supersededBy") is None}
        problems += [f"{s} was reported committed but is not in the log" for s in reported - present]
        now = stats(self.kg, graph)
        index = {s: i for i, s in enumerate(self.sources)}
        nodes = sum(self.counts[index[s]][0] for s in present)
        edges = sum(self.counts[index[s]][1] for s in present)
        if (now["nodes"], now["edges"]) != (nodes, edges):
            problems.append(f"graph holds {now['nodes']} nodes / {now['edges']} edges; the committed chunks hold "
                            f"{nodes} / {edges}: something partial is visible")
        return problems


class IngestWorkload:
    """Distinct copies of the bundled papers in one folder, ingested by `kg ingest FOLDER`."""

    name = "ingest"

    def __init__(self, kg, work, options):
        self.kg = kg
        self.folder = os.path.join(work, "papers")
        os.makedirs(self.folder)
        corpus = os.path.join(ROOT, "Graph", "corpus")
        originals = sorted(f for f in os.listdir(corpus) if f.endswith((".txt", ".md")))
        for copy in range(options.copies):
            for name in originals:
                with open(os.path.join(corpus, name), "rb") as handle:
                    data = handle.read()
                stem, ext = os.path.splitext(name)
                with open(os.path.join(self.folder, f"{copy:03d}-{stem}{ext}"), "wb") as handle:
                    handle.write(data + f"\n(kill-loop copy {copy})\n".encode())
        self.reference = os.path.join(work, "reference-ingest.kg")
        run(kg, ["--graph", self.reference, "init"])
        run(kg, ["--graph", self.reference, "ingest", self.folder])
        self.reference_log = {e["source"]: e for e in log_entries(kg, self.reference)}
        self.sequence_of = {source: e["sequence"] for source, e in self.reference_log.items()}
        self.reference_export = export(kg, self.reference)
        self.papers = len(self.reference_log)

    def start(self, graph, state):
        return None if state.get("done") else [self.kg, "--graph", graph, "ingest", self.folder]

    def finished(self, state, out):
        state["done"] = True

    def reported(self, out, state):
        # "PATH: doc-..., transaction N: ..." for a commit; "PATH: unchanged (...)" for a skipped paper.
        found = set()
        for line in out.splitlines():
            path, _, rest = line.partition(": ")
            if rest.startswith("doc-") or rest.startswith("unchanged"):
                found.add("document:" + path)
        return found

    def check(self, graph, reported):
        problems = verify_problems(self.kg, graph)
        entries = log_entries(self.kg, graph)
        present = {e["source"] for e in entries}
        problems += [f"{s} was reported committed but is not in the log" for s in reported - present]
        for e in entries:
            ref = self.reference_log.get(e["source"])
            if ref is None:
                problems.append(f"unexpected source {e['source']}")
            elif (e["nodes"], e["edges"], e["sequence"]) != (ref["nodes"], ref["edges"], ref["sequence"]):
                problems.append(f"{e['source']}: transaction {e['sequence']} holds {e['nodes']} node / {e['edges']} edge facts; "
                                f"the uninterrupted run has {ref['nodes']} / {ref['edges']} as transaction {ref['sequence']}")
        if entries and not problems:
            if stats(self.kg, graph) != stats(self.kg, self.reference, as_of=len(entries)):
                problems.append(f"stats after {len(entries)} commits differ from the uninterrupted run's as of commit {len(entries)}")
        return problems


# ---------------------------------------------------------------------------------------------------


def kill_rounds(workload, work, options, rng, budget_kills, deadline):
    """Rounds on fresh graph files until `budget_kills` kills or the deadline. Returns a summary dict."""
    summary = {"kills": 0, "survived": 0, "rounds": 0, "completed_rounds": 0, "equal": 0, "failures": []}
    while summary["kills"] < budget_kills and time.time() < deadline:
        summary["rounds"] += 1
        graph = os.path.join(work, f"{workload.name}-{summary['rounds']}.kg")
        run(workload.kg, ["--graph", graph, "init"])
        state, reported = {}, set()
        while time.time() < deadline:
            command = workload.start(graph, state)
            if command is None:
                break
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            delay = rng.uniform(0.0, options.max_delay) if summary["kills"] < budget_kills else None
            try:
                out, err = process.communicate(timeout=delay)
                if process.returncode != 0:
                    summary["failures"].append((summary["kills"], [f"{' '.join(command[3:])} exited {process.returncode}: {err.strip()}"]))
                    return summary
                reported |= workload.reported(out, state)
                workload.finished(state, out)
                continue
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                out, _ = process.communicate()
                summary["kills"] += 1
                reported |= workload.reported(out or "", state)
            problems = workload.check(graph, reported)
            if problems:
                summary["failures"].append((summary["kills"], problems))
                return summary
            summary["survived"] += 1
        if workload.start(graph, state) is None:
            summary["completed_rounds"] += 1
            final = workload.check(graph, reported)
            if final:
                summary["failures"].append(("end of round", final))
                return summary
            if export(workload.kg, graph) == workload.reference_export:
                summary["equal"] += 1
            else:
                summary["failures"].append(("end of round", ["the final graph differs from the uninterrupted run's"]))
                return summary
        os.remove(graph)
        for extra in (graph + ".lock", graph + ".snapshot"):
            if os.path.exists(extra):
                os.remove(extra)
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kg", default=os.path.join(ROOT, ".build", "release", "kg"))
    parser.add_argument("--mode", choices=["import", "ingest", "both"], default="both")
    parser.add_argument("--kills", type=int, default=300, help="kills in all (split between the workloads with --mode both)")
    parser.add_argument("--seconds", type=float, default=900, help="stop after this long even if fewer kills were made")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunks", type=int, default=30, help="import: JSON Lines chunks per round")
    parser.add_argument("--edges", type=int, default=20000, help="import: edges per chunk")
    parser.add_argument("--copies", type=int, default=8, help="ingest: copies of the five bundled papers per round")
    parser.add_argument("--max-delay", type=float, default=0.4, help="longest time before a kill, in seconds")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args()
    if not os.access(options.kg, os.X_OK):
        sys.exit(f"kill_loop: no kg binary at {options.kg}; build it with `swift build -c release` or pass --kg")

    started = time.time()
    work = tempfile.mkdtemp(prefix="kg-kill-")
    rng = random.Random(options.seed)
    modes = ["import", "ingest"] if options.mode == "both" else [options.mode]
    results, ok = [], True
    for i, mode in enumerate(modes):
        setup = time.time()
        workload = (ImportWorkload if mode == "import" else IngestWorkload)(options.kg, work, options)
        remaining = len(modes) - i
        budget = (options.kills - sum(r[1]["kills"] for r in results)) // remaining
        deadline = time.time() + (options.seconds - (time.time() - started)) / remaining
        summary = kill_rounds(workload, work, options, rng, budget, deadline)
        summary["setup"] = time.time() - setup
        results.append((mode, summary))
        ok = ok and not summary["failures"]

    elapsed = time.time() - started
    total = sum(s["kills"] for _, s in results)
    survived = sum(s["survived"] for _, s in results)
    print(f"kill loop: seed {options.seed}, {total} kills in {elapsed:.0f} s, {survived} survived")
    for mode, s in results:
        print(f"  {mode}: {s['kills']} kills, {s['survived']} survived (verify clean, reported commits present, nothing partial); "
              f"{s['rounds']} rounds, {s['completed_rounds']} completed, {s['equal']} equal to the uninterrupted run")
        for when, problems in s["failures"]:
            print(f"  FAILED ({mode}, after kill {when}):")
            for problem in problems:
                print(f"    - {problem}")
    if options.keep or not ok:
        print(f"  work folder: {work}")
    else:
        shutil.rmtree(work)
    sys.exit(0 if ok and total > 0 else 1)


if __name__ == "__main__":
    main()
