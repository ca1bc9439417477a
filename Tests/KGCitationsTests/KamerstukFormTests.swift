import KGCitations
import KGModel
import Testing

/// Every Kamerstuk form the scanner knows: text -> ids, rule, confidence band.
@Suite struct KamerstukFormTests {
    static let forms: [Form] = [
        // Keyword, dossier, nr.
        Form("Kamerstuk 32317, nr. 884", ["kst-32317-884"], "kst.kamerstuk-nr", .high),
        Form("Kamerstuk 32 317, nr. 884", ["kst-32317-884"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II 2023/24, 32 317, nr. 872", ["kst-32317-872"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II, 2023-2024, 32317, nr. 872", ["kst-32317-872"], "kst.kamerstuk-nr", .high),
        Form("kamerstukken II 2023/2024, 28 345, nr. 276", ["kst-28345-276"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken III, 2023-2024, 32 317, nr. 874", ["kst-32317-874"], "kst.kamerstuk-nr", .high),
        Form("Kamerstuk II, 2023-24, 32317, nr. 872", ["kst-32317-872"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II, 2016-2017, 22 112, Nr. 2190, 26 augustus 2016", ["kst-22112-2190"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken 2020-2021, 22 112, nr. 2957, 5 november 2020;", ["kst-22112-2957"], "kst.kamerstuk-nr", .high),
        Form("Kamerstuk 2022-23, 22 112, nr. 3598, onder 3b", ["kst-22112-3598"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II, vergaderjaar 2022 – 2023, Kamerstuk 32 317, nr. 872.", ["kst-32317-872"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II \n2023-24, Kamerstuk 32 317, nr. 862.", ["kst-32317-862"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II 2022/23, 36 274, nr. 3, p. 7 en p. 18", ["kst-36274-3"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II, 2022–23, 36 414, nr. 3, p. 4.", ["kst-36414-3"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken 2023-2024, 19 637 nr. 3258", ["kst-19637-3258"], "kst.kamerstuk-nr", .high),
        Form("KST 29344, nr. 155", ["kst-29344-155"], "kst.kamerstuk-nr", .high),
        Form("Vergaderjaar 2022-2023, KST 32317, nr. 813", ["kst-32317-813"], "kst.kamerstuk-nr", .high),
        Form("kst 29344, nr. 155", ["kst-29344-155"], "kst.kamerstuk-nr", .high),
        Form("Kamerstuk 32317, nr. 5a", ["kst-32317-5a"], "kst.kamerstuk-nr", .high),
        // Lists, ranges, joint dossiers.
        Form("Kamerstuk 32317, nr.854 en 852", ["kst-32317-854", "kst-32317-852"], "kst.kamerstuk-nr", .high),
        Form("Kamerstuk 32 317, nrs.854 en 852", ["kst-32317-854", "kst-32317-852"], "kst.kamerstuk-nr", .high),
        Form("32 317, nrs. 854 en 852", ["kst-32317-854", "kst-32317-852"], "kst.dossier-nr", .high),
        Form("32 317, nrs.854 en 852", ["kst-32317-854", "kst-32317-852"], "kst.dossier-nr", .high),
        Form("Kamerstuk 32317, nr. 884 en nr. 885", ["kst-32317-884", "kst-32317-885"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II 1988/89, 20 691, nrs. 2–3, blz. 54", ["kst-20691-2", "kst-20691-3"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II 1991/92, 22 350, nrs. 1-4", ["kst-22350-1", "kst-22350-2", "kst-22350-3", "kst-22350-4"],
             "kst.kamerstuk-nr", .high),
        Form("Kamerstuk 26 643, nrs. 1022, 1043 en 1069", ["kst-26643-1022", "kst-26643-1043", "kst-26643-1069"],
             "kst.kamerstuk-nr", .high),
        Form("Kamerstukken 26 643 en 34 843, nr. 1069", ["kst-26643-1069"], "kst.kamerstuk-nr", .high),
        Form("Kamerstuk 26643/34843, nr. 1069", ["kst-26643-1069"], "kst.kamerstuk-nr", .high),
        // Suffixes.
        Form("36 410 VI, nr. 85", ["kst-36410-VI-85"], "kst.dossier-nr", .high),
        Form("36200 VI, nr. 23", ["kst-36200-VI-23"], "kst.dossier-nr", .high),
        Form("36 410 VI nr. 85", ["kst-36410-VI-85"], "kst.dossier-nr", .medium),
        Form("Kamerstukken II, 2023–2024, 36 410 VI nr. 85.", ["kst-36410-VI-85"], "kst.kamerstuk-nr", .high),
        Form("Kamerstuk 36410-VI, nr. 79", ["kst-36410-VI-79"], "kst.kamerstuk-nr", .high),
        Form("21 501-31, nr. 751", ["kst-21501-31-751"], "kst.dossier-nr", .high),
        Form("Kamerstukken II 2023-2024, 21 501-31, nr. 751.", ["kst-21501-31-751"], "kst.kamerstuk-nr", .high),
        Form("Kamerstuk 35300, XIV, nr. 67)", ["kst-35300-XIV-67"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II 1993/94, 23 400,\nXI, nr. 25", ["kst-23400-XI-25"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II 2024/25, 36 600 M, nr. 2", ["kst-36600-M-2"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II 2024/25, 36 600 XIV, nr. 2", ["kst-36600-XIV-2"], "kst.kamerstuk-nr", .high),
        Form("O.a. Kamerstukken II, 2022-2023, 36200 VI 33, 23 november 2022;", ["kst-36200-VI-33"], "kst.dossier-suffix", .medium),
        // Other shapes.
        Form("Kamerstuk 32317-849", ["kst-32317-849"], "kst.hyphen", .high),
        Form("(Kamerstuk 32317-847);", ["kst-32317-847"], "kst.hyphen", .high),
        Form("kst-32317-884", ["kst-32317-884"], "kst.canonical", .high),
        Form("zie https://zoek.officielebekendmakingen.nl/kst-35300-XIV-67.html", ["kst-35300-XIV-67"], "kst.canonical", .high),
        Form("29754 nr. 690", ["kst-29754-690"], "kst.dossier-nr", .medium),
        Form("Vergaderjaar 2023-24, 32317, nr. 866", ["kst-32317-866"], "kst.dossier-nr", .high),
        Form("Kamerstukken I, 2013/14, 33 797, nr. C", ["kst-33797-C"], "kst.kamerstuk-nr", .high),
        Form("34 843, A", ["kst-34843-A"], "kst.letter", .medium),
        Form("Kamerstukken I 2016/17, 34 843, A.", ["kst-34843-A"], "kst.letter", .high),
        Form("Kamerstukken II, 2023-2024, Geannoteerde Agenda JBZ-Raad 25-26 \njanuari 2024, 32 317, nr. 867",
             ["kst-32317-867"], "kst.titled", .medium),
        // Dossiers without a document number.
        Form("Kamerstukken II 1990/91, 22 195", ["dossier-22195"], "kst.dossier-only", .medium),
        Form("Kamerstukken II 1992/93, 23 134", ["dossier-23134"], "kst.dossier-only", .medium),
        Form("Kamerstukken II 2023/24, 36 410 VI.", ["dossier-36410-VI"], "kst.dossier-only", .medium),
        Form("kamerstukken\nII, 1995/1996, nr. 24 280", ["dossier-24280"], "kst.nr-before-dossier", .medium),
        // Garbled.
        Form("Kamerstukken 2022-2023, nr. 32317 793, \n22 december 2022;", ["kst-32317-793"], "kst.garbled-nr-before-dossier", .low),
        Form("Kamerstukken 2020-2021, 22 112, Nr. \n29554 november 2020;", ["kst-22112-2955"], "kst.garbled-nr-glued-day", .low),
        // Markup and odd spaces.
        Form("**Kamerstuk** 32317, nr. 884", ["kst-32317-884"], "kst.kamerstuk-nr", .high),
        Form("*Kamerstukken II* 2022/23, 36 277, nr. 3.", ["kst-36277-3"], "kst.kamerstuk-nr", .high),
        Form("<sup>12</sup> Kamerstuk 26 643, nr. 1043.", ["kst-26643-1043"], "kst.kamerstuk-nr", .high),
        Form("Kamerstuk\u{A0}32\u{A0}317,\u{A0}nr.\u{A0}884", ["kst-32317-884"], "kst.kamerstuk-nr", .high),
        Form("‘Kamerstuk 32317, nr. 884’", ["kst-32317-884"], "kst.kamerstuk-nr", .high),
        Form("Kamerstuk   32317,   nr.   884", ["kst-32317-884"], "kst.kamerstuk-nr", .high),
        Form("Kamerstukken II 2023—2024, 32317, nr. 872", ["kst-32317-872"], "kst.kamerstuk-nr", .high),
    ]

    @Test(arguments: forms)
    func scansForm(_ form: Form) {
        let citations = CitationScanner.scan(form.text)
        #expect(citations.flatMap { $0.ids.map(\.description) } == form.ids)
        #expect(!citations.isEmpty)
        for citation in citations {
            #expect(citation.rule == form.rule)
            #expect(form.band.contains(citation.confidence), "confidence \(citation.confidence) outside \(form.band)")
        }
        expectRangesMapBack(form.text, citations)
    }

    @Test func jointDossiersAreRecordedBesideThePrimaryID() {
        for text in ["Kamerstukken 26 643 en 34 843, nr. 1069", "Kamerstuk 26643/34843, nr. 1069", "(Kamerstukken 26 643 en 34 843, nr. 1069)"] {
            let citations = CitationScanner.scan(text)
            #expect(citations.count == 1)
            #expect(citations.first?.ids == [.kamerstuk(dossier: "26643", suffix: nil, number: "1069")])
            #expect(citations.first?.jointDossiers == ["34843"])
        }
        #expect(CitationScanner.scan("Kamerstuk 26643, nr. 1069").first?.jointDossiers == [])
    }

    @Test func continuationFollowsAnEarlierCitation() {
        let text = "de motie van het lid Van Ginneken (Kamerstuk 26643, nr. 1011) en later ook nr. 1011 en nr. 1047."
        let citations = CitationScanner.scan(text)
        #expect(citations.map(\.rule) == ["kst.kamerstuk-nr", "kst.continuation"])
        #expect(citations.last?.ids == [.kamerstuk(dossier: "26643", suffix: nil, number: "1047")])
        #expect(citations.last?.text == "nr. 1047")
        #expect(Band.medium.contains(citations.last?.confidence ?? 0))
        expectRangesMapBack(text, citations)
        // A suffix carries over.
        #expect(ids("Kamerstuk 36410-VI, nr. 79; nr. 80") == ["kst-36410-VI-79", "kst-36410-VI-80"])
        // Without an earlier citation, or too far after it, "en nr. 1047" is nothing.
        #expect(ids("Zie ook de brief en nr. 1047.") == [])
        let far = "Kamerstuk 26643, nr. 1011." + String(repeating: " Lorem ipsum dolor sit amet.", count: 30) + " En nr. 1047."
        #expect(ids(far) == ["kst-26643-1011"])
    }

    @Test func aTitleReachesItsDossierOnlyWithinTheSentence() {
        let titled = "Kamerstukken II, 2023-2024, Geannoteerde Agenda JBZ-Raad 25-26 januari 2024, 32 317, nr. 867"
        #expect(CitationScanner.scan(titled).map(\.rule) == ["kst.titled"])
        for text in ["Kamerstukken II 2023/24. Zie verder 32 317, nr. 5", "Kamerstukken II 2023/24 (zie ook 32 317, nr. 5)",
                     "Kamerstukken II 2023/24, " + String(repeating: "lange titel ", count: 20) + "32 317, nr. 5"] {
            let citations = CitationScanner.scan(text)
            #expect(citations.map(\.rule) == ["kst.dossier-nr"])
            #expect(citations.map(\.text) == ["32 317, nr. 5"])
        }
    }

    @Test func aRangeTooLongToExpandGivesItsEnds() {
        let citation = CitationScanner.scan("Kamerstuk 32317, nrs. 1-400").first
        #expect(citation?.ids.map(\.description) == ["kst-32317-1", "kst-32317-400"])
        #expect(citation?.note?.contains("400 numbers") == true)
    }

    @Test func gluedDaySplitIsExplained() throws {
        let citation = try #require(CitationScanner.scan("Kamerstukken 2020-2021, 22 112, Nr. 29554 november 2020").first)
        #expect(citation.text == "Kamerstukken 2020-2021, 22 112, Nr. 29554")
        #expect(citation.note?.contains("nr. 2955, 4") == true)
        // Both a one- and a two-digit day fit: the one-digit day is taken and the note says so.
        let ambiguous = try #require(CitationScanner.scan("Kamerstuk 22 112, nr. 29512 november").first)
        #expect(ambiguous.ids == [.kamerstuk(dossier: "22112", suffix: nil, number: "2951")])
        #expect(ambiguous.confidence < 0.4)
        #expect(ambiguous.note?.contains("nr. 295, 12") == true)
    }
}
