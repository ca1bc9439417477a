import KGCitations
import Testing

/// Things that look like citations but are not: numbers, dates, amounts, bare "nr.", keywords
/// without numbers, words that contain a keyword.
@Suite struct NegativeTests {
    static let texts: [String] = [
        "14 944 schuldsaneringen",
        "tussen 250 000 tot 500 000 euro",
        "een bedrag van 12 345 678, nr. 5",
        "EL PAcCTO 2.0",
        "EL \nPAcCTO 2.09, is",
        "0,8 miljard euro.9 Dit",
        "nr. 1011",
        "nr.854 en 852",
        "advies nr. 219",
        "Kamerstukken II, nrs. 1022, 1043 en 1069",
        "Kamerstuk 32317",
        "Kamerstukken II 2023/24",
        "Vergaderjaar 2024-2025",
        "in 2023/24 heeft de Kamer",
        "op 14/10/2023 om 12:30",
        "4 maart 2024 niet meer",
        "13 en 14 juni 2024",
        "## 32317-872 Non-papers bij de geannoteerde Agenda JBZ-Raad 4-5 maart 2024",
        "**32 317 \u{A0} \u{A0} \u{A0} JBZ-Raad**  \n\n**Nr. 859 \u{A0} \u{A0} Verslag van een schriftelijk overleg**",
        "[Kamerbrief met geannoteerde agenda Milieuraad 25 maart 2024 | Kamerstuk | Rijksoverheid.nl](#)",
        "Motie%2036200%20VI%2033.pdf Motie%2032317%20793.pdf Motie%2032%20317%20nr.%20839.pdf",
        "de onderhandelingen II 2022/23, nr. 84, item 12",
        "handelingen waardoor het collectief",
        "uitvoeringshandelingen.",
        "2024Z087261 en 24Z08726 en 2024Z0872",
        "CO2-uitstoot, COM-lid, COMMISSIE (2023) 1",
        "Stbl. 12 en Stb 2019",
        "Staatsblad 2019 was dik",
        "artikel 2:216 lid 1 BW, artikel 1:1 Awb",
        "SWD (2023), 819 final",
        "appl. 10 572/83",
        "zaaknummer 201309595/1/A3",
        "EU-CELAC6 top, EU-CLASI7 top, september8,",
        "Ondernummer 32317a, nr. 12",
        "",
        " ",
        "\n\n\n",
    ]

    @Test(arguments: texts)
    func findsNothing(_ text: String) {
        #expect(CitationScanner.scan(text) == [])
    }

    @Test func wordsAroundKeywordsMustBeWholeWords() {
        #expect(ids("BuitenKamerstuk 32317, nr. 884") == ["kst-32317-884"]) // the shape still matches...
        #expect(CitationScanner.scan("BuitenKamerstuk 32317, nr. 884").first?.rule == "kst.dossier-nr") // ...not the keyword
        #expect(ids("Kamerstuknummer 32317") == [])
        #expect(ids("xkst-32317-884") == [])
    }
}
