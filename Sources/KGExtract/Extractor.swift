import KGModel

/// The extractor: a parliamentary paper in, graph facts with provenance out.
///
/// Pipeline (each stage dumpable with `kg extract --dump`): text -> `Segmenter` (paragraphs,
/// footnotes, markers) -> `DocumentLayout` (reports, faction sections, questions and answers) and
/// `DocumentHeader` (date, subject, signatures) -> rules (citations, meetings, offices, motions,
/// countries, acts) -> `GraphEmitter` (resolution against the document, the corpus context and
/// the reference data) -> `GraphBatch` + findings. Pure: no file or graph I/O.
public struct Extractor: Sendable {
    let rules: ExtractionRules

    /// An extractor resolving names with `reference`.
    public init(reference: ReferenceData = .builtin) {
        rules = ExtractionRules(reference: reference)
    }

    public var reference: ReferenceData { rules.reference }

    /// Extracts one document. `context` holds what earlier documents said.
    public func extract(_ input: ExtractionInput, context: CorpusContext = CorpusContext()) -> ExtractionResult {
        let analysis = DocumentAnalysis(input: input, rules: rules)
        var emitter = GraphEmitter(analysis: analysis, rules: rules, context: context)
        let batch = emitter.run()
        return ExtractionResult(documentID: input.documentID, batch: batch, findings: emitter.findings, analysis: analysis)
    }
}

/// What extracting one document produced.
public struct ExtractionResult {
    public let documentID: NodeID
    public let batch: GraphBatch
    public let findings: [Finding]
    let analysis: DocumentAnalysis

    /// Counts of what was found, for summaries.
    public var counts: [String: Int] {
        var counts: [String: Int] = [:]
        for node in batch.nodes {
            for label in node.labels { counts[label.name, default: 0] += 1 }
        }
        for edge in batch.edges { counts["edge:" + edge.type.name, default: 0] += 1 }
        return counts
    }
}
