import KGCitations
import Testing

/// The textual citations of the XML corpus (Graph/corpus-xml/), as /work/scratch/xml-analysis.md §4
/// lists them after text extraction (tags removed, white space collapsed; `⏎` there is a line
/// break here).
@Suite struct XMLCorpusFormTests {
    static let rows: [(String, [String])] = [
        // 4.1 Kamerstukken
        ("Kamerstukken II 1990/91, 22 195", ["dossier-22195"]),
        ("Kamerstukken II 1992/93, 22 827, nr. 2", ["kst-22827-2"]),
        ("Kamerstukken II 1992/93, 22 827, nr. 6", ["kst-22827-6"]),
        ("Kamerstukken II\n1992/93, 23 134", ["dossier-23134"]),
        ("Kamerstukken II 1993/94, 23 778", ["dossier-23778"]),
        ("Kamerstukken II 1988/89, 20 691, nrs. 2–3, blz. 54", ["kst-20691-2", "kst-20691-3"]),
        ("Kamerstukken II 1991/92, 22 350, nrs. 1–2", ["kst-22350-1", "kst-22350-2"]),
        ("Kamerstukken II 1991/92, 22 592, nr. 1", ["kst-22592-1"]),
        ("Kamerstukken II 1985/86, 16 736, nr. 25, p. 34", ["kst-16736-25"]),
        ("Kamerstukken II 1993/94, 23 400,\nXI, nr. 25", ["kst-23400-XI-25"]),
        ("Kamerstukken II 1994/95, 23 817, nr. 3", ["kst-23817-3"]),
        ("kamerstukken\nII, 1995/1996, nr. 24 280", ["dossier-24280"]),
        ("Kamerstukken II 2006/07, 29 942, nr. 28", ["kst-29942-28"]),
        ("Kamerstuk 28 844, nr. 266.", ["kst-28844-266"]),
        ("blz. 48 (bijlage bij Kamerstuk 36 101, nr. 15).", ["kst-36101-15"]),
        ("Kamerstukken II, 2009/10, 32 271, nr. 3, p. 42.", ["kst-32271-3"]),
        ("Kamerstukken II, 2013/14, 32 271, nr. 13, p. 4.", ["kst-32271-13"]),
        ("Kamerstukken I, 2013/14, 33 797, nr. C, p. 12, al. 3.", ["kst-33797-C"]),
        ("bij amendement (Kamerstukken II 2014/15, 33 966, nr. 62)", ["kst-33966-62"]),
        ("Kamerstukken II, 2013/14, 33 966, nr. 7, onder S en T.", ["kst-33966-7"]),
        ("Kamerstukken II 2013/14, 33 966, nr. 3, p. 32 en 61 (MvT).", ["kst-33966-3"]),
        ("in de veegbrief (Kamerstuk 35300, XIV, nr. 67). ", ["kst-35300-XIV-67"]),
        ("Kamerstukken II 2022/23, 36 277, nr. 3.", ["kst-36277-3"]),
        ("Kamerstukken II 2024/25, 36 600 XIV, nr. 2.", ["kst-36600-XIV-2"]),
        ("Kamerstukken II 2024/25, 36 600 M, nr. 2.", ["kst-36600-M-2"]),
        ("Kamerstukken II 2022/23, 36 274, nr. 3, p. 7 en Kamerstukken II 2022/23, 36 277, nr. 3.", ["kst-36274-3", "kst-36277-3"]),
        ("Kamerstukken II 2022/23, 34 682, nr. 114", ["kst-34682-114"]),
        ("Kamerstukken II 2023/24, 36 471, nr. 97", ["kst-36471-97"]),
        ("Kamerstukken II 2024/25, 36 277, nr. 59", ["kst-36277-59"]),
        // 4.2 Handelingen
        ("(Handelingen II 2022/23, nr. 84, item 12)", ["h-tk-20222023-84-12"]),
        // 4.3 Staatsblad (the ones without a year are reported without an id)
        ("(Stb. 1994, 132 en Stb. 1994, 415)", ["stb-1994-132", "stb-1994-415"]),
        ("Stb. 1993, 221", ["stb-1993-221"]),
        ("(Stb. 132)", []),
        ("wet van 25 september\n2008, Stb. 397", []),
        ("(Stb. 2014, 205)", ["stb-2014-205"]),
        ("Stb. 2015, 145.", ["stb-2015-145"]),
        // 4.4 EU directives by number
        ("richtlijn 83/189/EEG", ["31983L0189"]),
        ("van 28 maart 1983 … (83/189/EEG, PbEG L 109)", ["31983L0189"]),
        ("richtlijn inzake kredietovereenkomsten voor consumenten (2008/48/EG, PbEU\nL 133)", ["32008L0048"]),
        ("richtlijn over oneerlijke handelspraktijken (2005/29/EG, PbEU\nL 149)", ["32005L0029"]),
        ("richtlijnen over televisieomroepactiviteiten (2007/65/EG, PbEU L 332)", ["32007L0065"]),
        ("richtlijn inzake vergelijkende reclame (1997/55/EG, PbEG L 290)", ["31997L0055"]),
        // 4.5/4.6 traps: nothing
        ("Verlag t. Duitsland, 1989, appl. 10 572/83", []),
        ("C(2009)9963, E 2/2005 en N 642/2009", []),
        ("SWD (2023), 819 final", []),
        ("14 944 schuldsaneringen", []),
        ("advies\nnr. 219", []),
        ("Vergaderjaar 2024-2025", []),
    ]

    @Test(arguments: rows)
    func extractedTextResolves(_ text: String, _ expected: [String]) {
        let citations = CitationScanner.scan(text)
        #expect(citations.flatMap { $0.ids.map(\.description) } == expected)
        expectRangesMapBack(text, citations)
    }
}
