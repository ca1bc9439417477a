import KGModel

/// What the opening of a document says about it: its date, subject, addressee, the Kamerstuk it
/// states it is, and who signs it.
struct DocumentHeader {
    struct Located<Value> {
        var value: Value
        /// Paragraph and clean range where it was read.
        var paragraph: Int
        var range: Range<Int>
    }

    struct Signature {
        var office: String
        var name: String
        var officeParagraph: Int
        var nameParagraph: Int
        /// Clean range of the name in its paragraph.
        var nameStart: Int
        var nameLength: Int
    }

    var date: Located<Day>?
    var subject: Located<String>?
    /// Paragraph and clean range of the subject text, possibly continued in the next paragraph.
    var subjectParagraphs: [(paragraph: Int, range: Range<Int>)] = []
    var chamber: Located<String>?
    var statedKamerstuk: Located<CanonicalID>?
    var signatures: [Signature] = []
    /// The title of a paper that states its own number ("JBZ-Raad; Verslag van een schriftelijk overleg").
    var statedTitle: String?

    /// Reads the header of `paragraphs`; `tokens` are the words of each paragraph's clean text.
    init(text: [UInt8], paragraphs: [Paragraph], tokens: [WordTokens], layout: DocumentLayout, offices: OfficeFinder) {
        let firstReport = layout.reports.first?.start ?? paragraphs.count
        let headerRange = 0..<min(paragraphs.count, max(firstReport, 12))
        for p in headerRange where paragraphs[p].kind != .tableOfContents {
            let clean = paragraphs[p].clean.bytes
            let words = tokens[p]
            // "Datum 18 juli 2024", "**Datum**" then "26 april 2024", "Den Haag, 21 juni 2024", "Vastgesteld 20 oktober 2023".
            if date == nil {
                for k in 0..<words.count where words.isAny(k, ["datum", "vastgesteld"]) || (words.is(k, "den") && words.is(k + 1, "haag")) {
                    let start = words.is(k, "den") ? k + 2 : k + 1
                    if let found = DutchDate.parse(words, clean, at: start), let year = found.year, let day = found.days.first,
                       let value = Day(year: year, month: found.month, day: day) {
                        date = Located(value: value, paragraph: p, range: words[k].range.lowerBound..<words[found.tokens.upperBound - 1].range.upperBound)
                        break
                    }
                    if start >= words.count, words.is(k, "datum"), p + 1 < paragraphs.count {
                        let next = tokens[p + 1]
                        if let found = DutchDate.parse(next, paragraphs[p + 1].clean.bytes, at: 0), let year = found.year,
                           let day = found.days.first, let value = Day(year: year, month: found.month, day: day) {
                            date = Located(value: value, paragraph: p + 1, range: next[0].range.lowerBound..<next[found.tokens.upperBound - 1].range.upperBound)
                        }
                    }
                }
            }
            // "Betreft ..." / "Onderwerp ..." at the start of a line of the paragraph.
            if subject == nil, let k = (0..<words.count).first(where: { k in
                   words.isAny(k, ["betreft", "onderwerp"]) && words[k].capitalized
                       && (k == 0 || paragraphs[p].lines.contains { line in
                           paragraphs[p].clean.textRange(words[k].range).lowerBound <= line.lowerBound + 4
                               && paragraphs[p].clean.textRange(words[k].range).lowerBound >= line.lowerBound })
               }), k + 1 < words.count {
                let start = words[k + 1].range.lowerBound
                var end = clean.count
                // The subject runs to the paragraph end (Markdown puts Datum and Betreft in one paragraph,
                // Datum first); stop at a following field name.
                for f in (k + 1)..<words.count where words.isAny(f, ["ons", "onze", "bijlage", "bijlagen"]) && words[f].capitalized {
                    end = words[f].range.lowerBound
                    break
                }
                var text = String(decoding: clean[start..<end], as: UTF8.self).trimmingWhitespace()
                subjectParagraphs = [(p, start..<end)]
                // A subject wrapped across a blank line ("... over de" + "JBZ-Raad van ...").
                if let last = text.split(separator: " ").last, ["de", "het", "van", "over", "en"].contains(last.lowercased()),
                   p + 1 < paragraphs.count {
                    let next = paragraphs[p + 1].clean
                    text += " " + next.string
                    subjectParagraphs.append((p + 1, 0..<next.bytes.count))
                }
                subject = Located(value: text, paragraph: p, range: words[k].range.lowerBound..<end)
            }
            if chamber == nil, let k = (0..<words.count).first(where: { words.is($0, "voorzitter") && words.is($0 + 1, "van") && words.is($0 + 2, "de") }) {
                if words.is(k + 3, "eerste") && words.is(k + 4, "kamer") {
                    chamber = Located(value: "Eerste Kamer", paragraph: p, range: words[k + 3].range.lowerBound..<words[k + 4].range.upperBound)
                } else if words.is(k + 3, "tweede") && words.is(k + 4, "kamer") {
                    chamber = Located(value: "Tweede Kamer", paragraph: p, range: words[k + 3].range.lowerBound..<words[k + 4].range.upperBound)
                }
            }
        }
        statedKamerstuk = statedNumber(paragraphs)
        signatures = DocumentHeader.signatures(text, paragraphs, before: firstReport, offices: offices)
    }

    /// The official report header: a line "32 317 JBZ-Raad" then "Nr. 859 Verslag ..." near the top.
    mutating func statedNumber(_ paragraphs: [Paragraph]) -> Located<CanonicalID>? {
        for p in 0..<max(0, min(paragraphs.count - 1, 8)) {
            let first = paragraphs[p].clean.bytes
            var i = 0
            var digits: [UInt8] = []
            while i < first.count && (Bytes.isDigit(first[i]) || first[i] == 0x20) {
                if Bytes.isDigit(first[i]) { digits.append(first[i]) }
                i += 1
            }
            guard digits.count >= 4, digits.count <= 6, i < first.count, Bytes.isLetter(first[i]) else { continue }
            // An optional Roman-numeral suffix ("36 410 VI JBZ") is not handled here: the report header in
            // the corpus has none; XML sources state their id in metadata.
            let next = paragraphs[p + 1].clean.bytes
            guard next.count > 4, Bytes.hasPrefix(next, at: 0, "Nr. ") || Bytes.hasPrefix(next, at: 0, "nr. ") else { continue }
            var j = 4
            let start = j
            while j < next.count && (Bytes.isDigit(next[j]) || Bytes.isUpper(next[j])) { j += 1 }
            guard j > start else { continue }
            let number = String(decoding: next[start..<j], as: UTF8.self)
            let dossier = String(decoding: digits, as: UTF8.self)
            // The title: the dossier's ("JBZ-Raad") and the paper's ("Verslag van een schriftelijk overleg").
            let dossierTitle = String(decoding: first[i...], as: UTF8.self).trimmingWhitespace()
            var paperTitle = String(decoding: next[j...], as: UTF8.self).trimmingWhitespace()
            if let cut = paperTitle.range(of: " Vastgesteld") { paperTitle = String(paperTitle[..<cut.lowerBound]) }
            statedTitle = [dossierTitle, paperTitle].filter { !$0.isEmpty }.joined(separator: "; ")
            return Located(value: .kamerstuk(dossier: dossier, suffix: nil, number: number), paragraph: p + 1, range: 0..<j)
        }
        return nil
    }

    /// Signature blocks: a line "De Minister van Justitie en Veiligheid," and, on the next line or a
    /// few paragraphs on, a name ("D.M. van Weel").
    static func signatures(_ text: [UInt8], _ paragraphs: [Paragraph], before limit: Int, offices: OfficeFinder) -> [Signature] {
        var result: [Signature] = []
        for p in 0..<limit {
            for (lineIndex, line) in paragraphs[p].lines.enumerated() where CleanText.mayEnd(with: UInt8(ascii: ","), text, line: line) {
                let clean = CleanText.build(text, lines: [line]).bytes
                guard clean.count < 90, clean.last == UInt8(ascii: ","), let first = clean.first, Bytes.isUpper(first) else { continue }
                let words = WordTokens(clean)
                guard words.isAny(0, ["de", "minister", "staatssecretaris"]) else { continue }
                guard let mention = offices.find(words, clean).first, case .office(let found) = mention.target, found.count == 1 else { continue }
                // The name: the next line of this paragraph, else the first line of a following one.
                var candidates: [(paragraph: Int, line: Range<Int>)] = []
                if lineIndex + 1 < paragraphs[p].lines.count { candidates.append((p, paragraphs[p].lines[lineIndex + 1])) }
                for q in (p + 1)..<min(limit, p + 7) {
                    if let firstLine = paragraphs[q].lines.first { candidates.append((q, firstLine)) }
                }
                for candidate in candidates {
                    let name = CleanText.build(text, lines: [candidate.line])
                    guard !name.isEmpty else { continue }
                    if looksLikeName(name.bytes) {
                        // The name's clean range within its paragraph: it starts where its line starts.
                        let paragraphClean = paragraphs[candidate.paragraph].clean
                        let start = paragraphClean.firstIndex(fromTextOffset: candidate.line.lowerBound) ?? 0
                        result.append(Signature(office: found[0], name: name.string, officeParagraph: p, nameParagraph: candidate.paragraph,
                                                nameStart: start, nameLength: name.bytes.count))
                    }
                    break
                }
            }
        }
        return result
    }

    /// "D.M. van Weel", "D. Yeşilgöz-Zegerius", "E. van der Burg": short, capitalised, no digits, no comma.
    static func looksLikeName(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3, bytes.count <= 40, let first = bytes.first, Bytes.isUpper(first) else { return false }
        if bytes.contains(where: Bytes.isDigit) || bytes.last == UInt8(ascii: ",") || bytes.last == UInt8(ascii: ".") && bytes.count > 6 && !bytes.contains(0x20) {
            return false
        }
        let words = bytes.split(separator: 0x20)
        return words.count <= 5 && words.last.map { Bytes.isUpper($0.first ?? 0) || ($0.first ?? 0) >= 0xC3 } == true
    }
}
