import Foundation
@testable import KGExtract
import KGModel
import KGTestSupport

/// The five corpus papers extracted in order (each seeing what the earlier ones said) into one
/// in-memory graph, as `kg ingest Graph/corpus` does.
final class CorpusGraph: @unchecked Sendable {
    static let shared = CorpusGraph()

    let graph: Graph
    let results: [String: ExtractionResult]
    let documentIDs: [String: String]

    init() {
        let extractor = Extractor(reference: .builtin)
        let log = MemoryFactLog()
        let graph = Graph(loader: log)
        var context = CorpusContext()
        var results: [String: ExtractionResult] = [:]
        var ids: [String: String] = [:]
        for (sequence, prefix) in ["000", "001", "002", "003", "004"].enumerated() {
            let path = RepositoryPaths.corpus(prefix)
            let input = ExtractionInput(fileName: path, bytes: RepositoryPaths.bytes(path))
            let result = extractor.extract(input, context: context)
            let first = FactRef(log.records.count)
            graph.beginTransaction(TransactionInfo(sequence: UInt64(sequence + 1), timeMillis: 0, source: prefix, sourceHash: input.sha256,
                                                   firstRef: first, endRef: first, nodeFacts: 0, edgeFacts: 0, retractions: 0))
            for node in result.batch.nodes { try? graph.apply(.node(node), ref: log.append(.node(node))) }
            for edge in result.batch.edges { try? graph.apply(.edge(edge), ref: log.append(.edge(edge))) }
            graph.commitTransaction(TransactionInfo(sequence: UInt64(sequence + 1), timeMillis: 0, source: prefix, sourceHash: input.sha256,
                                                    firstRef: first, endRef: FactRef(log.records.count), nodeFacts: result.batch.nodes.count,
                                                    edgeFacts: result.batch.edges.count, retractions: 0))
            context.absorb(result.batch)
            results[prefix] = result
            ids[prefix] = result.documentID.rawValue
        }
        self.graph = graph
        self.results = results
        self.documentIDs = ids
    }

    func node(_ id: String) -> Int? { graph.index(of: id) }

    /// Ids of the nodes `id` points to along `type`.
    func targets(_ id: String, _ type: String) -> Set<String> {
        guard let node = node(id), let typeID = graph.typeNames.id(of: type) else { return [] }
        let adjacency = graph.adjacency
        return Set(adjacency.outRange(node, type: typeID).map { graph.id(of: Int(adjacency.outTargets[$0])).rawValue })
    }

    /// Ids of the nodes pointing to `id` along `type`.
    func sources(_ id: String, _ type: String) -> Set<String> {
        guard let node = node(id), let typeID = graph.typeNames.id(of: type) else { return [] }
        let adjacency = graph.adjacency
        return Set(adjacency.inRange(node, type: typeID).map { graph.id(of: Int(adjacency.inSources[$0])).rawValue })
    }

    /// Everything a document's parts (questions, answers, passages) and the document itself cite.
    func cited(_ prefix: String) -> Set<String> {
        let document = documentIDs[prefix]!
        var result = targets(document, "cites")
        for part in targets(document, "contains") { result.formUnion(targets(part, "cites")) }
        return result
    }

    /// The ids that the parts of paper `prefix` refer to (`refers_to`), those passing `keep`.
    func referredTo(from prefix: String, _ keep: (String) -> Bool) -> Set<String> {
        var result = Set<String>()
        for part in targets(documentIDs[prefix]!, "contains") {
            result.formUnion(targets(part, "refers_to").filter(keep))
        }
        return result
    }

    func properties(_ id: String) -> Properties {
        guard let node = node(id) else { return [:] }
        return (try? graph.properties(ofNode: node)) ?? [:]
    }

    func labels(_ id: String) -> Set<String> {
        guard let node = node(id) else { return [] }
        return Set(graph.labels(of: node).map(\.name))
    }

    func provenance(_ id: String) -> [Provenance] {
        guard let node = node(id) else { return [] }
        return (try? graph.node(node).provenance) ?? []
    }
}
