/// The structure of a document: the letter, the written-consultation reports it holds, their
/// faction sections, and the questions and answers in each section.
struct DocumentLayout {
    /// One question and the answer that follows it (paragraph indices).
    struct Item {
        var question: [Int]
        var answer: [Int]
        var marker: Int
        /// 1-based position in its section.
        var number: Int
    }

    /// A faction's section of a report.
    struct Section {
        var heading: Int
        /// The faction names as the heading writes them ("VVD", "PvdA- en GroenLinks").
        var factionText: String
        var items: [Item] = []
        /// Paragraphs in the section that are neither questions nor answers (introductions,
        /// remarks without an answer).
        var other: [Int] = []
        /// The faction says it has no questions.
        var noQuestions = false
        var end: Int
    }

    struct Report {
        var number: Int
        var start: Int
        var end: Int
        var sections: [Section] = []
        /// Paragraphs before the first section: the documents consulted, who answered.
        var intro: [Int] = []
    }

    var reports: [Report] = []
    /// Paragraphs of the letter (before the first report) and anything outside sections.
    var letter: [Int] = []

    /// Which item (section index, item index, isQuestion) a paragraph belongs to, if any.
    var roleOfParagraph: [Int: (report: Int, section: Int, item: Int, isQuestion: Bool)] = [:]

    init(paragraphs: [Paragraph]) {
        let count = paragraphs.count
        var reportStarts: [(number: Int, start: Int)] = []
        for p in paragraphs where reportStarts.last?.number != p.report && p.report > 0 {
            reportStarts.append((p.report, p.index))
        }
        letter = Array(0..<(reportStarts.first?.start ?? count)).filter { paragraphs[$0].kind == .text || paragraphs[$0].kind == .heading }
        for (k, start) in reportStarts.enumerated() {
            let end = k + 1 < reportStarts.count ? reportStarts[k + 1].start : count
            var report = Report(number: start.number, start: start.start, end: end)
            var headings = DocumentLayout.sectionHeadings(paragraphs, start.start..<end)
            let closing = (start.start..<end).first { DocumentLayout.isClosingHeading(paragraphs[$0]) && $0 > (headings.first?.index ?? end) }
            // Section headings after the closing heading open no faction section (the closing part runs to the end).
            if let closing { headings.removeAll { $0.index > closing } }
            var sectionStarts = headings.map(\.index)
            report.intro = (start.start..<(sectionStarts.first ?? end)).filter { paragraphs[$0].kind == .text }
            sectionStarts.append(closing ?? end)
            for (h, heading) in headings.enumerated() {
                var section = Section(heading: heading.index, factionText: heading.factions, end: sectionStarts[h + 1])
                DocumentLayout.splitItems(paragraphs, into: &section)
                report.sections.append(section)
            }
            if let closing { letter += (closing..<end).filter { paragraphs[$0].kind == .text } }
            reports.append(report)
        }
        for (r, report) in reports.enumerated() {
            for (s, section) in report.sections.enumerated() {
                for (i, item) in section.items.enumerated() {
                    for p in item.question { roleOfParagraph[p] = (r, s, i, true) }
                    for p in item.answer { roleOfParagraph[p] = (r, s, i, false) }
                }
            }
        }
    }

    static let sectionPrefix = Array("vragen en opmerkingen van de leden van".utf8)

    /// Faction section headings in `range`: "Vragen en opmerkingen van de leden van de X-fractie"
    /// lines that are followed by content (table-of-contents rows are not).
    static func sectionHeadings(_ paragraphs: [Paragraph], _ range: Range<Int>) -> [(index: Int, factions: String)] {
        var candidates: [(Int, String)] = []
        for i in range where paragraphs[i].kind != .tableOfContents && paragraphs[i].kind != .answerMarker {
            let clean = paragraphs[i].clean.bytes
            guard clean.count < 200, clean.count > sectionPrefix.count else { continue }
            let lowered = clean.map(Bytes.lower)
            guard lowered.starts(with: sectionPrefix) else { continue }
            var rest = String(decoding: clean[sectionPrefix.count...], as: UTF8.self)
            for prefix in [" de ", " het "] where rest.hasPrefix(prefix) { rest.removeFirst(prefix.count) }
            candidates.append((i, rest.trimmingCharacters()))
        }
        var result: [(Int, String)] = []
        for (k, candidate) in candidates.enumerated() {
            let next = k + 1 < candidates.count ? candidates[k + 1].0 : range.upperBound
            let hasContent = ((candidate.0 + 1)..<next).contains { paragraphs[$0].kind == .text || paragraphs[$0].kind == .answerMarker }
            if hasContent { result.append(candidate) }
        }
        return result
    }

    /// "II Reactie van de bewindspersonen" and the like end the last section.
    static func isClosingHeading(_ paragraph: Paragraph) -> Bool {
        let bytes = paragraph.clean.bytes
        return bytes.count < 60 && (Bytes.hasPrefix(bytes, at: 0, "ii reactie van de bewindsperso", ignoringCase: true)
            || Bytes.hasPrefix(bytes, at: 0, "ii. reactie van de bewindsperso", ignoringCase: true))
    }

    /// Splits a section into questions and answers. Every "Antwoord" marker closes a question; the
    /// text between two markers is the previous answer followed by the next question, split at the
    /// first paragraph that reads as a question (it asks, or speaks of "de leden"; in Markdown it
    /// is not bold, as answers are).
    static func splitItems(_ paragraphs: [Paragraph], into section: inout Section) {
        let range = (section.heading + 1)..<section.end
        let content = range.filter { paragraphs[$0].kind == .text || paragraphs[$0].kind == .answerMarker }
        let markers = content.filter { paragraphs[$0].kind == .answerMarker }
        if markers.isEmpty {
            section.other = content
            section.noQuestions = content.contains { DocumentLayout.saysNoQuestions(paragraphs[$0]) }
            return
        }
        var start = section.heading + 1
        for (k, marker) in markers.enumerated() {
            // Between two markers: the previous answer, up to the first sub-topic heading or the
            // first paragraph that reads as a question; then the next question.
            let interval = (start..<marker).filter { paragraphs[$0].kind == .text || paragraphs[$0].kind == .heading }
            var questionStart = 0
            if k > 0 {
                let heading = interval.firstIndex { paragraphs[$0].kind == .heading }
                let asks = interval.indices.dropFirst().first { paragraphs[interval[$0]].kind == .text && isQuestionLike(paragraphs[interval[$0]]) }
                let texts = interval.indices.filter { paragraphs[interval[$0]].kind == .text }
                questionStart = [heading, asks].compactMap { $0 }.min() ?? (texts.count >= 2 ? texts[texts.count - 1] : interval.count)
                section.items[k - 1].answer = interval[0..<questionStart].filter { paragraphs[$0].kind == .text }
            }
            // A sub-topic heading inside the question side: what stands before it belongs to no question.
            var questionSide = Array(interval[questionStart...])
            if let lastHeading = questionSide.lastIndex(where: { paragraphs[$0].kind == .heading }) {
                section.other += questionSide[..<lastHeading].filter { paragraphs[$0].kind == .text }
                questionSide = Array(questionSide[(lastHeading + 1)...])
            }
            var question = questionSide.filter { paragraphs[$0].kind == .text }
            // Leading statements that only say the faction has read the papers are an introduction.
            while question.count > 1 && isIntroduction(paragraphs[question[0]]) {
                section.other.append(question.removeFirst())
            }
            section.items.append(Item(question: question, answer: [], marker: marker, number: k + 1))
            start = marker + 1
        }
        // After the last marker: the last answer, then any closing remarks that read as questions.
        let tail = (start..<section.end).filter { paragraphs[$0].kind == .text || paragraphs[$0].kind == .heading }
        let heading = tail.firstIndex { paragraphs[$0].kind == .heading }
        let asks = tail.indices.dropFirst().first { paragraphs[tail[$0]].kind == .text && isQuestionLike(paragraphs[tail[$0]]) }
        let split = [heading, asks].compactMap { $0 }.min() ?? tail.count
        section.items[section.items.count - 1].answer = tail[0..<split].filter { paragraphs[$0].kind == .text }
        section.other += tail[split...].filter { paragraphs[$0].kind == .text }
    }

    /// "De leden van de X-fractie hebben kennisgenomen van ... en hebben nog enkele vragen."
    static func isIntroduction(_ paragraph: Paragraph) -> Bool {
        let text = paragraph.clean.bytes
        guard text.count < 500 && !text.contains(UInt8(ascii: "?")) else { return false }
        return Bytes.contains(text, "kennisgenomen") || Bytes.contains(text, "kennis genomen") || Bytes.contains(text, " gelezen")
            || Bytes.contains(text, "enkele vragen") || Bytes.contains(text, "meerdere vragen") || Bytes.contains(text, "de volgende vragen")
    }

    static func containsQuestionMark(_ paragraph: Paragraph) -> Bool {
        paragraph.clean.bytes.contains(UInt8(ascii: "?"))
    }

    /// How questions open with the members as subject.
    static let memberSubjects = ["De leden ", "Deze leden ", "Voornoemde leden ", "Het is de leden", "Het is voor de leden",
                                 "Ook zouden de leden", "De aan het woord zijnde leden", "De VVD-fractieleden", "De Volt-leden"]
    static let connectives = ["Daarnaast ", "Verder ", "Tot slot ", "Tenslotte ", "Ten slotte ", "Voorts ", "Ook ", "Tevens ", "Bovendien "]

    static let questionOpeners: [String] = ["kan ", "kunnen ", "hoe ", "wat ", "welke ", "is ", "klopt ", "gaat ", "wil ", "waarom ",
                                            "deelt ", "erkent ", "ziet ", "op welke ", "in hoeverre ", "heeft ", "zijn ", "wanneer "]

    /// Whether a paragraph opens a question: it is not set in bold (Markdown answers are), and it
    /// asks something or speaks of "de leden" in its first words.
    static func isQuestionLike(_ paragraph: Paragraph) -> Bool {
        if paragraph.bold { return false }
        let bytes = paragraph.clean.bytes
        // "De leden van de VVD-fractie lezen ...", "Deze leden ...", "Voornoemde leden vragen ...".
        if memberSubjects.contains(where: { Bytes.hasPrefix(bytes, at: 0, $0, ignoringCase: true) }) { return true }
        // "Daarnaast vragen de leden van de Volt-fractie ...": a connective, then the members.
        if connectives.contains(where: { Bytes.hasPrefix(bytes, at: 0, $0, ignoringCase: true) })
            && Bytes.contains(bytes.prefix(70), "leden", ignoringCase: true) { return true }
        // "De antwoorden ... zijn onvoldoende. De leden van de SP-fractie zien ...": the members speak.
        if Bytes.contains(bytes.prefix(200), ". De leden van de") { return true }
        if containsQuestionMark(paragraph) {
            if questionOpeners.contains(where: { Bytes.hasPrefix(bytes, at: 0, $0, ignoringCase: true) }) { return true }
            if Bytes.contains(bytes.prefix(90), "leden", ignoringCase: true) && !Bytes.hasPrefix(bytes, at: 0, "In ", ignoringCase: false) { return true }
        }
        return false
    }

    static func saysNoQuestions(_ paragraph: Paragraph) -> Bool {
        let text = paragraph.clean.bytes
        return ["geen verdere vragen", "geen vragen", "geen aanvullende vragen", "geen opmerkingen"].contains { Bytes.contains(text, $0, ignoringCase: true) }
    }
}

extension String {
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "*" { text.removeFirst() }
        while let last = text.last, last == " " || last == "*" || last == "." || last == ":" { text.removeLast() }
        return String(text)
    }
}
