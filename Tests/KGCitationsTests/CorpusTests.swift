import KGCitations
import KGModel
import Testing

/// The citations of the five corpus papers, as /work/scratch/corpus-analysis.md lists them
/// ("Citations" of documents 000-004), checked against the files in Graph/corpus/.
@Suite struct CorpusTests {
    /// A citation string exactly as it stands in a corpus file (line breaks included), and its ids.
    struct Cited: Sendable, CustomTestStringConvertible {
        var document: String
        var text: String
        var ids: [String]
        init(_ document: String, _ text: String, _ ids: [String]) {
            self.document = document
            self.text = text
            self.ids = ids
        }
        var testDescription: String { document + ": " + text.replacingOccurrences(of: "\n", with: "⏎") }
    }

    static let cited: [Cited] = [
        // 000.5
        Cited("000", "(Kamerstuk 32317, nr. 884)", ["kst-32317-884"]),
        Cited("000", "(Kamerstuk 32317, nr. 882)", ["kst-32317-882"]),
        Cited("000", "Tweede Kamer, vergaderjaar 2023–2024, Aangangsels nr 2133, 2024Z08726.", ["ah-tk-20232024-2133", "zaak-2024Z08726"]),
        Cited("000", "(Kamerstuk 32317, nr. 884);", ["kst-32317-884"]),
        Cited("000", "(Kamerstuk 32317, nr. 882);", ["kst-32317-882"]),
        Cited("000", "(Kamerstuk 32317, nr. 881);", ["kst-32317-881"]),
        Cited("000", "(Kamerstuk 32317, nr. 883).", ["kst-32317-883"]),
        Cited("000", "Kamerstuk 32317, nr. 872", ["kst-32317-872"]),
        Cited("000", "Kamerstuk II, 2023-24, 32317, nr. 872", ["kst-32317-872"]),
        Cited("000", "kamerstukken II 2023/2024, 28 345, nr. 276", ["kst-28345-276"]),
        Cited("000", "kamerstukken II 2022/2023, 32 317, nr. 830", ["kst-32317-830"]),
        Cited("000", "Richtlijn 2014/41/EU", ["32014L0041"]),
        Cited("000", "Aanhangsel Handelingen II, vergaderjaar 2023-2024, nr. 2075.", ["ah-tk-20232024-2075"]),
        Cited("000", "Kamerstukken II 2023-2024, 32317, nr. 872.", ["kst-32317-872"]),
        // 001.5
        Cited("001", "(Kamerstuk \n32317, nr. 855)", ["kst-32317-855"]),
        Cited("001", "(Kamerstuk 32317, nr. 853)", ["kst-32317-853"]),
        Cited("001", "(Kamerstuk 32317, nr.854 en 852)", ["kst-32317-854", "kst-32317-852"]),
        Cited("001", "(Kamerstuk 26643, nr. 1069)", ["kst-26643-1069"]),
        Cited("001", "(Kamerstuk \n26643, nr. 1011)", ["kst-26643-1011"]),
        Cited("001", "Kamerstukken II, 2022/23, 22112, nr. 3455.", ["kst-22112-3455"]),
        Cited("001", "Kamerstukken II 2022/23, 26643, nr. 1022", ["kst-26643-1022"]),
        Cited("001", "Kamerstukken II 2022/23, 26643, nr. 1043", ["kst-26643-1043"]),
        Cited("001", "Kamerstukken II \n2022/23, 26643, nr. 1011.", ["kst-26643-1011"]),
        Cited("001", "Kamerstukken II, 2022/23, 32317, nr. 853.", ["kst-32317-853"]),
        Cited("001", "(Kamerstuk \n29754, nr. 658)", ["kst-29754-658"]),
        Cited("001", "Kamerstukken II, 2022/23, 29754 nr. 690.", ["kst-29754-690"]),
        Cited("001", "(Kamerstuk 26643, \nnr. 1011)", ["kst-26643-1011"]),
        Cited("001", "Kamerstuk 2022-23, 22 112, nr. 3598, onder 3b", ["kst-22112-3598"]),
        Cited("001", "BNC-fiche Mededeling \nNieuw Actieplan Kapitaalmarktunie, Kamerstukken II 2020-21, 22 112, nr. 2953, onder 3.", ["kst-22112-2953"]),
        Cited("001", "Kamerstuk 2022-23, 22 112, nr. 3598, onder 3b.", ["kst-22112-3598"]),
        Cited("001", "richtlijn 2011/36/EU", ["32011L0036"]),
        Cited("001", "(Kamerstuk 26643, nr. 1011)", ["kst-26643-1011"]),
        Cited("001", "(Kamerstuk 26643/34843, nr. 1069)", ["kst-26643-1069"]),
        Cited("001", "(Kamerstuk 26643, nr. 1047)", ["kst-26643-1047"]),
        Cited("001", "Kamerstukken II, 2022-23, 26643, nr. 1043.", ["kst-26643-1043"]),
        Cited("001", "(Kamerstuk \n32317, nr. 855);", ["kst-32317-855"]),
        Cited("001", "(Kamerstuk \n32317, nr. 848);", ["kst-32317-848"]),
        Cited("001", "(Kamerstuk 32317-849);", ["kst-32317-849"]),
        Cited("001", "(Kamerstuk 32317-847);", ["kst-32317-847"]),
        Cited("001", "(Kamerstuk 32317, nr. 853);", ["kst-32317-853"]),
        Cited("001", "(Kamerstuk \n32317, nr. 851);", ["kst-32317-851"]),
        Cited("001", "(Kamerstuk 32317, nr. 854);", ["kst-32317-854"]),
        Cited("001", "(Kamerstuk 32317, nr. 852).", ["kst-32317-852"]),
        Cited("001", "(Kamerstuk 36200 VI, nr. 23)", ["kst-36200-VI-23"]),
        Cited("001", "Kamerstukken II, 2016-2017, 22 112, Nr. 2190, 26 augustus 2016", ["kst-22112-2190"]),
        Cited("001", "Kamerstukken 2020-2021, 22 112, Nr. \n29554 november 2020;", ["kst-22112-2955"]),
        Cited("001", "Kamerstukken 2020-2021, 22 112, nr. 2957, 5 november 2020;", ["kst-22112-2957"]),
        Cited("001", "O.a. Kamerstukken II, 2022-2023, 36200 VI 33, 23 november 2022;", ["kst-36200-VI-33"]),
        Cited("001", "Kamerstukken 2022-2023, nr. 32317 793, \n22 december 2022;", ["kst-32317-793"]),
        Cited("001", "Kamerstukken 2022-2023, 32 317 nr. 839, 7 juni 2023.", ["kst-32317-839"]),
        // 002.5
        Cited("002", "(Kamerstuk 32 317, nr. 855)", ["kst-32317-855"]),
        Cited("002", "(Kamerstuk 32 317, nr. 853)", ["kst-32317-853"]),
        Cited("002", "(Kamerstuk 32 317, nrs.854 en 852)", ["kst-32317-854", "kst-32317-852"]),
        Cited("002", "(Kamerstukken 26 643 en 34 843, nr. 1069)", ["kst-26643-1069"]),
        Cited("002", "(Kamerstuk 26 643, nr. 1011)", ["kst-26643-1011"]),
        Cited("002", "Kamerstuk 22 112, nr. 3455.", ["kst-22112-3455"]),
        Cited("002", "Kamerstukken 26 643 en 34 843, nr. 1022", ["kst-26643-1022"]),
        Cited("002", "Kamerstuk 26 643, nr. 1043", ["kst-26643-1043"]),
        Cited("002", "Kamerstukken 26 643 en 34 843, nr. 1069.", ["kst-26643-1069"]),
        Cited("002", "Kamerstuk 32 317, nr. 853.", ["kst-32317-853"]),
        Cited("002", "(Kamerstuk 29754, nr. 658)", ["kst-29754-658"]),
        Cited("002", "Kamerstuk 29 754, nr. 690.", ["kst-29754-690"]),
        Cited("002", "Zie verslag van JBZ-Raad van 28 september 2023, Kamerstuk 32 317, nr. 853.", ["kst-32317-853"]),
        Cited("002", "Kamerstuk 22 112, nr. 3598, onder 3b", ["kst-22112-3598"]),
        Cited("002", "Kamerstuk 22 112, nr. 2953, onder 3.", ["kst-22112-2953"]),
        Cited("002", "richtlijn 2011/36/EU", ["32011L0036"]),
        Cited("002", "(Kamerstuk 26643, nr. 1011)", ["kst-26643-1011"]),
        Cited("002", "(Kamerstuk 26 643, nr. 1047)", ["kst-26643-1047"]),
        Cited("002", "Kamerstuk 26 643, nr. 1043.", ["kst-26643-1043"]),
        // 003.5
        Cited("003", "artikel 4, lid 2, van Richtlijn \n2001/55/EG", ["32001L0055"]),
        Cited("003", "Kamerstukken II, 2023-2024, Geannoteerde Agenda JBZ-Raad 25-26 \njanuari 2024, 32 317, nr. 867", ["kst-32317-867"]),
        Cited("003", "en 32 317, nr. 869.", ["kst-32317-869"]),
        Cited("003", "Kamerstukken II, 2023-2024, 36 394, nr. 24.", ["kst-36394-24"]),
        Cited("003", "Kamerstukken 2023-2024, 19 637 nr. 3258", ["kst-19637-3258"]),
        Cited("003", "Kamerstukken II, 2023-2024, 36 410 VI, nr. 2", ["kst-36410-VI-2"]),
        Cited("003", "Kamerstukken II, 2023-\n2024, 36 550 VI, nr. 2.", ["kst-36550-VI-2"]),
        Cited("003", "(COM(2023)755)", ["52023PC0755"]),
        Cited("003", "Kamerstukken III, 2023-2024, 32 317, nr. 874.", ["kst-32317-874"]),
        Cited("003", "Kamerstukken II, 2023-2024, 22 112, nr. 3873.", ["kst-22112-3873"]),
        Cited("003", "Kamerstukken II, 2023–2024, 36 410 VI nr. 85.", ["kst-36410-VI-85"]),
        Cited("003", "COM(2023) 716, https://eur-lex.europa.eu/legal-\ncontent/EN/TXT/?uri=CELEX%3A52023PC0716.", ["52023PC0716"]),
        Cited("003", "Kamerstukken II 2023-2024, 21 501-31, nr. 751.", ["kst-21501-31-751"]),
        Cited("003", "Zie ook Kamerstukken II, 2023-24, 32 317, nr. 861.", ["kst-32317-861"]),
        Cited("003", "Zie ook eerdere berichtgeving in Kamerstukken II 2023-2024, 32 317, \nnr. 866.", ["kst-32317-866"]),
        Cited("003", "Kamerstukken II, 2023-24, 32 317, nr. 872", ["kst-32317-872"]),
        Cited("003", "Kamerstukken II \n2023-24, Kamerstuk 32 317, nr. 862.", ["kst-32317-862"]),
        Cited("003", "Kamerstukken II 2023–2024, 22 112, nr. 3842.", ["kst-22112-3842"]),
        // 004.5
        Cited("004", "(Kamerstuk 32317, nr. 872)", ["kst-32317-872"]),
        Cited("004", "Vergaderjaar 2023-2024, KST 29344, nr. 155", ["kst-29344-155"]),
        Cited("004", "Vergaderjaar 2023-2024, KST 32317, nr. 871", ["kst-32317-871"]),
        Cited("004", "Vergaderjaar 2022-2023, KST 32317, nr. 813", ["kst-32317-813"]),
        Cited("004", "(Kamerstuk 36410-VI, nr. 79)", ["kst-36410-VI-79"]),
        Cited("004", "Vergaderjaar 2023-24, 32317, nr. 866", ["kst-32317-866"]),
        Cited("004", "Kamerstukken II, vergaderjaar 2022 – 2023, Kamerstuk 32 317, nr. 872.", ["kst-32317-872"]),
        Cited("004", "[Kamerbrief met geannoteerde agenda Milieuraad 25 maart 2024 | Kamerstuk | Rijksoverheid.nl](#)", []),
        Cited("004", "Kamerstukken II, 2023/24, 32 317, nr. 836.", ["kst-32317-836"]),
        Cited("004", "Aanhangsel van de Handelingen II, 2022-2023, nr. 1399.", ["ah-tk-20222023-1399"]),
        Cited("004", "Richtlijn 2004/82/EG", ["32004L0082"]),
        Cited("004", "Kamerstukken II 2023-2024, 32317, nr. 862.", ["kst-32317-862"]),
        Cited("004", "Kamerstukken II 2023-2024, 36 410 VI nr. 85.", ["kst-36410-VI-85"]),
        Cited("004", "Kamerstukken II 2023-2024, 22112, nr. 3873.", ["kst-22112-3873"]),
        Cited("004", "COM(2023) 755 final, overweging 18 en artikel 12.", ["52023PC0755"]),
        Cited("004", "Kamerstukken II, 2022–23, 36 414, nr. 3, p. 4.", ["kst-36414-3"]),
    ]

    @Test(arguments: cited)
    func citationStringResolves(_ cited: Cited) throws {
        // The string is in the paper exactly as written here (so this table is grounded in the text).
        #expect(try corpusText(cited.document).contains(cited.text))
        let citations = CitationScanner.scan(cited.text)
        #expect(citations.flatMap { $0.ids.map(\.description) } == cited.ids)
        expectRangesMapBack(cited.text, citations)
    }

    /// Per paper: the distinct Kamerstuk ids (the analysis's "distinct ids" lists), the number of
    /// Kamerstuk citation strings, and the other ids.
    struct Expected: Sendable, CustomTestStringConvertible {
        var document: String
        var kamerstukken: Set<String>
        var kamerstukCitations: Int
        var others: Set<String>
        var testDescription: String { document }
    }

    static let documents: [Expected] = [
        Expected(document: "000", kamerstukken: [
            "kst-32317-884", "kst-32317-882", "kst-32317-881", "kst-32317-883", "kst-32317-872", "kst-32317-830", "kst-28345-276",
        ], kamerstukCitations: 11, others: ["ah-tk-20232024-2133", "zaak-2024Z08726", "ah-tk-20232024-2075", "32014L0041"]),
        Expected(document: "001", kamerstukken: [
            "kst-32317-855", "kst-32317-853", "kst-32317-854", "kst-32317-852", "kst-32317-848", "kst-32317-849", "kst-32317-847",
            "kst-32317-851", "kst-32317-793", "kst-32317-839",
            "kst-26643-1069", "kst-26643-1011", "kst-26643-1022", "kst-26643-1043", "kst-26643-1047",
            "kst-22112-3455", "kst-22112-3598", "kst-22112-2953", "kst-22112-2190", "kst-22112-2955", "kst-22112-2957",
            "kst-29754-658", "kst-29754-690",
            "kst-36200-VI-23", "kst-36200-VI-33",
        ], kamerstukCitations: 36, others: ["32011L0036"]),
        Expected(document: "002", kamerstukken: [
            "kst-32317-855", "kst-32317-853", "kst-32317-854", "kst-32317-852",
            "kst-26643-1069", "kst-26643-1011", "kst-26643-1022", "kst-26643-1043", "kst-26643-1047",
            "kst-22112-3455", "kst-22112-3598", "kst-22112-2953",
            "kst-29754-658", "kst-29754-690",
        ], kamerstukCitations: 21, others: ["32011L0036"]),
        Expected(document: "003", kamerstukken: [
            "kst-32317-867", "kst-32317-869", "kst-32317-874", "kst-32317-861", "kst-32317-866", "kst-32317-872", "kst-32317-862",
            "kst-36394-24", "kst-19637-3258", "kst-36410-VI-2", "kst-36550-VI-2", "kst-22112-3873", "kst-36410-VI-85",
            "kst-21501-31-751", "kst-22112-3842",
        ], kamerstukCitations: 16, others: ["32001L0055", "52023PC0755", "52023PC0716"]),
        Expected(document: "004", kamerstukken: [
            "kst-32317-872", "kst-32317-871", "kst-32317-813", "kst-32317-866", "kst-32317-836", "kst-32317-862",
            "kst-29344-155", "kst-36410-VI-79", "kst-36410-VI-85", "kst-22112-3873", "kst-36414-3",
        ], kamerstukCitations: 12, others: ["ah-tk-20222023-1399", "32004L0082", "52023PC0755"]),
    ]

    @Test(arguments: documents)
    func documentHasExactlyTheAnalysedCitations(_ expected: Expected) throws {
        let text = try corpusText(expected.document)
        let citations = CitationScanner.scan(text)
        let kamerstukken = citations.filter { $0.kind == .kamerstuk }
        #expect(Set(kamerstukken.flatMap { $0.ids.map(\.description) }) == expected.kamerstukken)
        #expect(kamerstukken.count == expected.kamerstukCitations)
        #expect(Set(citations.filter { $0.kind != .kamerstuk }.flatMap { $0.ids.map(\.description) }) == expected.others)
        // Nothing unresolved and no dossier-only citation in these papers.
        #expect(citations.allSatisfy { !$0.ids.isEmpty && $0.kind != .dossier })
        expectRangesMapBack(text, citations)
    }

    @Test func theGluedAndGarbledFormsOf001AreLowConfidence() throws {
        let citations = CitationScanner.scan(try corpusText("001"))
        let low = citations.filter { $0.confidence < 0.6 }.map(\.rule)
        #expect(low == ["kst.garbled-nr-glued-day", "kst.garbled-nr-before-dossier"])
    }

    @Test func rangesGiveSourceLinesForProvenance() throws {
        // 001 lines 65-66: "(Kamerstuk ⏎32317, nr. 855)" starts on line 65 and ends on line 66.
        let text = try corpusText("001")
        let bytes = Array(text.utf8)
        let citation = try #require(CitationScanner.scan(text).first)
        #expect(citation.text == "Kamerstuk \n32317, nr. 855")
        let line = bytes[..<citation.range.lowerBound].filter { $0 == 0x0A }.count + 1
        let endLine = bytes[..<citation.range.upperBound].filter { $0 == 0x0A }.count + 1
        #expect((line, endLine) == (65, 66))
    }
}
