import KGModel

/// Citations through the citation scanner (KGCitations): Kamerstukken, Aanhangsel, Handelingen,
/// zaak numbers, EU acts and COM proposals by number.
enum CitationRules {
    static func find(_ clean: [UInt8]) -> [Mention] {
        []
    }
}
