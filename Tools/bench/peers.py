#!/usr/bin/env python3
"""The query workloads of `kg-bench query` answered by Kuzu, SQLite, networkx and igraph, in the same
run, with every answer checked against Swift's.

    python3 peers.py EXPORT_DIR [--engines kuzu,sqlite,networkx,igraph] [--rounds 3] [--budget 30]
                     [--markdown OUT.md] [--json OUT.json]

EXPORT_DIR is what `kg-bench query --export DIR` wrote: nodes.csv, edges.csv, the workload inputs,
Swift's answers (answers-*.txt) and timings (swift.json). The workloads (the same for every engine):

  twohop    distinct nodes b != s reachable from s by 1 or 2 edges followed forward, any type
  reach     distinct nodes b != s reachable from s by 1 to 4 `cites` edges followed forward
  shortest  edges on a shortest forward path s -> t (any type, unweighted), -1 when there is none
  filter    matches of (s)-[:cites]->(b:Kamerstuk)-[:cites]->(c) with c.year >= 2010 (edge pairs)

Each engine runs in its own process (load time, and its peak RSS from wait4). Per workload: one pass
that checks every answer (also the warm-up), then up to --rounds timed passes, keeping the round with
the lowest median, as kg-bench does. Cut-off: when the checking pass of a workload has not finished
after --budget seconds, it stops there and the workload is reported as "> budget" with the number of
inputs done, and timed on those inputs only from that checking pass; a timed round is only started while
the workload's total time is under --budget (at least one). A process that exceeds a hard limit
(8 x budget + 10 minutes) is killed.

Exit status: 0 when every answer matched, 1 on any mismatch (each printed with workload, input and both
answers), 2 on usage errors or an engine that failed.
"""
import argparse
import warnings
import json
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

WORKLOADS = [
    ("twohop", "distinct 2-hop neighbourhood", "starts2hop.txt"),
    ("reach", "1..4-hop reachability along cites", "startsReach.txt"),
    ("shortest", "shortest path length", "pairs.txt"),
    ("filter", "filtered pattern (cites -> :Kamerstuk -> cites, year >= 2010)", "startsFilter.txt"),
]
ENGINES = ["kuzu", "sqlite", "networkx", "igraph"]
EDGE_TYPES = ["cites", "refers_to", "contains"]
# Kuzu's default upper bound for recursive relationships (var_length_extend_max_depth).
KUZU_MAX_DEPTH = 30


def read_ints(path):
    with open(path) as f:
        return [int(line) for line in f if line.strip()]


def read_inputs(directory, filename):
    with open(os.path.join(directory, filename)) as f:
        rows = [line.split() for line in f if line.strip()]
    return [(int(r[0]), int(r[1])) if len(r) == 2 else int(r[0]) for r in rows]


def rss_mib():
    """Current resident set size of this process, in MiB (Linux)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# ---------------------------------------------------------------------------------------------------
# Preparation (untimed, cached): per-type edge lists "src dst" (space-separated, no header), which
# Kuzu's COPY and igraph's C reader load directly, and all edges in one list for igraph.

def prepare(directory):
    edges = os.path.join(directory, "edges.csv")
    outputs = {t: os.path.join(directory, f"edges-{t}.csv") for t in EDGE_TYPES + ["all"]}
    if all(os.path.exists(p) and os.path.getmtime(p) >= os.path.getmtime(edges) for p in outputs.values()):
        return
    files = {t: open(p + ".tmp", "w") for t, p in outputs.items()}
    with open(edges) as f:
        header = f.readline().strip()
        if header != "src,dst,type":
            raise SystemExit(f"peers.py: unexpected header in {edges}: {header}")
        for line in f:
            src, dst, kind = line.rstrip("\n").split(",")
            text = f"{src} {dst}\n"
            files[kind].write(text)
            files["all"].write(text)
    for kind, handle in files.items():
        handle.close()
        os.replace(outputs[kind] + ".tmp", outputs[kind])


def read_nodes(directory):
    """Labels and years by node index, from nodes.csv (idx,id,label,year; idx = line number)."""
    labels, years = [], []
    with open(os.path.join(directory, "nodes.csv")) as f:
        f.readline()
        for i, line in enumerate(f):
            idx, _, label, year = line.rstrip("\n").split(",")
            if int(idx) != i:
                raise SystemExit("peers.py: nodes.csv is not in index order")
            labels.append(label)
            years.append(int(year))
    return labels, years


def read_edge_list(path):
    with open(path) as f:
        return [tuple(map(int, line.split())) for line in f]


# ---------------------------------------------------------------------------------------------------
# Engines. Each has load(directory, filter) and one function per workload: input -> int.

class Deadline(Exception):
    pass


class KuzuEngine:
    name = "Kuzu"

    def __init__(self, directory, params, deadline):
        import kuzu
        self.kuzu = kuzu
        self.version = kuzu.__version__
        self.deadline = deadline
        self.db = kuzu.Database(":memory:")  # in memory, like the Swift graph and igraph
        c = kuzu.Connection(self.db)
        self.conn = c
        c.execute("CREATE NODE TABLE N(idx INT64, id STRING, label STRING, year INT64, PRIMARY KEY (idx))")
        for t in EDGE_TYPES:
            c.execute(f"CREATE REL TABLE {t}(FROM N TO N)")
        c.execute(f"COPY N FROM '{os.path.join(directory, 'nodes.csv')}' (HEADER=true)")
        for t in EDGE_TYPES:
            c.execute(f"COPY {t} FROM '{os.path.join(directory, f'edges-{t}.csv')}' (HEADER=false, DELIM=' ')")
        self.params = params
        self.threads = self.scalar("CALL current_setting('threads') RETURN *")

    def scalar(self, query, parameters=None):
        remaining = self.deadline.remaining_ms()
        self.conn.set_query_timeout(max(1, remaining))
        try:
            result = self.conn.execute(query, parameters or {})
        except RuntimeError as error:
            if "nterrupt" in str(error) or "timeout" in str(error).lower():
                raise Deadline() from error
            raise
        value = result.get_next()[0] if result.has_next() else None
        result.close()
        return value

    def twohop(self, s):
        return self.scalar("MATCH (a:N {idx: $s})-[*1..2]->(b:N) WHERE b.idx <> $s RETURN count(DISTINCT b)", {"s": s})

    def reach(self, s):
        return self.scalar("MATCH (a:N {idx: $s})-[:cites*1..4]->(b:N) WHERE b.idx <> $s RETURN count(DISTINCT b)", {"s": s})

    def shortest(self, pair):
        value = self.scalar(f"MATCH (a:N {{idx: $s}})-[e* SHORTEST 1..{KUZU_MAX_DEPTH}]->(b:N {{idx: $t}}) RETURN length(e)",
                            {"s": pair[0], "t": pair[1]})
        return -1 if value is None else value

    def filter(self, s):
        return self.scalar("MATCH (a:N {idx: $s})-[:cites]->(b:N)-[:cites]->(c:N) "
                           "WHERE b.label = $label AND c.year >= $year RETURN count(*)",
                           {"s": s, "label": self.params["label"], "year": self.params["minYear"]})

    def describe(self):
        return (f"Kuzu {self.version}: in-memory database, node table N (idx INT64 primary key, label, year), one rel "
                f"table per edge type, COPY FROM the CSV files; Cypher per query through Connection.execute with "
                f"parameters (parse, plan, run each time); {self.threads} threads (its default)")


class SQLiteEngine:
    name = "SQLite"

    def __init__(self, directory, params, deadline):
        import sqlite3
        self.version = sqlite3.sqlite_version
        self.deadline = deadline
        db = sqlite3.connect(":memory:", isolation_level=None)
        self.db = db
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("PRAGMA cache_size = -4000000")
        db.execute("CREATE TABLE nodes (idx INTEGER PRIMARY KEY, id TEXT, label TEXT, year INTEGER)")
        db.execute("CREATE TABLE edges (src INTEGER, dst INTEGER, type TEXT)")
        db.execute("BEGIN")
        with open(os.path.join(directory, "nodes.csv")) as f:
            f.readline()
            db.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?)",
                           (line.rstrip("\n").split(",") for line in f))
        with open(os.path.join(directory, "edges.csv")) as f:
            f.readline()
            db.executemany("INSERT INTO edges VALUES (?, ?, ?)", (line.rstrip("\n").split(",") for line in f))
        db.execute("COMMIT")
        # Covering indexes: a hop in either direction reads the index only.
        db.execute("CREATE INDEX edges_out ON edges (src, type, dst)")
        db.execute("CREATE INDEX edges_in ON edges (dst, type, src)")
        db.execute("ANALYZE")
        db.execute("CREATE TEMP TABLE vf (n INTEGER PRIMARY KEY, d INTEGER)")
        db.execute("CREATE TEMP TABLE vb (n INTEGER PRIMARY KEY, d INTEGER)")
        db.execute("CREATE TEMP TABLE nxt (n INTEGER PRIMARY KEY)")
        db.set_progress_handler(self.progress, 10000)
        self.params = params

    def progress(self):
        return 1 if self.deadline.expired() else 0

    def scalar(self, query, parameters):
        import sqlite3
        try:
            return self.db.execute(query, parameters).fetchone()[0]
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                raise Deadline() from error
            raise

    def twohop(self, s):
        return self.scalar("WITH RECURSIVE r(n, d) AS (SELECT :s, 0 UNION SELECT e.dst, r.d + 1 FROM r "
                           "JOIN edges e ON e.src = r.n WHERE r.d < 2) SELECT count(DISTINCT n) FROM r WHERE n <> :s",
                           {"s": s})

    def reach(self, s):
        return self.scalar("WITH RECURSIVE r(n, d) AS (SELECT :s, 0 UNION SELECT e.dst, r.d + 1 FROM r "
                           "JOIN edges e ON e.src = r.n AND e.type = 'cites' WHERE r.d < 4) "
                           "SELECT count(DISTINCT n) FROM r WHERE n <> :s", {"s": s})

    def shortest(self, pair):
        """Bidirectional breadth-first search in SQL, one statement set per level: visited nodes with
        their depth in temp tables vf (from s) and vb (to t); the smaller frontier grows by a level."""
        s, t = pair
        db = self.db
        if s == t:
            return 0
        for table in ("vf", "vb", "nxt"):
            db.execute(f"DELETE FROM {table}")
        db.execute("INSERT INTO vf VALUES (?, 0)", (s,))
        db.execute("INSERT INTO vb VALUES (?, 0)", (t,))
        level = {"vf": 0, "vb": 0}
        size = {"vf": 1, "vb": 1}
        join = {"vf": "e.src = v.n", "vb": "e.dst = v.n"}
        other_end = {"vf": "e.dst", "vb": "e.src"}
        try:
            while size["vf"] > 0 and size["vb"] > 0:
                side = "vf" if size["vf"] <= size["vb"] else "vb"
                other = "vb" if side == "vf" else "vf"
                db.execute("DELETE FROM nxt")
                db.execute(f"INSERT OR IGNORE INTO nxt SELECT {other_end[side]} FROM {side} v JOIN edges e "
                           f"ON {join[side]} WHERE v.d = ? AND {other_end[side]} NOT IN (SELECT n FROM {side})",
                           (level[side],))
                level[side] += 1
                size[side] = db.execute("SELECT count(*) FROM nxt").fetchone()[0]
                db.execute(f"INSERT INTO {side} SELECT n, ? FROM nxt", (level[side],))
                meet = db.execute(f"SELECT min(o.d) FROM nxt JOIN {other} o USING (n)").fetchone()[0]
                if meet is not None:
                    return level[side] + meet
            return -1
        except Exception as error:
            if "interrupted" in str(error):
                raise Deadline() from error
            raise

    def filter(self, s):
        return self.scalar("SELECT count(*) FROM edges e1 JOIN nodes b ON b.idx = e1.dst "
                           "JOIN edges e2 ON e2.src = e1.dst AND e2.type = 'cites' JOIN nodes c ON c.idx = e2.dst "
                           "WHERE e1.src = :s AND e1.type = 'cites' AND b.label = :label AND c.year >= :year",
                           {"s": s, "label": self.params["label"], "year": self.params["minYear"]})

    def describe(self):
        return (f"SQLite {self.version} (Python sqlite3): in-memory database, edges(src, dst, type) with covering indexes "
                f"(src, type, dst) and (dst, type, src), nodes(idx primary key, label, year); 2-hop and reach as recursive "
                f"CTEs, shortest path as a bidirectional BFS of one SQL statement set per level, the pattern as a join")


class NetworkXEngine:
    name = "networkx"

    def __init__(self, directory, params, deadline):
        import networkx as nx
        self.nx = nx
        self.version = nx.__version__
        n = sum(1 for _ in open(os.path.join(directory, "nodes.csv"))) - 1
        self.labels, self.years = read_nodes(directory)
        self.g = nx.DiGraph()
        self.g.add_nodes_from(range(n))
        self.cites = nx.DiGraph()
        self.cites.add_nodes_from(range(n))
        for t in EDGE_TYPES:
            edges = read_edge_list(os.path.join(directory, f"edges-{t}.csv"))
            self.g.add_edges_from(edges)
            if t == "cites":
                self.cites.add_edges_from(edges)
            del edges
        self.params = params

    def twohop(self, s):
        return len(self.nx.single_source_shortest_path_length(self.g, s, cutoff=2)) - 1

    def reach(self, s):
        return len(self.nx.single_source_shortest_path_length(self.cites, s, cutoff=4)) - 1

    def shortest(self, pair):
        try:
            return self.nx.shortest_path_length(self.g, pair[0], pair[1])  # bidirectional BFS
        except self.nx.NetworkXNoPath:
            return -1

    def filter(self, s):
        succ = self.cites.succ
        label, year, labels, years = self.params["label"], self.params["minYear"], self.labels, self.years
        return sum(1 for b in succ[s] if labels[b] == label for c in succ[b] if years[c] >= year)

    def describe(self):
        return (f"networkx {self.version}: DiGraph of all edges and DiGraph of cites edges (labels and years in lists); "
                f"single_source_shortest_path_length with cutoff, shortest_path_length (bidirectional BFS), the pattern "
                f"as a Python loop over successors")


class IGraphEngine:
    name = "igraph"

    def __init__(self, directory, params, deadline):
        import igraph
        self.version = igraph.__version__
        self.labels, self.years = read_nodes(directory)
        n = len(self.labels)
        self.g = igraph.Graph.Read_Edgelist(os.path.join(directory, "edges-all.csv"), directed=True)
        self.cites = igraph.Graph.Read_Edgelist(os.path.join(directory, "edges-cites.csv"), directed=True)
        for g in (self.g, self.cites):
            if g.vcount() < n:
                g.add_vertices(n - g.vcount())
        self.params = params

    def twohop(self, s):
        return self.g.neighborhood_size(s, order=2, mode="out", mindist=1)

    def reach(self, s):
        return self.cites.neighborhood_size(s, order=4, mode="out", mindist=1)

    def shortest(self, pair):
        # get_shortest_path stops its breadth-first search at the target (distances() searches the
        # whole graph: about 4x slower here); an empty path means unreachable (the pairs have s != t).
        path = self.g.get_shortest_path(pair[0], pair[1], mode="out", output="epath")
        return len(path) if path else -1

    def filter(self, s):
        successors = self.cites.successors
        label, year, labels, years = self.params["label"], self.params["minYear"], self.labels, self.years
        return sum(1 for b in successors(s) if labels[b] == label for c in successors(b) if years[c] >= year)

    def describe(self):
        return (f"python-igraph {self.version} (C core): Graph of all edges and Graph of cites edges from Read_Edgelist; "
                f"neighborhood_size(order, mode='out', mindist=1), get_shortest_path(mode='out'), the pattern as a Python loop over "
                f"successors()")


ENGINE_CLASSES = {"kuzu": KuzuEngine, "sqlite": SQLiteEngine, "networkx": NetworkXEngine, "igraph": IGraphEngine}


class Clock:
    def __init__(self):
        self.end = None

    def set(self, seconds):
        self.end = time.perf_counter() + seconds

    def clear(self):
        self.end = None

    def expired(self):
        return self.end is not None and time.perf_counter() > self.end

    def remaining_ms(self):
        return 10 ** 9 if self.end is None else int(max(0.0, self.end - time.perf_counter()) * 1000)


# ---------------------------------------------------------------------------------------------------
# Child: one engine, all workloads; writes a JSON result file.

def run_child(engine_key, directory, rounds, budget, result_path):
    import gc
    params = json.load(open(os.path.join(directory, "filter.json")))
    inputs = {key: read_inputs(directory, filename) for key, _, filename in WORKLOADS}
    expected = {key: read_ints(os.path.join(directory, f"answers-{key}.txt")) for key, _, _ in WORKLOADS}
    result = {"engine": engine_key, "workloads": {}, "mismatches": []}
    baseline = rss_mib()
    clock = Clock()
    start = time.perf_counter()
    try:
        engine = ENGINE_CLASSES[engine_key](directory, params, clock)
    except MemoryError:
        result.update(error="out of memory while loading (address-space limit)", rssBaselineMiB=baseline)
        json.dump(result, open(result_path, "w"))
        return
    result["loadSeconds"] = time.perf_counter() - start
    gc.collect()
    result["rssBaselineMiB"] = baseline
    result["rssAfterLoadMiB"] = rss_mib()
    result["version"] = engine.version
    result["description"] = engine.describe()
    json.dump(result, open(result_path, "w"))  # partial result, in case a later step dies

    for key, _, _ in WORKLOADS:
        function = getattr(engine, key)
        items = inputs[key]
        workload_start = time.perf_counter()
        clock.set(budget)
        answers, check_times, status = [], [], "ok"
        try:
            for item in items:
                t0 = time.perf_counter()
                answer = function(item)
                check_times.append((time.perf_counter() - t0) * 1000)
                answers.append(answer)
                if clock.expired() and len(answers) < len(items):
                    raise Deadline()
        except Deadline:
            status = "cut"
        except MemoryError:
            status = "oom"
        clock.clear()
        for i, answer in enumerate(answers):
            if answer != expected[key][i]:
                result["mismatches"].append({"workload": key, "input": items[i], "swift": expected[key][i], "engine": answer})
        entry = {"status": status, "done": len(answers), "of": len(items), "checkSeconds": time.perf_counter() - workload_start}
        if status == "ok":
            best = None
            rounds_done = 0
            while rounds_done < rounds and (rounds_done == 0 or time.perf_counter() - workload_start < budget):
                times = []
                for i, item in enumerate(items):
                    t0 = time.perf_counter()
                    answer = function(item)
                    times.append((time.perf_counter() - t0) * 1000)
                    if answer != answers[i]:
                        result["mismatches"].append({"workload": key, "input": item, "swift": expected[key][i],
                                                     "engine": answer, "note": "differs from the engine's own first pass"})
                rounds_done += 1
                if best is None or statistics.median(times) < statistics.median(best):
                    best = times
            entry.update(times=best, rounds=rounds_done)
        else:
            entry.update(times=check_times, rounds=0)
        entry["seconds"] = time.perf_counter() - workload_start
        result["workloads"][key] = entry
        json.dump(result, open(result_path, "w"))
    result["rssEndMiB"] = rss_mib()
    json.dump(result, open(result_path, "w"))


# ---------------------------------------------------------------------------------------------------
# Parent: prepare, run each engine in its own process, check, print one table.

def run_engine_process(engine, directory, rounds, budget, memory_limit_gib):
    fd, result_path = tempfile.mkstemp(prefix=f"peers-{engine}-", suffix=".json")
    os.close(fd)
    command = [sys.executable, os.path.abspath(__file__), "--child", engine, "--rounds", str(rounds),
               "--budget", str(budget), "--result", result_path, directory]
    if engine == "networkx" and memory_limit_gib:
        command[-1:-1] = ["--memory-limit-gib", str(memory_limit_gib)]
    hard_limit = 8 * budget + 600
    start = time.perf_counter()
    process = subprocess.Popen(command)
    killed = False
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid != 0:
            break
        if time.perf_counter() - start > hard_limit and not killed:
            os.kill(process.pid, signal.SIGKILL)
            killed = True
        time.sleep(0.2)
    process.returncode = os.waitstatus_to_exitcode(status)
    try:
        result = json.load(open(result_path))
    except (OSError, ValueError):
        result = {"engine": engine, "workloads": {}, "mismatches": []}
    os.unlink(result_path)
    result["peakRSSMiB"] = usage.ru_maxrss / 1024
    result["wallSeconds"] = time.perf_counter() - start
    if killed:
        result["error"] = f"killed after {hard_limit} s (hard limit)"
    elif process.returncode != 0 and "error" not in result:
        result["error"] = f"exited with status {process.returncode}"
    return result


def fmt_ms(value):
    if value is None:
        return "-"
    if value < 0.1:
        return f"{value:.4f}"
    if value < 100:
        return f"{value:.3f}"
    return f"{value:,.0f}"


def fmt_ratio(peer, swift):
    if peer is None or swift is None or swift <= 0:
        return "-"
    ratio = peer / swift
    return f"{ratio:.1f}x" if ratio < 100 else f"{ratio:,.0f}x"


def peer_cell(entry, budget, rounds):
    if entry is None:
        return "-", None
    if entry["status"] == "ok":
        median = statistics.median(entry["times"])
        fewer = f" ({entry['rounds']} round{'s' if entry['rounds'] > 1 else ''})" if entry["rounds"] < rounds else ""
        return fmt_ms(median) + fewer, median
    if not entry["times"]:
        return f"> {budget:g} s (0 of {entry['of']})", None
    median = statistics.median(entry["times"])
    reason = "out of memory" if entry["status"] == "oom" else f"> {budget:g} s"
    return f"{fmt_ms(median)}* ({reason}: {entry['done']} of {entry['of']})", median


def load_average():
    try:
        return open("/proc/loadavg").read().split()[0]
    except OSError:
        return "?"


def markdown(swift, results, args, machine, date):
    n, m = swift["nodes"], swift["edges"]
    versions = ", ".join(f"{r['description'].split(':')[0]}" for r in results.values() if "description" in r)
    lines = [
        f"### {n:,} nodes, {m:,} edges ({machine}, {date})",
        "",
        f"Swift: {swift['swiftVersion']}, release build, one thread; peers: {versions}; Python {platform.python_version()}. "
        + "1-minute load average: " + (f"{args.load_swift} when Swift's measurements started, " if args.load_swift else "")
        + f"{args.load_start} when the peers started, {load_average()} when they ended "
        f"({os.cpu_count()} cores, shared; the benchmark itself counts about 1, Kuzu's threads up to {os.cpu_count()}).",
        f"Per-query times in ms, median over the inputs in the best of up to {args.rounds} rounds after one checking pass "
        f"(Swift: best of {swift['rounds']} rounds); every engine's answers equal Swift's"
        + (" except where listed below." if any(r.get("mismatches") for r in results.values()) else "."),
        "",
    ]
    engines = [e for e in args.engines if e in results]
    names = {"kuzu": "Kuzu", "sqlite": "SQLite", "networkx": "networkx", "igraph": "igraph"}
    header = ["workload", "Swift language", "Swift API"] + [names[e] for e in engines]
    ratio_columns = []
    for e in engines:
        base = "language" if e in ("kuzu", "sqlite") else "API"
        ratio_columns.append((e, base))
        header.append(f"{names[e]} / Swift {base}")
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    notes = []
    for key, title, _ in WORKLOADS:
        sw = swift["workloads"][key]
        count = len(sw["apiMs"])
        row = [f"{title}, {count:,} {'pairs' if key == 'shortest' else 'starts'}",
               fmt_ms(sw["languageMedianMs"]), fmt_ms(sw["apiMedianMs"])]
        medians = {}
        for e in engines:
            cell, median = peer_cell(results[e].get("workloads", {}).get(key), args.budget, args.rounds)
            if results[e].get("error") and key not in results[e].get("workloads", {}):
                cell = "failed"
            row.append(cell)
            medians[e] = median
        for e, base in ratio_columns:
            entry = results[e].get("workloads", {}).get(key)
            if entry and entry["status"] != "ok" and entry["times"]:
                done = entry["done"]
                swift_median = statistics.median(sw["languageMs" if base == "language" else "apiMs"][:done])
                row.append(fmt_ratio(medians[e], swift_median) + "*")
            else:
                row.append(fmt_ratio(medians[e], sw["languageMedianMs" if base == "language" else "apiMedianMs"]))
        lines.append("| " + " | ".join(row) + " |")
    load_swift = swift.get("loadFromFilesSeconds")
    load = ["load from the exported files (s)", f"{load_swift:.1f} †" if load_swift is not None else "-", "(same graph)"]
    rss = ["peak RSS (MiB)", f"{swift['peakRSSMiB']:,.0f} †", "(same process)"]
    for e in engines:
        r = results[e]
        load.append(f"{r['loadSeconds']:.1f}" if "loadSeconds" in r else r.get("error", "-"))
        rss.append(f"{r['peakRSSMiB']:,.0f} ({r['rssAfterLoadMiB'] - r['rssBaselineMiB']:,.0f} loaded)"
                   if "rssAfterLoadMiB" in r else f"{r['peakRSSMiB']:,.0f}")
    for extra in (load, rss):
        lines.append("| " + " | ".join(extra + [""] * len(ratio_columns)) + " |")
    lines.append("")
    if any(entry["status"] == "ok" and entry["rounds"] < args.rounds
           for r in results.values() for entry in r.get("workloads", {}).values()):
        lines.append(f"A cell with '(N rounds)' had fewer timed rounds than {args.rounds}: the next round would have "
                     f"started after the {args.budget:g} s budget of the workload was spent.")
    lines.append(f"Ratios above 1x mean Swift is faster. Kuzu and SQLite are compared with Swift's query language, "
                 f"networkx and igraph with Swift's engine API (`TraversalKernels`; the pattern as a loop over the adjacency).")
    if any(entry["status"] != "ok" for r in results.values() for entry in r.get("workloads", {}).values()):
        lines.append(f"\\* Cut off: the engine did not finish the workload's checking pass within {args.budget:g} s; the median "
                     f"is over the inputs it finished (one pass, no warm-up), and the ratio compares it with Swift's median "
                     f"over the same inputs.")
    lines.append(f"† Swift: reading nodes.csv and edges.csv back into a `Graph` (CSV parsing, node and edge facts "
                 f"into an in-memory fact log, id interning, compaction into the CSR; building the benchmarked graph "
                 f"from the generator took {swift['buildSeconds']:.1f} s). Peak RSS of the kg-bench process during the "
                 f"measurements, which also holds every fact in an in-memory log. The traversal structures "
                 f"(`Adjacency.byteCount`) take {swift['adjacencyBytes'] / 2**20:,.0f} MiB, "
                 f"{swift['bytesPerEdge']:.1f} bytes per edge. Peers: from the exported files to a queryable structure "
                 f"(indexes included); peak RSS of the engine's own process from wait4 (including the Python interpreter; "
                 f"'loaded' is the RSS growth during loading).")
    for e in engines:
        if "description" in results[e]:
            lines.append(f"- {results[e]['description']}.")
        if results[e].get("error"):
            lines.append(f"- {names[e]}: {results[e]['error']}.")
    return "\n".join(lines)


def goals(swift, results, budget):
    """Per workload: the issue's goals (language >= 10x faster than Kuzu, API at least as fast as
    igraph), from the medians of this run; a cut-off workload is judged on the inputs it finished."""
    def judge(entry, swift_times, swift_median, goal, label):
        if entry is None:
            return None
        if entry["status"] == "ok":
            ratio = statistics.median(entry["times"]) / swift_median
            return f"{label} {ratio:.1f}x ({'met' if ratio >= goal else 'NOT met'}, goal >= {goal:g}x)"
        if not entry["times"]:
            return f"{label}: peer cut off at {budget:g} s before finishing one input (counts as met)"
        ratio = statistics.median(entry["times"]) / statistics.median(swift_times[:entry["done"]])
        return (f"{label} {ratio:.1f}x on the {entry['done']} of {entry['of']} inputs the peer finished within {budget:g} s "
                f"({'met' if ratio >= goal else 'NOT met'}, goal >= {goal:g}x)")

    lines = []
    kuzu = results.get("kuzu", {}).get("workloads", {})
    igraph = results.get("igraph", {}).get("workloads", {})
    for key, title, _ in WORKLOADS:
        sw = swift["workloads"][key]
        parts = [judge(kuzu.get(key), sw["languageMs"], sw["languageMedianMs"], 10, "language vs Kuzu"),
                 judge(igraph.get(key), sw["apiMs"], sw["apiMedianMs"], 1, "API vs igraph")]
        parts = [p for p in parts if p]
        if parts:
            lines.append(f"- {title}: " + "; ".join(parts))
    bpe = swift["bytesPerEdge"]
    lines.append(f"- traversal structures (`Adjacency.byteCount`, both directions): {bpe:.1f} bytes per edge "
                 f"({'met' if bpe < 24 else 'NOT met'}, goal < 24)")
    return "\n".join(lines)


def machine_description():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per workload and engine (checking pass)")
    parser.add_argument("--memory-limit-gib", type=float, default=12.0,
                        help="address-space limit of the networkx process (0: none)")
    parser.add_argument("--markdown", help="also write the table to this file")
    parser.add_argument("--json", help="also write all measurements to this file")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        warnings.simplefilter("ignore", RuntimeWarning)  # igraph: "Couldn't reach some vertices"
        if args.child == "networkx" and args.memory_limit_gib:
            limit = int(args.memory_limit_gib * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        run_child(args.child, args.directory, args.rounds, args.budget, args.result)
        return 0

    args.engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = [e for e in args.engines if e not in ENGINES]
    if unknown:
        print(f"peers.py: unknown engine(s) {unknown}; known: {ENGINES}", file=sys.stderr)
        return 2
    directory = os.path.abspath(args.directory)
    swift = json.load(open(os.path.join(directory, "swift.json")))
    args.load_start = load_average()
    try:
        args.load_swift = open(os.path.join(directory, "loadavg-swift.txt")).read().strip()
    except OSError:
        args.load_swift = None
    t0 = time.perf_counter()
    prepare(directory)
    print(f"peers.py: per-type edge lists ready ({time.perf_counter() - t0:.1f} s, untimed)", file=sys.stderr)

    results = {}
    for engine in args.engines:
        print(f"peers.py: {engine} ...", file=sys.stderr, flush=True)
        results[engine] = run_engine_process(engine, directory, args.rounds, args.budget, args.memory_limit_gib)
        r = results[engine]
        summary = ", ".join(f"{k} {statistics.median(v['times']):.4g} ms ({v['status']})" if v["times"] else f"{k} ({v['status']})"
                            for k, v in r.get("workloads", {}).items())
        print(f"peers.py: {engine}: load {r.get('loadSeconds', float('nan')):.1f} s, peak RSS {r['peakRSSMiB']:.0f} MiB, "
              f"{summary}, {r['wallSeconds']:.0f} s in all{'; ' + r['error'] if r.get('error') else ''}",
              file=sys.stderr, flush=True)

    machine = machine_description()
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    table = markdown(swift, results, args, machine, date)
    table += "\n\nGoals (issue #4), from this run:\n\n" + goals(swift, results, args.budget) + "\n"
    mismatches = [m for r in results.values() for m in r.get("mismatches", [])]
    for r in results.values():
        for m in r.get("mismatches", []):
            m["engineName"] = r["engine"]
    if mismatches:
        table += f"\n**{len(mismatches)} answer(s) differ from Swift's**:\n\n"
        for m in mismatches[:50]:
            table += (f"- {m['engineName']}, {m['workload']}, input {m['input']}: Swift {m['swift']}, "
                      f"{m['engineName']} {m['engine']}{' (' + m['note'] + ')' if m.get('note') else ''}\n")
    print(table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"swift": swift, "peers": results, "machine": machine, "date": date,
                       "loadAverage": {"swift": args.load_swift, "peersStart": args.load_start, "peersEnd": load_average()},
                       "rounds": args.rounds, "budget": args.budget}, f)
    if mismatches:
        return 1
    if any(r.get("error") for r in results.values()):
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
