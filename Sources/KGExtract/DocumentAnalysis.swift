import KGModel

/// Everything the extractor found in one document before it becomes graph facts: the paragraphs and
/// footnotes, the layout (reports, sections, questions, answers), the header, and the mentions in
/// each paragraph and footnote. `kg extract --dump segments|mentions` prints it.
struct DocumentAnalysis {
    struct FootnoteKey: Hashable { var report: Int; var number: Int }

    let input: ExtractionInput
    let shape: SourceShape
    let paragraphs: [Paragraph]
    let footnotes: [Footnote]
    let markers: [FootnoteMarker]
    let layout: DocumentLayout
    let header: DocumentHeader
    var paragraphMentions: [[Mention]]
    var footnoteMentions: [[Mention]]
    /// The marker that points to each footnote (by report and number).
    var markerOf: [FootnoteKey: FootnoteMarker] = [:]
    let lines: SourceLines

    init(input: ExtractionInput, rules: ExtractionRules) {
        self.input = input
        shape = input.format == "xml" ? .markdown : SourceShape.detect(input.text)
        let segments = Segmenter(text: input.text, shape: shape).run()
        paragraphs = segments.paragraphs
        footnotes = segments.footnotes
        markers = segments.markers
        layout = DocumentLayout(paragraphs: paragraphs)
        // Each paragraph is split into words once, for the header and for the rules.
        let paragraphs = segments.paragraphs
        let tokens = paragraphs.map { WordTokens($0.clean.bytes) }
        header = DocumentHeader(text: input.text, paragraphs: paragraphs, tokens: tokens, layout: layout, offices: rules.offices)
        // The date chooses between acts that share a name ("Opvangrichtlijn" before and after its recast).
        let date = Self.date(header: header, input: input)
        paragraphMentions = paragraphs.indices.map { p in
            paragraphs[p].kind == .text || paragraphs[p].kind == .heading ? rules.mentions(in: paragraphs[p].clean.bytes, words: tokens[p], date: date) : []
        }
        footnoteMentions = footnotes.map { rules.mentions(in: $0.clean.bytes, date: date) }
        for marker in markers { markerOf[FootnoteKey(report: marker.report, number: marker.number)] = marker }
        lines = SourceLines(input.sourceBytes)
    }

    /// The source span of a clean range in a paragraph or footnote: offset, line and exact text.
    func span(_ clean: CleanText, _ range: Range<Int>) -> (offset: Int, line: Int, text: String) {
        let textRange = clean.textRange(range)
        let start = input.sourceOffset(textRange.lowerBound)
        let end = textRange.isEmpty ? start : input.sourceOffset(textRange.upperBound - 1) + 1
        let bytes = input.sourceBytes
        let safeStart = min(max(0, start), bytes.count), safeEnd = min(max(safeStart, end), bytes.count)
        return (safeStart, lines.line(of: safeStart), String(decoding: bytes[safeStart..<safeEnd], as: UTF8.self))
    }

    /// The source span of a range of the document text.
    func span(textRange: Range<Int>) -> (offset: Int, line: Int, text: String) {
        let start = input.sourceOffset(textRange.lowerBound)
        let end = textRange.isEmpty ? start : input.sourceOffset(textRange.upperBound - 1) + 1
        let bytes = input.sourceBytes
        let safeStart = min(max(0, start), bytes.count), safeEnd = min(max(safeStart, end), bytes.count)
        return (safeStart, lines.line(of: safeStart), String(decoding: bytes[safeStart..<safeEnd], as: UTF8.self))
    }

    /// The paragraph whose lines hold text offset `offset`, or the paragraph holding the marker of the
    /// footnote whose lines hold it.
    func paragraph(holding offset: Int) -> Int? {
        if let paragraph = paragraphs.first(where: { $0.lines.contains { $0.contains(offset) } }) { return paragraph.index }
        if let footnote = footnotes.first(where: { $0.lines.contains { $0.contains(offset) } }),
           let marker = markerOf[FootnoteKey(report: footnote.report, number: footnote.number)] {
            return marker.paragraph
        }
        return nil
    }

    /// The document date: the header's, else the publication's.
    var date: Day? { Self.date(header: header, input: input) }

    static func date(header: DocumentHeader, input: ExtractionInput) -> Day? { header.date?.value ?? input.publication?.date }
}

/// The rule set of an extractor, built once from the reference data.
struct ExtractionRules: Sendable {
    let reference: ReferenceData
    let offices: OfficeFinder
    let phrases: PhraseFinders
    /// The first act with each id (positions in `reference.acts`).
    let actByID: [String: Int]
    /// The properties of each act's `Regulation` node, by id (from the first act with the id).
    let actProperties: [String: Properties]
    /// Each country's node id and properties, by ISO code (made once, not per mention).
    let countryNodes: [String: (name: String, id: NodeID, properties: Properties)]
    /// The first other person with each name slug (positions in `reference.persons`).
    let personBySlug: [String: Int]
    /// Each minister term's alias, full-name and name slugs (parallel to `reference.ministers`).
    let ministerSlugs: [(aliases: [String], fullName: String, name: String)]
    /// The minister terms of each office, in reference order (positions in `reference.ministers`).
    let termsByOffice: [String: [Int]]
    /// Each faction's aliases, lower-cased (parallel to `reference.factions`).
    let factionAliasesLowered: [[String]]
    /// Every faction alias, for finding them inside a heading (payload: position in `reference.factions`).
    let factionAliases: PhraseMatcher<Int>

    init(reference: ReferenceData) {
        self.reference = reference
        offices = OfficeFinder(reference: reference)
        phrases = PhraseFinders(reference: reference)
        var actByID: [String: Int] = [:]
        for (index, act) in reference.acts.enumerated() where actByID[act.id] == nil { actByID[act.id] = index }
        self.actByID = actByID
        var countryNodes: [String: (name: String, id: NodeID, properties: Properties)] = [:]
        for country in reference.countries where countryNodes[country.iso] == nil {
            countryNodes[country.iso] = (country.name, ExtractionRules.countryID(country.iso),
                                         ["name": .string(country.name), "iso": .string(country.iso)])
        }
        self.countryNodes = countryNodes
        actProperties = actByID.mapValues { index in
            let act = reference.acts[index]
            var properties: Properties = ["name": .string(act.aliases.first ?? act.title), "kind": .string(act.kind)]
            if !act.title.isEmpty { properties["title"] = .string(act.title) }
            if !act.number.isEmpty { properties["number"] = .string(act.number) }
            return properties
        }
        var personBySlug: [String: Int] = [:]
        for (index, person) in reference.persons.enumerated() {
            let slug = GraphEmitter.slug(person.name)
            if personBySlug[slug] == nil { personBySlug[slug] = index }
        }
        self.personBySlug = personBySlug
        ministerSlugs = reference.ministers.map { term in
            (term.aliases.map(GraphEmitter.slug), GraphEmitter.slug(term.fullName), GraphEmitter.slug(term.name))
        }
        var termsByOffice: [String: [Int]] = [:]
        for (index, term) in reference.ministers.enumerated() { termsByOffice[term.office, default: []].append(index) }
        self.termsByOffice = termsByOffice
        factionAliasesLowered = reference.factions.map { $0.aliases.map { $0.lowercased() } }
        var factionAliases = PhraseMatcher<Int>()
        for (index, faction) in reference.factions.enumerated() {
            for alias in faction.aliases { factionAliases.add(alias, index, caseSensitive: alias.count <= 3) }
        }
        self.factionAliases = factionAliases
    }

    /// The node id and properties of the country a mention names.
    func countryNode(iso: String, name: String) -> (id: NodeID, properties: Properties) {
        if let known = countryNodes[iso], known.name == name { return (known.id, known.properties) }
        return (ExtractionRules.countryID(iso), ["name": .string(name), "iso": .string(iso)])
    }

    static func countryID(_ iso: String) -> NodeID { CanonicalID.country(iso).nodeID }

    /// The first act with id `id`.
    func act(_ id: String) -> ReferenceData.Act? { actByID[id].map { reference.acts[$0] } }

    /// All mentions in one clean text of a document dated `date`, in text order.
    func mentions(in clean: [UInt8], date: Day? = nil) -> [Mention] {
        mentions(in: clean, words: WordTokens(clean), date: date)
    }

    /// All mentions in one clean text whose words are `words`, of a document dated `date`, in text order.
    func mentions(in clean: [UInt8], words: WordTokens, date: Day? = nil) -> [Mention] {
        guard !clean.isEmpty else { return [] }
        let citations = CitationRules.find(clean)
        var found = citations
        found += MeetingFinder.find(words, clean)
        found += offices.find(words, clean)
        found += MotionFinder.find(words, clean)
        found += phrases.countries(words, clean)
        // An act named by its number is a citation; its alias match over the same words is dropped.
        found += phrases.regulations(words, clean, date: date).filter { alias in !citations.contains { $0.range.overlaps(alias.range) } }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
