import KGCitations
import KGModel
import Testing

/// Line-break and spacing variants, exact ranges inside running text, and hostile input.
@Suite struct RobustnessTests {
    static let baseForms: [String] = [
        "Kamerstuk 32317, nr. 884",
        "Kamerstukken II, 2023-2024, 32 317, nr. 872",
        "kamerstukken II 2023/2024, 28 345, nr. 276",
        "Kamerstuk 32 317, nrs. 854 en 852",
        "Kamerstukken 26 643 en 34 843, nr. 1069",
        "Kamerstukken II, 2023-2024, 36 410 VI, nr. 2",
        "Kamerstukken II 2023-2024, 21 501-31, nr. 751",
        "KST 29344, nr. 155",
        "Aanhangsel Handelingen II, vergaderjaar 2023-2024, nr. 2075",
        "Handelingen II 2022/23, nr. 84, item 12",
        "Verordening (EU) nr. 604/2013",
        "Richtlijn 2014/41/EU",
        "COM (2022) 209 final",
        "Stb. 2019, 123",
    ]

    /// Every single space that separates two tokens, replaced by a line break (with and without a
    /// trailing space, as PDF text has them), an NBSP or a run of spaces, leaves the ids as they were.
    @Test(arguments: baseForms)
    func lineBreakAndSpaceVariantsGiveTheSameIDs(_ form: String) {
        let expected = ids(form)
        #expect(!expected.isEmpty)
        let characters = Array(form)
        for index in characters.indices where characters[index] == " " {
            // "32 317" is one token: its space may be an NBSP but not a line break.
            let inNumber = index > 0 && index + 1 < characters.count && characters[index - 1].isNumber && characters[index + 1].isNumber
            let replacements = inNumber ? ["\u{A0}"] : [" \n", "\n", "\u{A0}", "   ", " \u{A0} "]
            for replacement in replacements {
                var variant = characters
                variant.replaceSubrange(index...index, with: Array(replacement))
                let text = String(variant)
                let citations = CitationScanner.scan(text)
                #expect(citations.flatMap { $0.ids.map(\.description) } == expected, "variant \(text.debugDescription)")
                expectRangesMapBack(text, citations)
            }
        }
    }

    /// The range of each citation in running text holds exactly the citation.
    @Test(arguments: [
        ("Zie (Kamerstuk 32317, nr. 884) en verder.", ["Kamerstuk 32317, nr. 884"]),
        ("**Antwoord** Zoals gemeld (Kamerstuk 32 317, nrs.854 en 852), is", ["Kamerstuk 32 317, nrs.854 en 852"]),
        ("gedeeld.<sup>2</sup>\n\n---\n\n<sup>2</sup> Kamerstuk II, 2023-24, 32317, nr. 872\n", ["Kamerstuk II, 2023-24, 32317, nr. 872"]),
        ("De Raad (COM(2023)755) wordt; Richtlijn \n2001/55/EG is", ["COM(2023)755", "Richtlijn \n2001/55/EG"]),
        ("2 Kamerstukken II, 2022/23, 22112, nr. 3455. \n3 Kamerstukken II 2022/23, 26643, nr. 1022; Kamerstukken II \n2022/23, 26643, nr. 1011. ",
         ["Kamerstukken II, 2022/23, 22112, nr. 3455", "Kamerstukken II 2022/23, 26643, nr. 1022", "Kamerstukken II \n2022/23, 26643, nr. 1011"]),
        ("vergaderjaar 2023–2024, Aangangsels nr 2133, 2024Z08726.", ["vergaderjaar 2023–2024, Aangangsels nr 2133, 2024Z08726"]),
        ("Oekraïne – Richtlijn 2001/55/EG – en ‘Kamerstuk 32317-849’", ["Richtlijn 2001/55/EG", "Kamerstuk 32317-849"]),
    ])
    func rangeHoldsExactlyTheCitation(_ text: String, _ expected: [String]) {
        let citations = CitationScanner.scan(text)
        #expect(citations.map(\.text) == expected)
        expectRangesMapBack(text, citations)
    }

    @Test func theThreeInputFormsAgree() {
        let text = "Kamerstuk 32317, nr. 884 — Oekraïne — Richtlijn 2014/41/EU"
        let fromString = CitationScanner.scan(text)
        let fromBytes = CitationScanner.scan(Array(text.utf8))
        let fromBuffer = Array(text.utf8).withUnsafeBytes { CitationScanner.scan($0) }
        #expect(fromString == fromBytes)
        #expect(fromBytes == fromBuffer)
        #expect(fromString.map(\.range) == [0..<24, 43..<63])
    }

    @Test func randomBytesNeverTrapAndRangesStayInside() {
        var random = SplitMix(seed: 7)
        let alphabet = Array("0123456789 ,./-–\nKkAHCSnrsIVXZEUG()*Kamerstukken nr. Stb. COM(2023) 32 317 Aanhangsel Handelingen II 2023/24 item \u{A0}é".utf8)
        for _ in 0..<200 {
            let length = Int(random.next() % 400)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                bytes.append(random.next() % 4 == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next() % UInt64(alphabet.count))])
            }
            let citations = CitationScanner.scan(bytes)
            var previous = 0
            for citation in citations {
                #expect(citation.range.lowerBound >= previous && citation.range.upperBound <= bytes.count && !citation.range.isEmpty)
                previous = citation.range.upperBound
            }
        }
    }

    @Test func hostileRunsStayLinear() {
        // Long lists and long gaps: bounded by CitationLimits, so these finish at once.
        let joint = "Kamerstukken " + String(repeating: "12 345 en ", count: 20_000) + "nr. 1"
        let list = "Kamerstuk 32317, nrs. " + String(repeating: "1 en ", count: 20_000) + "2"
        let spaces = "Kamerstuk" + String(repeating: " ", count: 100_000) + "32317, nr. 1"
        let digits = String(repeating: "1", count: 100_000) + "/" + String(repeating: "2", count: 100_000) + "/EU"
        let continuations = "Kamerstuk 32317, nr. 1" + String(repeating: " en nr. 2", count: 20_000)
        for text in [joint, list, spaces, digits, continuations] {
            let start = ContinuousClock.now
            let citations = CitationScanner.scan(text)
            #expect(ContinuousClock.now - start < .seconds(5))
            #expect(citations.allSatisfy { $0.ids.count <= CitationLimits.maxListItems + CitationLimits.maxRangeExpansion })
        }
        // A gap longer than CitationLimits.maxGapBytes does not join the keyword to its number (the
        // bare shape still matches on its own).
        #expect(CitationScanner.scan(spaces).map(\.text) == ["32317, nr. 1"])
    }

    @Test func normalisedTextCollapsesSpaceAndJoinsBrokenWords() {
        let citation = CitationScanner.scan("Kamerstukken II, 2023-\n2024, 36\u{A0}550 VI,   nr. 2").first
        #expect(citation?.normalisedText == "Kamerstukken II, 2023-2024, 36 550 VI, nr. 2")
        #expect(CitationScanner.scan("(**Kamerstuk** \n32317, nr. 855)").first?.normalisedText == "Kamerstuk 32317, nr. 855")
    }
}

/// SplitMix64, for repeatable random input.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_9BB1_3311_EB31
        return z ^ (z >> 31)
    }
}
