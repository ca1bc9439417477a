import Foundation
import KGCitations
import KGCommands
import KGInterchange
import KGModel
import KGStore

/// Shared helpers of the benchmarks: options, clocks, medians, machine description, synthetic graphs.
struct Options {
    var values: [String: String] = [:]
    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument.hasPrefix("--"), let value = iterator.next() { values[String(argument.dropFirst(2))] = value }
        }
    }
    func int(_ name: String, _ fallback: Int) -> Int { values[name].flatMap { Int($0.replacingOccurrences(of: "_", with: "")) } ?? fallback }
    func string(_ name: String, _ fallback: String) -> String { values[name] ?? fallback }
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Peak resident set size of this process, in MiB.
func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func fileSize(_ path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
}

func machine() -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
        .trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB"
}

/// A deterministic power-law-ish graph: target = floor(N * u^3) puts most citations on low ids (hubs).
struct SyntheticGraph {
    let nodes: Int
    let edges: Int
    var random = SplitMix(seed: 2024)

    mutating func batches(chunk: Int, _ body: (GraphBatch) throws -> Void) rethrows {
        let labels: [Label] = [.document, .kamerstuk, .question, .answer]
        let types: [EdgeType] = [.cites, .cites, .cites, .refersTo, .contains]
        var batch = GraphBatch()
        for i in 0..<nodes {
            batch.nodes.append(NodeFact(id: NodeID(trusted: "n\(i)"), labels: [labels[i % labels.count]],
                                        properties: ["year": .int(Int64(1990 + i % 35))]))
            if batch.nodes.count == chunk { try body(batch); batch = GraphBatch() }
        }
        var made = 0
        while made < edges {
            let from = Int(random.next() % UInt64(nodes))
            let u = Double(random.next() % 1_000_000) / 1_000_000
            let to = Int(Double(nodes) * u * u * u)
            if from == to { continue }
            batch.edges.append(EdgeFact(from: NodeID(trusted: "n\(from)"), type: types[made % types.count], to: NodeID(trusted: "n\(to)")))
            made += 1
            if batch.edges.count + batch.nodes.count >= chunk { try body(batch); batch = GraphBatch() }
        }
        if !batch.isEmpty { try body(batch) }
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_9BB1_3311_EB31
        return z ^ (z >> 31)
    }
}
