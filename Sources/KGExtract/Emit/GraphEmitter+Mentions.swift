import KGModel

/// Mentions become edges from the passage, question or answer they stand in: citations (`cites`),
/// meetings, motions, offices, countries and acts by name (`refers_to`). Footnote mentions hang
/// from the paragraph whose marker points to the footnote.
extension GraphEmitter {
    // MARK: Meetings

    /// Registers every fully dated meeting of the document, so partial dates can find them.
    mutating func collectMeetings() {
        for (paragraph, mentions) in analysis.paragraphMentions.enumerated() {
            for mention in mentions {
                guard case .meeting(let ref) = mention.target, let date = ref.date, !date.days.isEmpty,
                      let from = date.firstDay(relativeTo: analysis.date), let to = date.lastDay(relativeTo: analysis.date) else { continue }
                let id = NodeID(trusted: "meeting-\(ref.body)-\(from.iso)")
                if let index = meetings.firstIndex(where: { $0.id == id }) {
                    if to > meetings[index].to { meetings[index].to = to }
                } else {
                    meetings.append((id, ref.body, from, to))
                }
                _ = paragraph
            }
        }
    }

    /// The meeting a mention names: its own dates, or for a partial date ("de JBZ-Raad van juni jl.",
    /// "de JBZ-Raad van 14 juni") the known meeting of that body whose days contain it.
    func meetingID(_ mention: Mention, paragraph: Int?) -> NodeID? {
        guard case .meeting(let ref) = mention.target, let date = ref.date else { return nil }
        let known = meetings.map { CorpusContext.MeetingEntry(id: $0.id, body: $0.body, from: $0.from, to: $0.to) } + context.meetings
        if date.days.isEmpty {
            guard let year = date.resolvedYear(relativeTo: analysis.date) else { return nil }
            let inMonth = known.filter { $0.body == ref.body && $0.from.components.year == year && $0.from.components.month == date.month }
            return Set(inMonth.map(\.id)).count == 1 ? inMonth[0].id : nil
        }
        guard let first = date.firstDay(relativeTo: analysis.date) else { return nil }
        if let containing = known.first(where: { $0.body == ref.body && $0.from <= first && first <= $0.to }) { return containing.id }
        return NodeID(trusted: "meeting-\(ref.body)-\(first.iso)")
    }

    mutating func emitMeeting(_ mention: Mention, id: NodeID, provenance: Provenance) {
        guard case .meeting(let ref) = mention.target else { return }
        var properties: Properties = ["body": .string(ref.bodyName)]
        if let date = ref.date, !date.days.isEmpty, id.rawValue.hasSuffix(date.firstDay(relativeTo: analysis.date)?.iso ?? "-") {
            if let from = date.firstDay(relativeTo: analysis.date) { properties["date"] = .date(from) }
            if let to = date.lastDay(relativeTo: analysis.date), date.days.count > 1 { properties["endDate"] = .date(to) }
        }
        properties["name"] = .string((ref.informal ? "informele " : "") + (ref.extra ? "extra ingelaste " : "") + ref.bodyName)
        if ref.informal { properties["informal"] = .bool(true) }
        if let place = ref.place { properties["place"] = .string(place) }
        facts.node(id, [.meeting], properties, provenance)
        if ref.informal { facts.set(id, "informal", .bool(true)) }
    }

    // MARK: Mentions

    mutating func emitMentions() {
        for (paragraph, mentions) in analysis.paragraphMentions.enumerated() where !mentions.isEmpty {
            guard let from = owner[paragraph] ?? fallbackOwner(paragraph) else { continue }
            for (index, mention) in mentions.enumerated() {
                let prov = provenance(paragraph: paragraph, mention.range, rule: mention.rule, confidence: mention.confidence)
                emit(mention, from: from, provenance: prov, paragraph: paragraph, following: mentions[(index + 1)...],
                     clean: analysis.paragraphs[paragraph].clean, footnoteVia: nil)
            }
        }
    }

    /// Paragraphs outside questions, answers and known passages (page headers, headings) still
    /// get a passage when they mention something.
    mutating func fallbackOwner(_ paragraph: Int) -> NodeID? {
        let kind = analysis.paragraphs[paragraph].kind
        guard kind == .text || kind == .heading else { return nil }
        let id = NodeID(trusted: "passage-\(documentHex)-\(paragraph)")
        owner[paragraph] = id
        return id
    }

    /// Makes sure a passage node exists (created on its first edge).
    mutating func ensureOwnerNode(_ id: NodeID, paragraph: Int) {
        // Mentions of one paragraph share their owner: the last one made sure of needs no lookup.
        guard id != ensuredOwner else { return }
        ensuredOwner = id
        guard id.rawValue.hasPrefix("passage-"), !facts.hasNode(id) else { return }
        let prov = wholeParagraph(paragraph, rule: "passage")
        facts.node(id, [.passage], ["text": .string(excerpt([paragraph])), "report": .int(Int64(analysis.paragraphs[paragraph].report))], prov)
        facts.edge(documentID, .contains, id, ["report": .int(Int64(analysis.paragraphs[paragraph].report))], leadSpan(paragraph, rule: "contains.passage"))
    }

    mutating func emit(_ mention: Mention, from: NodeID, provenance prov: Provenance, paragraph: Int, following: ArraySlice<Mention>,
                       clean: CleanText, footnoteVia: Int?) {
        var edgeProperties: Properties = [:]
        if let footnoteVia { edgeProperties["via"] = .string("footnote \(footnoteVia)") }
        switch mention.target {
        case .citation(let ids, let kind, let note):
            guard !ids.isEmpty else {
                emitUnresolved(mention, from: from, provenance: prov, paragraph: paragraph, kind: "citation",
                               reason: note ?? "a \(kind) citation without enough to make an id")
                return
            }
            ensureOwnerNode(from, paragraph: paragraph)
            for id in ids {
                emitCitedNode(id, provenance: prov, listTitle: footnoteVia == nil && analysis.paragraphs[paragraph].listItem ? listTitle(clean, mention) : nil)
                facts.edge(from, .cites, id.nodeID, edgeProperties, prov)
            }
        case .meeting:
            guard let id = meetingID(mention, paragraph: paragraph) else {
                emitUnresolved(mention, from: from, provenance: prov, paragraph: paragraph, kind: "meeting",
                               reason: "a meeting named by month only, with no known meeting of that body in that month")
                return
            }
            ensureOwnerNode(from, paragraph: paragraph)
            emitMeeting(mention, id: id, provenance: prov)
            facts.edge(from, .refersTo, id, edgeProperties, prov)
        case .office(let offices):
            for office in offices {
                let holders = holders(of: office)
                guard holders.count == 1 else {
                    emitUnresolved(mention, from: from, provenance: prov, paragraph: paragraph, kind: "office",
                                   reason: holders.isEmpty ? "nobody held \(office) on the document date" : "\(holders.count) people held \(office) on the document date")
                    continue
                }
                ensureOwnerNode(from, paragraph: paragraph)
                let person = NodeID(trusted: holders[0].personID)
                facts.node(person, [.minister], ["name": .string(holders[0].name), "fullName": .string(holders[0].fullName)], prov)
                var properties = edgeProperties
                properties["office"] = .string(office)
                facts.edge(from, .refersTo, person, properties, prov)
            }
        case .addressedOffice(let role):
            let report = analysis.paragraphs[paragraph].report
            let candidates = (addressed[report] ?? addressed[0] ?? []).filter { $0.office.hasPrefix(role + " ") }
            let people = candidates.reduce(into: [NodeID]()) { if !$0.contains($1.person) { $0.append($1.person) } }
            guard people.count == 1, let holder = candidates.first else {
                emitAmbiguousAddressee(role: role, people: people, report: report, from: from, provenance: prov, paragraph: paragraph)
                return
            }
            ensureOwnerNode(from, paragraph: paragraph)
            var properties = edgeProperties
            properties["office"] = .string(holder.office)
            facts.edge(from, .refersTo, holder.person, properties, prov)
        case .motion(let ref):
            guard let id = resolveMotion(ref, mention: mention, following: following, clean: clean, paragraph: paragraph, provenance: prov) else {
                // "de motie over ..." with no motion named before is a description, not a reference back;
                // "deze motie" with nothing before it is worth a look.
                if !prov.text.lowercased().hasPrefix("de ") {
                    emitUnresolved(mention, from: from, provenance: prov, paragraph: paragraph, kind: "motion", reason: "refers back to a motion, but none was named before")
                }
                return
            }
            ensureOwnerNode(from, paragraph: paragraph)
            facts.edge(from, .refersTo, id, edgeProperties, prov)
        case .country(let iso, let name):
            ensureOwnerNode(from, paragraph: paragraph)
            let country = rules.countryNode(iso: iso, name: name)
            facts.node(country.id, [.country], country.properties, prov)
            facts.edge(from, .refersTo, country.id, edgeProperties, prov)
        case .regulation(let id, let name):
            ensureOwnerNode(from, paragraph: paragraph)
            let node = NodeID(trusted: id)
            emitRegulation(node, name: name, provenance: prov)
            facts.edge(from, .refersTo, node, edgeProperties, prov)
        }
    }

    /// A mention the resolver could not place stays visible as a `Mention` node.
    mutating func emitUnresolved(_ mention: Mention, from: NodeID, provenance prov: Provenance, paragraph: Int, kind: String, reason: String) {
        ensureOwnerNode(from, paragraph: paragraph)
        let id = NodeID(trusted: "unresolved-\(documentHex)-\(prov.offset)")
        facts.node(id, [.mention], ["text": .string(prov.text), "kind": .string(kind), "reason": .string(reason)], prov)
        facts.edge(from, .refersTo, id, ["resolved": .bool(false)], prov)
        findings.append(Finding(.info, line: prov.line, offset: prov.offset, "unresolved \(kind) \(Escaping.quoted(prov.text)): \(reason)"))
    }

    /// A bare "de minister" in a report that several ministers answer (or none): one `Mention` node
    /// per report and role, which every such passage refers to, and one finding.
    mutating func emitAmbiguousAddressee(role: String, people: [NodeID], report: Int, from: NodeID, provenance prov: Provenance, paragraph: Int) {
        ensureOwnerNode(from, paragraph: paragraph)
        let id = NodeID(trusted: "unresolved-\(documentHex)-de-\(role)-\(report)")
        let names = people.map { $0.rawValue.replacingOccurrences(of: "person-", with: "") }.joined(separator: ", ")
        let reason = people.isEmpty
            ? "nobody who answers \(report == 0 ? "this letter" : "report \(report)") is a \(role)"
            : "\(people.count) \(role)s answer \(report == 0 ? "this letter" : "report \(report)") (\(names)): \"de \(role)\" does not say which"
        facts.node(id, [.mention], ["text": .string("de \(role)"), "kind": .string("office"), "reason": .string(reason),
                                    "candidates": .list(people.map { .string($0.rawValue) })], prov)
        facts.edge(from, .refersTo, id, ["resolved": .bool(false)], prov)
        if ambiguousAddressed.insert(id.rawValue).inserted {
            findings.append(Finding(.info, line: prov.line, offset: prov.offset, "unresolved office \"de \(role)\": \(reason)"))
        }
    }

    // MARK: Cited things

    /// "- Geannoteerde agenda JBZ-Raad 19 en 20 oktober 2023 (Kamerstuk 32317, nr. 855)": the title
    /// before the parenthesis names the paper.
    func listTitle(_ clean: CleanText, _ mention: Mention) -> String? {
        let bytes = clean.bytes
        guard mention.range.lowerBound >= 2, bytes[mention.range.lowerBound - 1] == UInt8(ascii: "(") || bytes[mention.range.lowerBound - 2] == UInt8(ascii: "(") else { return nil }
        guard let open = bytes[..<mention.range.lowerBound].lastIndex(of: UInt8(ascii: "(")) else { return nil }
        let title = String(decoding: bytes[..<open], as: UTF8.self).trimmingWhitespace()
        guard title.count >= 10, title.count <= 200, !title.contains(". ") else { return nil }
        return title
    }

    mutating func emitCitedNode(_ id: CanonicalID, provenance: Provenance, listTitle: String?) {
        switch id {
        case .kamerstuk:
            emitKamerstuk(id, title: listTitle, provenance: provenance)
        case .aanhangsel(_, let year, let number):
            facts.node(id.nodeID, [.aanhangsel], ["year": .string(year), "number": .string(number)], provenance)
        case .handelingen(_, let year, let meeting, let item):
            facts.node(id.nodeID, [.handelingen], ["year": .string(year), "meeting": .string(meeting), "item": .string(item)], provenance)
        case .zaak(let number):
            facts.node(id.nodeID, [.zaak], ["number": .string(number)], provenance)
        case .dossier(let number, let suffix):
            var properties: Properties = ["number": .string(number)]
            if let suffix { properties["suffix"] = .string(suffix) }
            facts.node(id.nodeID, [.dossier], properties, provenance)
        case .staatsblad(let year, let number):
            facts.node(id.nodeID, [.staatsblad], ["year": .string(year), "number": .string(number)], provenance)
        case .celex:
            let name = rules.act(id.description)?.aliases.first
            emitRegulation(id.nodeID, name: name, provenance: provenance)
        default:
            facts.node(id.nodeID, [], [:], provenance)
        }
    }

    mutating func emitRegulation(_ id: NodeID, name: String?, provenance: Provenance) {
        var properties: Properties = [:]
        if let known = rules.actProperties[id.rawValue] {
            properties = known
        } else if let name {
            properties["name"] = .string(name)
        }
        facts.node(id, [.regulation], properties, provenance)
    }

    /// A Kamerstuk, its dossier, and what its title says it is (the agenda or report of a meeting).
    mutating func emitKamerstuk(_ id: CanonicalID, title: String?, provenance: Provenance) {
        guard case .kamerstuk(let dossier, let suffix, let number) = id else { return }
        var properties: Properties = ["dossier": .string(dossier), "number": .string(number)]
        if let suffix { properties["suffix"] = .string(suffix) }
        if let title { properties["title"] = .string(title) }
        facts.node(id.nodeID, [.kamerstuk], properties, provenance)
        if let dossierID = id.dossier {
            var dossierProperties: Properties = ["number": .string(dossier)]
            if let suffix { dossierProperties["suffix"] = .string(suffix) }
            facts.node(dossierID.nodeID, [.dossier], dossierProperties, provenance)
            facts.edge(id.nodeID, .partOf, dossierID.nodeID, [:], provenance)
        }
        guard let title else { return }
        let bytes = Array(title.utf8)
        let words = WordTokens(bytes)
        // The paper is the agenda or report of a meeting only when its title says so first
        // ("Geannoteerde agenda JBZ-Raad ...", "Verslag JBZ-Raad ..."), not "Antwoorden op vragen over de agenda".
        guard let meeting = MeetingFinder.find(words, bytes).first, case .meeting(let ref) = meeting.target,
              let paper = ref.paper, meeting.range.lowerBound == 0, let meetingID = meetingID(meeting, paragraph: nil) else { return }
        facts.set(id.nodeID, "paper", .string(paper))
        facts.set(id.nodeID, "paperMeeting", .string(meetingID.rawValue))
        emitMeeting(meeting, id: meetingID, provenance: provenance)
        facts.edge(id.nodeID, .about, meetingID, [:], provenance)
        // A document ingested earlier that is this paper (the report of the same meeting).
        if paper == "verslag", let document = context.documentPapers.first(where: { $0.paper == paper && $0.meeting == meetingID }) {
            facts.edge(document.id, .sameAs, id.nodeID, ["rule": .string("identified-by-content"), "meeting": .string(meetingID.rawValue)],
                       Provenance(document: provenance.document, line: provenance.line, offset: provenance.offset, text: provenance.text,
                                  rule: "identity.content", confidence: 0.8))
        }
    }

    // MARK: Motions

    /// The Kamerstuk number a motion phrase gives: a citation in brackets right after it
    /// ("(Kamerstuk 26643, nr. 1011)"), or the only Kamerstuk its footnote cites ("Motie Veldkamp c.s.12").
    func motionNumber(_ ref: MotionRef, following: ArraySlice<Mention>, clean: CleanText, paragraph: Int) -> CanonicalID? {
        if let next = following.first, case .citation(let ids, let kind, _) = next.target, kind == "kamerstuk",
           next.range.lowerBound - ref.phraseEnd <= 3, ids.count == 1 {
            return ids[0]
        }
        // "de motie van het lid Kuik over een pilot ... (Kamerstuk 29754, nr. 658)": the first citation in
        // brackets later in the same sentence, with no other motion in between.
        for next in following {
            if case .motion = next.target { break }
            guard case .citation(let ids, let kind, _) = next.target else { continue }
            guard kind == "kamerstuk", ids.count == 1, next.range.lowerBound > ref.phraseEnd,
                  next.range.lowerBound - ref.phraseEnd <= 240 else { break }
            var gap = Array(clean.bytes[ref.phraseEnd..<next.range.lowerBound])
            if gap.first == UInt8(ascii: ".") { gap.removeFirst() }   // "c.s."
            while gap.last == 0x20 { gap.removeLast() }
            let endsSentence = gap.indices.contains { i in
                (gap[i] == UInt8(ascii: ".") || gap[i] == UInt8(ascii: ";")) && i + 1 < gap.count && gap[i + 1] == 0x20
            }
            if gap.last == UInt8(ascii: "(") && !endsSentence { return ids[0] }
            break
        }
        if let marker = clean.markers.first(where: { $0.at >= ref.phraseEnd && $0.at <= ref.phraseEnd + 1 }) {
            let report = analysis.paragraphs[paragraph].report
            if let footnote = analysis.footnotes.firstIndex(where: { $0.report == report && $0.number == marker.number }) {
                let cited = analysis.footnoteMentions[footnote].compactMap { m -> CanonicalID? in
                    if case .citation(let ids, let kind, _) = m.target, kind == "kamerstuk", ids.count == 1 { return ids[0] }
                    return nil
                }
                if cited.count == 1 { return cited[0] }
            }
        }
        return nil
    }

    static func memberKey(_ members: [String]) -> Set<String> { Set(members.map { slug($0) }) }

    /// Numbers of the motions this document identifies, by their members, so that every mention of
    /// the same motion (also those before the numbered one) gets the number.
    mutating func collectMotionNumbers() {
        for (paragraph, mentions) in analysis.paragraphMentions.enumerated() {
            for (index, mention) in mentions.enumerated() {
                guard case .motion(let ref) = mention.target, !ref.anaphoric, !ref.plural,
                      let number = motionNumber(ref, following: mentions[(index + 1)...], clean: analysis.paragraphs[paragraph].clean,
                                                paragraph: paragraph) else { continue }
                let key = GraphEmitter.memberKey(ref.members)
                if numberedMotions[key] == nil { numberedMotions[key] = number }
            }
        }
    }

    /// A motion's node: the Kamerstuk number that follows it (in brackets or through its footnote),
    /// else the number this document gives the same members' motion elsewhere, else an earlier motion
    /// of the same members in the corpus, else a new `motion-<members>` node.
    mutating func resolveMotion(_ ref: MotionRef, mention: Mention, following: ArraySlice<Mention>, clean: CleanText, paragraph: Int,
                                provenance: Provenance) -> NodeID? {
        if ref.anaphoric { return motions.last?.id }
        let key = GraphEmitter.memberKey(ref.members)
        var rule = mention.rule
        var kamerstuk = motionNumber(ref, following: following, clean: clean, paragraph: paragraph)
        if kamerstuk == nil, !ref.plural, let number = numberedMotions[key] {
            kamerstuk = number
            rule += ".numbered-elsewhere-in-document"
        }
        let id: NodeID
        if let kamerstuk {
            id = kamerstuk.nodeID
        } else if let earlier = context.motions.last(where: { $0.key == key }) {
            id = earlier.id
            rule += ".corpus"
        } else {
            id = NodeID(trusted: "motion-" + ref.members.map { GraphEmitter.slug($0) }.joined(separator: "-"))
        }
        let prov = Provenance(document: provenance.document, line: provenance.line, offset: provenance.offset, text: provenance.text,
                              rule: rule, confidence: provenance.confidence)
        if let kamerstuk { emitKamerstuk(kamerstuk, title: nil, provenance: prov) }
        var labels: [Label] = [.motion]
        if id.rawValue.hasPrefix("kst-") { labels.append(.kamerstuk) }
        facts.node(id, labels, ["members": .list(ref.members.map { .string($0) })], prov)
        for member in ref.members {
            let person = memberID(member)
            facts.node(person, [.member], ["name": .string(member)], prov)
            facts.edge(id, .filedBy, person, ref.coSigners ? ["cosigners": .bool(true)] : [:], prov)
        }
        // An earlier document named this motion without its number: the same motion.
        if id.rawValue.hasPrefix("kst-") {
            let stub = NodeID(trusted: "motion-" + ref.members.map { GraphEmitter.slug($0) }.joined(separator: "-"))
            if context.motions.contains(where: { $0.id == stub }) {
                facts.edge(stub, .sameAs, id, ["rule": .string("same-members")], prov)
            }
        }
        motions.append((ref.members, id))
        return id
    }

    /// A member's node: the reference person with that surname, else `person-<surname>`.
    func memberID(_ surname: String) -> NodeID {
        let slug = GraphEmitter.slug(surname)
        if let person = rules.personBySlug[slug] { return NodeID(trusted: rules.reference.persons[person].personID) }
        return NodeID(trusted: "person-" + slug)
    }

    // MARK: Footnotes

    /// Footnote mentions hang from the question, answer or passage holding the footnote's marker.
    mutating func emitFootnotes() {
        for marker in analysis.markers where !analysis.footnotes.contains(where: { $0.report == marker.report && $0.number == marker.number }) {
            let clean = analysis.paragraphs[marker.paragraph].clean
            let at = clean.markers.first { $0.number == marker.number }?.at ?? 0
            let span = analysis.span(clean, at..<min(at + 1, clean.bytes.count))
            findings.append(Finding(.info, line: span.line, offset: span.offset,
                                    "footnote marker \(marker.number) has no footnote text in the document (lost in conversion?)"))
        }
        for (index, footnote) in analysis.footnotes.enumerated() {
            let mentions = analysis.footnoteMentions[index]
            guard !mentions.isEmpty else { continue }
            let marker = analysis.markerOf[DocumentAnalysis.FootnoteKey(report: footnote.report, number: footnote.number)]
            var from: NodeID
            var paragraph: Int
            if let marker, let owner = owner[marker.paragraph] ?? fallbackOwner(marker.paragraph) {
                from = owner
                paragraph = marker.paragraph
            } else {
                from = documentID
                paragraph = 0
                findings.append(Finding(.info, line: analysis.span(footnote.clean, 0..<1).line, offset: analysis.span(footnote.clean, 0..<1).offset,
                                        "footnote \(footnote.number) has no marker in the text; its citations are attached to the document"))
            }
            for (k, mention) in mentions.enumerated() {
                let prov = provenance(footnote: index, mention.range, rule: mention.rule, confidence: mention.confidence)
                if case .motion = mention.target { continue }   // motions in footnotes are named in the text
                if from == documentID, case .citation(let ids, _, _) = mention.target {
                    for id in ids {
                        emitCitedNode(id, provenance: prov, listTitle: nil)
                        facts.edge(documentID, .cites, id.nodeID, ["via": .string("footnote \(footnote.number)")], prov)
                    }
                    continue
                }
                emit(mention, from: from, provenance: prov, paragraph: paragraph, following: mentions[(k + 1)...],
                     clean: footnote.clean, footnoteVia: footnote.number)
            }
        }
    }

    // MARK: Publication links

    /// The official XML's `<extref doc="kst-...">` links are citations taken as given: the passage,
    /// question or answer holding the link cites its target.
    mutating func emitPublicationLinks() {
        guard let links = analysis.input.publication?.links else { return }
        for link in links {
            guard let id = CanonicalID.parse(link.target) else { continue }
            let span = analysis.span(textRange: link.textRange)
            let prov = Provenance(document: analysis.input.sha256, line: span.line, offset: span.offset, text: span.text,
                                  rule: "xml.extref", confidence: 1.0)
            var from = documentID
            if let paragraph = analysis.paragraph(holding: link.textRange.lowerBound), let owner = owner[paragraph] ?? fallbackOwner(paragraph) {
                from = owner
                ensureOwnerNode(owner, paragraph: paragraph)
            }
            emitCitedNode(id, provenance: prov, listTitle: nil)
            facts.edge(from, .cites, id.nodeID, ["rule": .string("xml.extref")], prov)
        }
    }
}
