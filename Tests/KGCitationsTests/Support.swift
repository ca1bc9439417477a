import Foundation
import KGCitations
import KGModel
import Testing

/// A confidence band, so tests pin how sure a rule is without pinning the exact number.
enum Band: String, Sendable {
    /// 0.9 and above: full forms.
    case high
    /// 0.6 up to 0.9: bare shapes, forms missing a "nr.", dossier-only and letter forms.
    case medium
    /// Below 0.6: garbled, incomplete or unresolved forms.
    case low

    func contains(_ confidence: Double) -> Bool {
        switch self {
        case .high: return confidence >= 0.9 && confidence <= 1.0
        case .medium: return confidence >= 0.6 && confidence < 0.9
        case .low: return confidence >= 0 && confidence < 0.6
        }
    }
}

/// One row of a citation table: the text, the ids all its citations name (in order), the rule every
/// citation matched by, and the confidence band.
struct Form: Sendable, CustomTestStringConvertible {
    var text: String
    var ids: [String]
    var rule: String
    var band: Band

    init(_ text: String, _ ids: [String], _ rule: String, _ band: Band) {
        self.text = text
        self.ids = ids
        self.rule = rule
        self.band = band
    }

    var testDescription: String { text.replacingOccurrences(of: "\n", with: "⏎") }
}

/// The ids of all citations in `text`, printed, in text order.
func ids(_ text: String) -> [String] {
    CitationScanner.scan(text).flatMap { $0.ids.map(\.description) }
}

/// Checks every citation against the input: the range lies inside it, holds exactly `text`, and
/// the citations come in order without overlapping.
func expectRangesMapBack(_ input: String, _ citations: [Citation], sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = Array(input.utf8)
    var previousEnd = 0
    for citation in citations {
        #expect(citation.range.lowerBound >= previousEnd, "overlap or disorder at \(citation)", sourceLocation: sourceLocation)
        #expect(citation.range.upperBound <= bytes.count, sourceLocation: sourceLocation)
        guard citation.range.upperBound <= bytes.count, citation.range.lowerBound >= 0 else { return }
        #expect(Array(bytes[citation.range]) == Array(citation.text.utf8), sourceLocation: sourceLocation)
        previousEnd = citation.range.upperBound
    }
}

/// The repository's Graph/ directory, found from this file's path.
let graphDirectory: String = {
    let file = URL(fileURLWithPath: #filePath)
    return file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Graph").path
}()

/// The text of Graph/corpus/<prefix>_*.txt.
func corpusText(_ prefix: String) throws -> String {
    let directory = graphDirectory + "/corpus"
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
    guard let name = names.first(where: { $0.hasPrefix(prefix + "_") && $0.hasSuffix(".txt") }) else {
        throw CocoaError(.fileNoSuchFile)
    }
    return try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
}
