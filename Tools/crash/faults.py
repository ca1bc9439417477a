#!/usr/bin/env python3
"""Real I/O faults and real concurrency against the `kg` binary (the unit tests simulate the same
faults through a storage layer; this script makes the operating system produce them).

Scenarios (each counted in the summary; a scenario that needs what this machine lacks says so and
is skipped, never passed silently):

  disk-full      a small tmpfs fills up mid-import: the import fails with ENOSPC naming the file and
                 offset, everything committed before stays, and once space is freed the next writer
                 drops the partial tail and the import completes (needs root and `mount`).
  short-write    `ulimit -f` makes the kernel write only part of a transaction (then EFBIG): same checks.
  read-only      the file system is remounted read-only: writers are refused with the reason,
                 readers still answer (needs root and `mount`).
  rename-swap    while readers loop, another process renames a different graph over the path: every
                 reader answers for one graph or the other, whole.
  overwrite      while readers loop, another process copies a different graph over the file in place:
                 every reader answers with a committed prefix of one of the two graphs, or fails with
                 a message naming the change or the damage; never a wrong answer.
  writer-race    two `kg import` processes start together: one commits, the other fails at once
                 naming the holder of the lock.
  readers-during-writes  `kg stats` and `kg query` loop while a writer appends: each sees a whole
                 committed prefix.
  fsync-eio      a FUSE file system (Tools/crash/eiofs.py) makes the kernel fail the 1st, 2nd or 3rd
                 fsync of the log with EIO: the import fails naming fsync and the file, and stops
                 writing; the transaction is then whole or absent (absent when the failed sync came
                 before its commit record; present, though reported as not confirmed durable, when
                 it was the commit's own sync), `kg verify` finds no damage, nothing committed before
                 is lost, and re-importing the chunk gives the same graph as a run without faults
                 (needs /dev/fuse, libfuse2 and fusepy; skipped without them).

    python3 Tools/crash/faults.py                 # everything, about two minutes
    python3 Tools/crash/faults.py --rounds 2      # quicker (what CI runs)
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Report:
    def __init__(self):
        self.rows = []          # (scenario, faults injected, checks passed, problems, note)
        self.problems = 0

    def add(self, scenario, faults, checks, problems, note=""):
        self.rows.append((scenario, faults, checks, problems, note))
        self.problems += len(problems)


def kg(binary, graph, *args, env=None, check=False, shell_prefix=None):
    command = [binary, "--graph", graph] + list(args)
    if shell_prefix:
        command = ["bash", "-c", shell_prefix + ' exec "$@"', "kg"] + command
    # A hung kg fails the run (TimeoutExpired) instead of hanging it.
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: exit {result.returncode}: {result.stderr.strip()}")
    return result


def chunk(path, index, nodes, edges, seed):
    """A JSON Lines file of its own nodes and edges (so counts after any set of chunks are sums)."""
    rng = random.Random(seed * 1000 + index)
    lines = [json.dumps({"kind": "node", "id": f"c{index}-n{i}", "labels": ["Kamerstuk"], "props": {"i": i, "pad": "x" * 40}})
             for i in range(nodes)]
    seen = set()
    while len(seen) < edges:
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        if (a, b) not in seen:
            seen.add((a, b))
            lines.append(json.dumps({"kind": "edge", "type": "cites", "from": f"c{index}-n{a}", "to": f"c{index}-n{b}", "props": {},
                                     "source": {"doc": "cd" * 32, "line": a + 1, "offset": b, "text": f"Kamerstuk {a}, nr. {b}"}}))
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    return (nodes, edges)


def stats(binary, graph):
    result = kg(binary, graph, "stats", "--format", "json")
    if result.returncode != 0:
        return None, result.stderr.strip()
    data = json.loads(result.stdout)
    return (data["nodes"], data["edges"]), ""


def healthy(binary, graph):
    result = kg(binary, graph, "verify", "--format", "json")
    try:
        return "damage" not in json.loads(result.stdout)
    except json.JSONDecodeError:
        return False


def import_and_compare(binary, graph, inputs, sizes, indices):
    """Imports the chunks `indices` (each as its own source), then checks the graph holds every chunk of
    `sizes` exactly once and verifies clean. Returns what is wrong, or None."""
    for i in indices:
        kg(binary, graph, "import", os.path.join(inputs, f"{i}.jsonl"), "--source", f"chunk-{i}", check=True)
    counts, _ = stats(binary, graph)
    want = (sum(n for n, _ in sizes), sum(e for _, e in sizes))
    if counts != want or not healthy(binary, graph):
        return f"the graph holds {counts}, expected {want}"
    return None


def can_mount():
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = tempfile.mkdtemp(prefix="kg-mount-probe-")
    ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], capture_output=True).returncode == 0
    if ok:
        subprocess.run(["umount", probe])
    os.rmdir(probe)
    return ok


# ---------------------------------------------------------------------------------------------------


def write_fault(binary, work, report, rounds, scenario):
    """disk-full (tmpfs) or short-write (ulimit -f): a write fails mid-transaction; nothing committed is lost."""
    faults, checks, problems = 0, 0, []
    for round_index in range(rounds):
        folder = os.path.join(work, f"{scenario}-{round_index}")
        os.makedirs(folder)
        inputs = os.path.join(work, f"{scenario}-inputs-{round_index}")
        os.makedirs(inputs)
        sizes = [chunk(os.path.join(inputs, f"{i}.jsonl"), i, 300, 1500, round_index) for i in range(12)]
        mounted = False
        if scenario == "disk-full":
            limit_kb = 600 + 150 * round_index
            subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={limit_kb}k", "tmpfs", folder], check=True)
            mounted = True
        graph = os.path.join(folder, "g.kg")
        try:
            kg(binary, graph, "init", check=True)
            committed = []
            failed_at = None
            prefix = None
            if scenario == "short-write":
                blocks = 1 + (400 + 100 * round_index) // 1   # 1 KiB blocks for bash's ulimit -f
                prefix = f"trap '' XFSZ; ulimit -f {blocks};"
            for i in range(len(sizes)):
                result = kg(binary, graph, "import", os.path.join(inputs, f"{i}.jsonl"), "--source", f"chunk-{i}", shell_prefix=prefix)
                if result.returncode == 0:
                    committed.append(i)
                    continue
                failed_at = i
                faults += 1
                message = result.stderr
                expected = "No space left on device" if scenario == "disk-full" else "File too large"
                if expected not in message or "nothing of this transaction is committed" not in message or graph not in message:
                    problems.append(f"round {round_index}: the failed import said: {message.strip()[:300]}")
                checks += 1
                break
            if failed_at is None:
                problems.append(f"round {round_index}: no write failed; raise the input size")
                continue
            # Nothing committed is lost, nothing partial is visible.
            counts, error = stats(binary, graph)
            want = (sum(sizes[i][0] for i in committed), sum(sizes[i][1] for i in committed))
            if counts != want:
                problems.append(f"round {round_index}: after the fault the graph holds {counts} ({error}); the committed chunks hold {want}")
            checks += 1
            if not healthy(binary, graph):
                problems.append(f"round {round_index}: verify found damage after the fault")
            checks += 1
            # Free space / lift the limit, then resume.
            if mounted:
                subprocess.run(["mount", "-o", "remount,size=64m", folder], check=True)
            resumed = kg(binary, graph, "import", os.path.join(inputs, f"{failed_at}.jsonl"), "--source", f"chunk-{failed_at}")
            if resumed.returncode != 0 or "dropped" not in (resumed.stderr + resumed.stdout):
                problems.append(f"round {round_index}: resuming said {resumed.returncode}: {(resumed.stderr + resumed.stdout).strip()[:300]}")
            checks += 1
            problem = import_and_compare(binary, graph, inputs, sizes, range(failed_at + 1, len(sizes)))
            if problem:
                problems.append(f"round {round_index}: after resuming {problem}")
            checks += 1
        finally:
            if mounted:
                subprocess.run(["umount", folder])
    report.add(scenario, faults, checks, problems)


def read_only(binary, work, report, rounds):
    faults, checks, problems = 0, 0, []
    folder = os.path.join(work, "read-only")
    os.makedirs(folder)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", folder], check=True)
    try:
        graph = os.path.join(folder, "g.kg")
        kg(binary, graph, "init", check=True)
        data = os.path.join(work, "ro-chunk.jsonl")
        size = chunk(data, 0, 100, 300, 1)
        kg(binary, graph, "import", data, "--source", "first", check=True)
        for round_index in range(rounds):
            subprocess.run(["mount", "-o", "remount,ro", folder], check=True)
            faults += 1
            refused = kg(binary, graph, "import", data, "--source", f"again-{round_index}")
            if refused.returncode != 1 or "Read-only file system" not in refused.stderr or graph not in refused.stderr:
                problems.append(f"a writer on a read-only file system said {refused.returncode}: {refused.stderr.strip()[:300]}")
            checks += 1
            counts, error = stats(binary, graph)
            if counts != size:
                problems.append(f"a reader on a read-only file system got {counts} ({error}), expected {size}")
            query = kg(binary, graph, "query", "MATCH (n:Kamerstuk) RETURN count(n)")
            if query.returncode != 0 or str(size[0]) not in query.stdout:
                problems.append(f"a query on a read-only file system said {query.returncode}: {query.stderr.strip()[:200]}")
            checks += 2
            subprocess.run(["mount", "-o", "remount,rw", folder], check=True)
            again = kg(binary, graph, "import", data, "--source", f"after-{round_index}")
            if again.returncode != 0:
                problems.append(f"writing after remounting read-write failed: {again.stderr.strip()[:200]}")
            checks += 1
    finally:
        subprocess.run(["umount", folder])
    report.add("read-only", faults, checks, problems)


def reader_loop(binary, graph, stop, valid, problems, seen, allow_errors, runs):
    """Runs `kg stats` until `stop`; each answer must be in `valid` (an error only when allowed)."""
    while not stop.is_set():
        counts, error = stats(binary, graph)
        runs.append(1)
        if counts is None:
            if not allow_errors(error):
                problems.append(f"a reader failed: {error[:300]}")
            else:
                seen.add("refused: " + error.split(":")[-1].strip()[:60])
            continue
        if counts not in valid:
            problems.append(f"a reader saw {counts}, which no committed prefix holds")
        seen.add(counts)


def swaps(binary, work, report, rounds, in_place):
    scenario = "overwrite" if in_place else "rename-swap"
    problems, seen = [], set()
    a, b = os.path.join(work, f"{scenario}-a.kg"), os.path.join(work, f"{scenario}-b.kg")
    prefixes = set()
    for graph, seed, count in ((a, 1, 4), (b, 2, 6)):
        kg(binary, graph, "init", check=True)
        total = (0, 0)
        prefixes.add(total)
        for i in range(count):
            path = os.path.join(work, f"{scenario}-{seed}-{i}.jsonl")
            n, e = chunk(path, i + 10 * seed, 200, 800, seed)
            kg(binary, graph, "import", path, "--source", f"s{i}", "--no-sync", check=True)
            total = (total[0] + n, total[1] + e)
            prefixes.add(total)
    live = os.path.join(work, f"{scenario}-live.kg")
    shutil.copyfile(a, live)
    stop = threading.Event()
    runs = []
    readers = [threading.Thread(target=reader_loop, args=(binary, live, stop, prefixes, problems, seen,
                                                          (lambda e: any(m in e for m in ("changed under this reader", "corrupt record", "header", "not a Kamergraaf graph file")))
                                                          if in_place else (lambda e: False), runs))
               for _ in range(2)]
    for thread in readers:
        thread.start()
    faults = 0
    deadline = time.time() + 4 * rounds
    while time.time() < deadline:
        source = b if faults % 2 == 0 else a
        if in_place:
            with open(source, "rb") as src, open(live, "r+b") as dst:
                dst.truncate(0)
                shutil.copyfileobj(src, dst, 64 * 1024)
        else:
            shutil.copyfile(source, live + ".tmp")
            os.rename(live + ".tmp", live)
        faults += 1
        time.sleep(0.01)
    stop.set()
    for thread in readers:
        thread.join()
    answers = len([s for s in seen if not isinstance(s, str)])
    note = f"{answers} distinct whole answers seen" + (f", refusals: {sorted(s for s in seen if isinstance(s, str))}" if any(isinstance(s, str) for s in seen) else "")
    report.add(scenario, faults, len(runs), problems, note)


def writer_race(binary, work, report, rounds):
    problems, checks = [], 0
    big = os.path.join(work, "race-big.jsonl")
    chunk(big, 0, 20000, 120000, 5)
    for round_index in range(rounds * 3):
        graph = os.path.join(work, f"race-{round_index}.kg")
        kg(binary, graph, "init", check=True)
        started = time.time()
        first = subprocess.Popen([binary, "--graph", graph, "import", big, "--source", "a"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.15)   # the first has taken the lock and is writing
        second = subprocess.run([binary, "--graph", graph, "import", big, "--source", "b"], capture_output=True, text=True)
        waited = time.time() - started - 0.15
        out, err = first.communicate()
        if first.returncode != 0:
            problems.append(f"round {round_index}: the first writer failed: {err.strip()[:200]}")
        elif second.returncode == 0:
            problems.append(f"round {round_index}: both writers committed (the first finished within 0.15 s?)")
        elif "another writer holds the lock (pid" not in second.stderr or waited > 1.0:
            problems.append(f"round {round_index}: the second writer said after {waited:.2f} s: {second.stderr.strip()[:200]}")
        checks += 1
        if kg(binary, graph, "log").stdout.count("\n") != 1:
            problems.append(f"round {round_index}: the log does not hold exactly the winner's transaction")
        checks += 1
    report.add("writer-race", rounds * 3, checks, problems, "the loser fails in under 1 s and names the holder")


def readers_during_writes(binary, work, report, rounds):
    graph = os.path.join(work, "busy.kg")
    kg(binary, graph, "init", check=True)
    paths, valid, total = [], {(0, 0)}, (0, 0)
    for i in range(20 * rounds):
        path = os.path.join(work, f"busy-{i}.jsonl")
        n, e = chunk(path, i, 150, 600, 9)
        paths.append(path)
        total = (total[0] + n, total[1] + e)
        valid.add(total)
    problems, seen, runs = [], set(), []
    stop = threading.Event()
    readers = [threading.Thread(target=reader_loop, args=(binary, graph, stop, valid, problems, seen, lambda e: False, runs)) for _ in range(2)]
    for thread in readers:
        thread.start()
    for i, path in enumerate(paths):
        kg(binary, graph, "import", path, "--source", f"b{i}", check=True)
    stop.set()
    for thread in readers:
        thread.join()
    report.add("readers-during-writes", 0, len(runs), problems, f"readers saw {len(seen)} distinct committed prefixes of {len(valid)}")


def can_fuse():
    """Whether eiofs.py can mount here: root, /dev/fuse, libfuse2 and fusepy."""
    if os.geteuid() != 0 or not os.path.exists("/dev/fuse"):
        return False
    # fusepy's API (the unrelated python-fuse package also installs a module named `fuse`).
    probe = subprocess.run([sys.executable, "-c", "from fuse import FUSE, FuseOSError, Operations"], capture_output=True)
    return probe.returncode == 0


def fsync_eio(binary, work, report, rounds):
    """A real fsync failure (EIO from the kernel, through FUSE) at each sync point of an import."""
    faults, checks, problems = 0, 0, []
    outcomes = {"absent": 0, "present": 0}
    for round_index in range(rounds):
        backing = os.path.join(work, f"eio-back-{round_index}")
        mount = os.path.join(work, f"eio-mnt-{round_index}")
        control = os.path.join(work, f"eio-control-{round_index}")
        inputs = os.path.join(work, f"eio-inputs-{round_index}")
        for folder in (backing, mount, inputs):
            os.makedirs(folder)
        with open(control, "w") as handle:
            handle.write("0")
        sizes = [chunk(os.path.join(inputs, f"{i}.jsonl"), i, 60, 200, 100 + round_index) for i in range(9)]
        daemon = subprocess.Popen([sys.executable, os.path.join(ROOT, "Tools", "crash", "eiofs.py"), backing, mount, control],
                                  stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, f"eiofs-{round_index}.log"), "w"))
        try:
            deadline = time.time() + 10
            while not os.path.ismount(mount) and time.time() < deadline and daemon.poll() is None:
                time.sleep(0.05)
            if not os.path.ismount(mount):
                problems.append(f"round {round_index}: eiofs did not mount (see {work}/eiofs-{round_index}.log)")
                continue
            graph = os.path.join(mount, "g.kg")
            kg(binary, graph, "init", check=True)
            for i in range(2):
                kg(binary, graph, "import", os.path.join(inputs, f"{i}.jsonl"), "--source", f"chunk-{i}", check=True)
            committed = [0, 1]
            # The N-th log fsync of the next import fails. On a clean log an import syncs twice: after its
            # records (1) and after its commit frame (2). After a failure that left a torn tail, the next
            # writer first cuts the tail and syncs (1), then records (2), then commit (3). The sequence
            # hits each of these five sync points once; only a failed commit sync leaves the
            # transaction in the file.
            plan = [(1, "records", "absent"), (1, "tail cut", "absent"), (2, "commit", "present"),
                    (1, "records", "absent"), (2, "records after a tail cut", "absent"),
                    (3, "commit after a tail cut", "present")]
            for index, (nth, point, expected) in enumerate(plan, start=2):
                with open(control, "w") as handle:
                    handle.write(str(nth))
                path = os.path.join(inputs, f"{index}.jsonl")
                result = kg(binary, graph, "import", path, "--source", f"chunk-{index}")
                with open(control) as handle:
                    fired = handle.read().strip() == "fired"
                if not fired:
                    # Fewer syncs than N: nothing failed, so the import must have succeeded.
                    if result.returncode != 0:
                        problems.append(f"round {round_index}: import {index} failed without a fault: {result.stderr.strip()[:300]}")
                    committed.append(index)
                    checks += 1
                    continue
                faults += 1
                message = result.stderr
                if result.returncode != 1 or "fsync failed" not in message or "Input/output error" not in message or graph not in message:
                    problems.append(f"round {round_index}: import {index} after an fsync EIO said {result.returncode}: {message.strip()[:300]}")
                checks += 1
                counts, error = stats(binary, graph)
                before = (sum(sizes[i][0] for i in committed), sum(sizes[i][1] for i in committed))
                with_it = (before[0] + sizes[index][0], before[1] + sizes[index][1])
                outcome = "absent" if counts == before else "present" if counts == with_it else None
                if outcome is None:
                    problems.append(f"round {round_index}: after the EIO at the {point} sync the graph holds {counts} ({error}); "
                                    f"whole would be {before} or {with_it}")
                else:
                    outcomes[outcome] += 1
                    if outcome == "present":
                        committed.append(index)
                    if outcome != expected:
                        problems.append(f"round {round_index}: after the EIO at the {point} sync the transaction is {outcome}, expected {expected}")
                checks += 1
                if not healthy(binary, graph):
                    problems.append(f"round {round_index}: verify found damage after the EIO at sync {nth}")
                checks += 1
            # Re-import every chunk (a present one is superseded by itself): the graph of a run without faults.
            with open(control, "w") as handle:
                handle.write("0")
            problem = import_and_compare(binary, graph, inputs, sizes, range(len(sizes)))
            if problem:
                problems.append(f"round {round_index}: after re-importing {problem}")
            checks += 1
        finally:
            subprocess.run(["umount", mount], capture_output=True)
            try:
                daemon.wait(timeout=10)
            except subprocess.TimeoutExpired:
                daemon.kill()
    report.add("fsync-eio", faults, checks, problems,
               f"after the failure the transaction was absent {outcomes['absent']} times, present and whole {outcomes['present']} times")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kg", default=os.path.join(ROOT, ".build", "release", "kg"))
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    if not os.access(options.kg, os.X_OK):
        sys.exit(f"faults: no kg binary at {options.kg}; build it with `swift build -c release` or pass --kg")
    started = time.time()
    work = tempfile.mkdtemp(prefix="kg-faults-")
    report = Report()
    skipped = []
    mount = can_mount()
    if mount:
        write_fault(options.kg, work, report, options.rounds, "disk-full")
    else:
        skipped.append("disk-full (needs root and mount)")
    write_fault(options.kg, work, report, options.rounds, "short-write")
    if mount:
        read_only(options.kg, work, report, options.rounds)
    else:
        skipped.append("read-only (needs root and mount)")
    swaps(options.kg, work, report, options.rounds, in_place=False)
    swaps(options.kg, work, report, options.rounds, in_place=True)
    writer_race(options.kg, work, report, options.rounds)
    readers_during_writes(options.kg, work, report, options.rounds)
    if can_fuse():
        fsync_eio(options.kg, work, report, options.rounds)
    else:
        skipped.append("fsync-eio (needs root, /dev/fuse, libfuse2 and fusepy: apt-get install libfuse2; pip install fusepy)")

    print(f"faults: {sum(r[1] for r in report.rows)} faults injected, {sum(r[2] for r in report.rows)} checks, "
          f"{report.problems} problems, {time.time() - started:.0f} s")
    for scenario, faults, checks, problems, note in report.rows:
        print(f"  {scenario:22} {faults:4} faults {checks:5} checks  {'ok' if not problems else 'FAILED'}  {note}")
        for problem in problems[:10]:
            print(f"      - {problem}")
    for name in skipped:
        print(f"  skipped: {name}")
    if options.keep or report.problems:
        print(f"  work folder: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if report.problems else 0)


if __name__ == "__main__":
    main()
