import KGCitations
import KGModel

/// Citations through the citation scanner (KGCitations): Kamerstukken, dossiers, Aanhangsel,
/// Handelingen, zaak numbers, EU acts and COM proposals by number, Staatsblad.
enum CitationRules {
    static func find(_ clean: [UInt8]) -> [Mention] {
        CitationScanner.scan(clean).map { citation in
            Mention(target: .citation(ids: citation.ids, kind: citation.kind.rawValue, note: citation.note),
                    range: citation.range, rule: "citation." + citation.rule, confidence: citation.confidence)
        }
    }
}
