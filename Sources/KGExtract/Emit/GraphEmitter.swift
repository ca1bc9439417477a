import KGModel

/// Turns a `DocumentAnalysis` into graph facts with provenance: the document, its reports' faction
/// sections, questions and answers, passages, and every mention resolved to a canonical node.
/// Resolution uses the document's own content first, then the corpus context, and keeps what it
/// cannot resolve visible as `Mention` nodes.
struct GraphEmitter {
    let analysis: DocumentAnalysis
    let rules: ExtractionRules
    let context: CorpusContext
    var facts: FactCollector
    var findings: [Finding] = []
    let documentID: NodeID
    let documentHex: String

    /// The node each paragraph's mentions hang from (question, answer or passage).
    var owner: [Int: NodeID] = [:]
    /// The owner `ensureOwnerNode` saw last (its node exists, or it is not a passage).
    var ensuredOwner: NodeID?
    /// Meetings found in this document: id and span, for resolving partial dates.
    var meetings: [(id: NodeID, body: String, from: Day, to: Day)] = []
    /// Motions named so far in this document, in order.
    var motions: [(members: [String], id: NodeID)] = []
    /// Kamerstuk numbers of motions, by their members (see `collectMotionNumbers`).
    var numberedMotions: [Set<String>: CanonicalID] = [:]
    /// The meeting the document is about.
    var subjectMeeting: NodeID?
    /// Persons who signed, by office.
    var signers: [(office: String, person: NodeID, name: String, provenance: Provenance)] = []
    /// Who each report is addressed to (those who answer it; report 0 is the letter: its signatories),
    /// with their offices: what a bare "de minister" in that report means.
    var addressed: [Int: [(person: NodeID, office: String)]] = [:]
    /// Bare office mentions that could not be told apart, per report and role (one finding each).
    var ambiguousAddressed: Set<String> = []

    init(analysis: DocumentAnalysis, rules: ExtractionRules, context: CorpusContext) {
        self.analysis = analysis
        self.rules = rules
        self.context = context
        facts = FactCollector(textBytes: analysis.input.text.count)
        documentID = analysis.input.documentID
        documentHex = String(analysis.input.sha256.prefix(16))
    }

    // MARK: - Provenance

    func provenance(paragraph: Int, _ range: Range<Int>, rule: String, confidence: Double = 1.0) -> Provenance {
        let span = analysis.span(analysis.paragraphs[paragraph].clean, range)
        return Provenance(document: analysis.input.sha256, line: span.line, offset: span.offset, text: span.text, rule: rule, confidence: confidence)
    }

    func provenance(footnote: Int, _ range: Range<Int>, rule: String, confidence: Double = 1.0) -> Provenance {
        let span = analysis.span(analysis.footnotes[footnote].clean, range)
        return Provenance(document: analysis.input.sha256, line: span.line, offset: span.offset, text: span.text, rule: rule, confidence: confidence)
    }

    func wholeParagraph(_ paragraph: Int, rule: String, confidence: Double = 1.0) -> Provenance {
        provenance(paragraph: paragraph, 0..<analysis.paragraphs[paragraph].clean.bytes.count, rule: rule, confidence: confidence)
    }

    /// The opening of a paragraph (to its first sentence end, at most ~120 bytes, at a word edge): the
    /// span edges about the whole paragraph point at, so records do not repeat whole paragraphs.
    func leadSpan(_ paragraph: Int, rule: String, confidence: Double = 1.0) -> Provenance {
        let bytes = analysis.paragraphs[paragraph].clean.bytes
        var end = min(bytes.count, 120)
        if let stop = bytes.prefix(end).firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "?") }) {
            end = stop + 1
        } else if end < bytes.count {
            while end > 20 && bytes[end] != 0x20 { end -= 1 }
        }
        return provenance(paragraph: paragraph, 0..<end, rule: rule, confidence: confidence)
    }

    /// A short excerpt of a paragraph's clean text.
    func excerpt(_ paragraphs: [Int], limit: Int = 600) -> String {
        var joined: [UInt8] = []
        for (k, paragraph) in paragraphs.enumerated() {
            if k > 0 { joined.append(0x20) }
            joined += analysis.paragraphs[paragraph].clean.bytes
        }
        // Decoded once, as the paragraphs' strings joined (a space ends any broken UTF-8 sequence).
        var text = String(decoding: joined, as: UTF8.self)
        if text.utf8.count > limit {
            var cut = limit
            let bytes = Array(text.utf8)
            while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            text = String(decoding: bytes[0..<cut], as: UTF8.self) + "…"
        }
        return text
    }

    mutating func finding(_ severity: Finding.Severity, paragraph: Int?, _ message: String) {
        var line = 0, offset = 0
        if let paragraph, paragraph < analysis.paragraphs.count {
            let span = analysis.span(analysis.paragraphs[paragraph].clean, 0..<min(1, analysis.paragraphs[paragraph].clean.bytes.count))
            line = span.line
            offset = span.offset
        }
        findings.append(Finding(severity, line: line, offset: offset, message))
    }

    // MARK: - Run

    mutating func run() -> GraphBatch {
        emitDocument()
        emitSignatures()
        collectMeetings()
        emitSubjectMeeting()
        emitStructure()
        collectMotionNumbers()
        emitMentions()
        emitFootnotes()
        emitPublicationLinks()
        emitIdentity()
        return facts.batch
    }

    /// A lower-case ASCII slug: letters and digits, accents folded (ş -> s, ë -> e), anything else a
    /// single hyphen: "Yeşilgöz-Zegerius" -> "yesilgoz-zegerius", "Van der Burg" -> "van-der-burg".
    static func slug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            var folded: UInt8?
            let value = scalar.value
            if value < 0x80 {
                let b = UInt8(value)
                if Bytes.isUpper(b) || Bytes.isLower(b) || Bytes.isDigit(b) { folded = Bytes.lower(b) }
            } else if let ascii = GraphEmitter.accentFolding[value] {
                folded = ascii
            }
            if let folded {
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(folded)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Latin letters with diacritics -> their base letter (lower case).
    static let accentFolding: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        let groups: [(String, Character)] = [("àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "a"), ("çćĉċčÇĆĈĊČ", "c"), ("ďđĎĐ", "d"), ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "e"),
                                             ("ĝğġģĜĞĠĢ", "g"), ("ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "i"), ("ñńņňÑŃŅŇ", "n"), ("òóôõöøōŏőÒÓÔÕÖØŌŎŐ", "o"),
                                             ("ŕřŔŘ", "r"), ("śŝşšŚŜŞŠ", "s"), ("ţťŢŤ", "t"), ("ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "u"), ("ýÿŷÝŸŶ", "y"),
                                             ("źżžŹŻŽ", "z")]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { map[scalar.value] = base.asciiValue! }
        }
        return map
    }()}
