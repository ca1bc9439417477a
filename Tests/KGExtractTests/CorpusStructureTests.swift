import Foundation
@testable import KGExtract
import KGModel
import KGTestSupport
import Testing

/// The structure of the five corpus papers as a reader finds it (checked by reading the text; see
/// the per-document notes): reports, faction sections, and how many questions each asks.
@Suite struct CorpusStructureTests {
    static let extractor = Extractor(reference: .builtin)

    static func analysis(_ prefix: String) -> DocumentAnalysis {
        let path = RepositoryPaths.corpus(prefix)
        return DocumentAnalysis(input: ExtractionInput(fileName: path, bytes: RepositoryPaths.bytes(path)), rules: extractor.rules)
    }

    /// "faction: questions" per section, report by report.
    static func sections(_ analysis: DocumentAnalysis) -> [[String]] {
        analysis.layout.reports.map { report in
            report.sections.map { "\($0.factionText): \($0.items.count)" + ($0.noQuestions ? " (no questions)" : "") }
        }
    }

    @Test func paper000HasTwoReportsWithTheirFactions() {
        let analysis = Self.analysis("000")
        #expect(analysis.shape == .markdown)
        #expect(Self.sections(analysis) == [
            ["VVD-fractie: 4", "Volt-fractie: 8"],
            ["GroenLinks-PvdA-fractie: 6", "VVD-fractie: 2", "NSC-fractie: 3"],
        ])
        #expect(analysis.footnotes.count == 8)
    }

    @Test func paper001HasTwoReportsOneSectionWithoutQuestions() {
        let analysis = Self.analysis("001")
        #expect(analysis.shape == .pdfText)
        #expect(Self.sections(analysis) == [
            ["VVD-fractie: 0 (no questions)", "D66-fractie: 2", "CDA-fractie: 8", "SP-fractie: 3", "ChristenUnie-fractie: 3", "Groep Van Haga: 1"],
            ["VVD-fractie: 5", "CDA-fractie: 4", "SP-fractie: 6", "PvdA- en GroenLinks-fractie: 4", "ChristenUnie-fractie: 4", "Volt-fractie: 17"],
        ])
        #expect(analysis.footnotes.count == 15)
    }

    @Test func paper002IsTheOfficialReportOfTheSameQuestions() {
        let analysis = Self.analysis("002")
        #expect(Self.sections(analysis) == [
            ["VVD-fractie: 0 (no questions)", "D66-fractie: 2", "CDA-fractie: 8", "SP-fractie: 3", "ChristenUnie-fractie: 3", "Groep Van Haga: 1"],
        ])
        #expect(analysis.footnotes.count == 12)
    }

    @Test func paper003IsAMeetingReportWithoutQuestions() {
        let analysis = Self.analysis("003")
        #expect(analysis.shape == .pdfText)
        #expect(analysis.layout.reports.isEmpty)
        // 19 markers; the texts of footnotes 1, 4 and 5 were lost when the PDF was converted.
        #expect(analysis.footnotes.map(\.number) == [2, 3] + Array(6...19))
    }

    @Test func paper004HasOneReportWithFiveSections() {
        let analysis = Self.analysis("004")
        #expect(Self.sections(analysis) == [
            ["GroenLinks-PvdA-fractie: 6", "VVD-fractie: 13", "NSC-fractie: 1", "D66-fractie: 4", "Volt-fractie: 34"],
        ])
        #expect(analysis.footnotes.count == 23)
    }

    @Test func questionAndAnswerBoundariesFollowTheText() {
        // 002: CDA's fourth question comes after a sub-topic heading and a statement that the members
        // read the answers (line 97, not a question); its answer has bold and plain paragraphs.
        let analysis = Self.analysis("002")
        let cda = analysis.layout.reports[0].sections[2]
        func lines(_ paragraphs: [Int]) -> [Int] {
            paragraphs.map { analysis.span(analysis.paragraphs[$0].clean, 0..<1).line }
        }
        #expect(lines(cda.items[3].question) == [99])
        // Line 105 continues line 103's sentence after a page break: one paragraph.
        #expect(lines(cda.items[3].answer) == [103, 107])
        #expect(lines(cda.items[4].question) == [109])
        #expect(lines(cda.other) == [65, 97])
        // A question split by a footnote block (lines 81 and 89) is joined again.
        #expect(lines(cda.items[2].question) == [81])
        #expect(analysis.paragraphs[cda.items[2].question[0]].clean.string.contains("en derde landen. Deze leden vragen"))
        // 001: a question that starts on a new page right after an answer (line 1282).
        let pdf = Self.analysis("001")
        let pvdaGL = pdf.layout.reports[1].sections[3]
        func pdfLines(_ paragraphs: [Int]) -> [Int] {
            paragraphs.map { pdf.span(pdf.paragraphs[$0].clean, 0..<1).line }
        }
        #expect(pdfLines(pvdaGL.items[2].question) == [1282])
        #expect(pdfLines(pvdaGL.items[1].answer) == [1276])
    }

    @Test func footnoteMarkersPointToTheirParagraphs() {
        // 001, PDF text: markers are digits glued to words ("Brussel1.", "CELAC6", "maart10" in 003).
        let analysis = Self.analysis("001")
        func markerLine(_ report: Int, _ number: Int) -> Int? {
            analysis.markerOf[.init(report: report, number: number)].map { analysis.span(analysis.paragraphs[$0.paragraph].clean, 0..<1).line }
        }
        #expect(markerLine(1, 1) == 130)   // the paragraph starting at line 130 holds "Brussel1."
        #expect(markerLine(1, 6) == 359)   // "EU-CELAC6 top" at line 364, in the paragraph from line 359
        #expect(markerLine(1, 9) == 359)   // "EL PAcCTO 2.09": "2.0" and marker 9
        #expect(markerLine(2, 3) == 1080)  // numbering restarts in the second report
        let report003 = Self.analysis("003")
        let marker10 = report003.markerOf[.init(report: 0, number: 10)]
        #expect(marker10 != nil)
        let text = marker10.map { report003.paragraphs[$0.paragraph].clean.string } ?? ""
        #expect(text.contains("4 en 5 maart is"))
    }
}
