import KGModel

/// The document node, its signatures, its subject meeting and its identity as a Kamerstuk.
extension GraphEmitter {
    mutating func emitDocument() {
        let input = analysis.input
        let header = analysis.header
        var properties: Properties = [
            "file": .string(input.fileName), "sha256": .string(input.sha256),
            "format": .string(input.format.isEmpty ? analysis.shape.rawValue : input.format),
            "reports": .int(Int64(analysis.layout.reports.count)),
        ]
        var provenance: Provenance?
        if let publication = input.publication, !publication.title.isEmpty {
            properties["title"] = .string(publication.title)
        } else if let subject = header.subject {
            properties["title"] = .string(subject.value)
            provenance = self.provenance(paragraph: subject.paragraph, subject.range, rule: "document.subject")
        } else if let title = header.statedTitle, let stated = header.statedKamerstuk {
            properties["title"] = .string(title)
            provenance = wholeParagraph(stated.paragraph, rule: "document.stated-title", confidence: 0.9)
        } else if let opening = analysis.paragraphs.first(where: { Bytes.hasPrefix($0.clean.bytes, at: 0, "Hierbij ") })
                    ?? analysis.paragraphs.first(where: { $0.kind == .text && $0.clean.bytes.count > 40 }) {
            // No subject line: what the letter's opening sentence offers ("Hierbij bieden wij uw Kamer
            // ... het verslag aan van de bijeenkomst van de ... op 13 en 14 juni 2024"), else the sentence.
            let bytes = opening.clean.bytes
            var end = bytes.firstIndex(of: UInt8(ascii: ".")).map { $0 + 1 } ?? bytes.count
            if end > 300 { end = 300 }
            while end < bytes.count && end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if let offered = Self.offeredReport(in: Array(bytes[0..<end])) {
                properties["title"] = .string(offered.title)
                provenance = self.provenance(paragraph: opening.index, offered.range, rule: "document.offered-report", confidence: 0.8)
            } else {
                properties["title"] = .string(String(decoding: bytes[0..<end], as: UTF8.self))
                provenance = self.provenance(paragraph: opening.index, 0..<end, rule: "document.opening-sentence", confidence: 0.5)
            }
        }
        if let date = analysis.date {
            properties["date"] = .date(date)
            if let located = header.date {
                let dateProvenance = self.provenance(paragraph: located.paragraph, located.range, rule: "document.date")
                facts.node(documentID, [.document], [:], dateProvenance)
            }
        }
        if let chamber = header.chamber?.value ?? input.publication?.chamber { properties["chamber"] = .string(chamber) }
        if provenance == nil {
            provenance = Provenance(document: input.sha256, line: 1, offset: 0, text: String(decoding: input.sourceBytes.prefix(80), as: UTF8.self),
                                    rule: "document.file", confidence: 1)
        }
        facts.node(documentID, [.document], properties, provenance)
        if analysis.date == nil { finding(.warning, paragraph: nil, "no document date found: offices cannot be resolved to people, years of dates without one cannot be inferred") }
    }

    /// The report a covering letter offers in its opening sentence: "het verslag [aan] van de ... <year>"
    /// up to the first year after it, as a title ("Verslag van de bijeenkomst van de Raad ... op 13 en
    /// 14 juni 2024") and the byte range it was read from. Nil when the sentence offers no report.
    static func offeredReport(in sentence: [UInt8]) -> (title: String, range: Range<Int>)? {
        let lowered = sentence.map(Bytes.lower)
        guard let start = Bytes.firstIndex(of: "het verslag ", in: lowered) else { return nil }
        let wordStart = start + 4
        var cursor = start + "het verslag ".utf8.count
        if Bytes.hasPrefix(lowered, at: cursor, "aan ") { cursor += 4 }
        guard Bytes.hasPrefix(lowered, at: cursor, "van ") else { return nil }
        // The first four-digit year (19xx or 20xx) after "van" ends the title.
        var index = cursor
        while index + 4 <= sentence.count {
            let digits = sentence[index..<(index + 4)]
            if digits.allSatisfy(Bytes.isDigit), digits.first == UInt8(ascii: "1") || digits.first == UInt8(ascii: "2"),
               index == 0 || !Bytes.isDigit(sentence[index - 1]),
               index + 4 == sentence.count || !Bytes.isDigit(sentence[index + 4]) {
                let rest = String(decoding: sentence[cursor..<(index + 4)], as: UTF8.self)
                return ("Verslag " + rest, wordStart..<(index + 4))
            }
            index += 1
        }
        return nil
    }

    /// Signatures: Document -signed_by-> Minister, the person found by name (and office and date).
    mutating func emitSignatures() {
        for signature in analysis.header.signatures {
            let prov = provenance(paragraph: signature.nameParagraph, signature.nameStart..<(signature.nameStart + signature.nameLength), rule: "signature")
            let person = resolvePerson(name: signature.name, office: signature.office)
            facts.node(person.id, [.minister], ["name": .string(person.name), "fullName": .string(person.fullName)], prov)
            facts.edge(documentID, .signedBy, person.id, ["office": .string(signature.office)], prov)
            signers.append((signature.office, person.id, person.name, prov))
            if person.confidence < 0.9 {
                finding(.info, paragraph: signature.nameParagraph, "signatory \(signature.name) (\(signature.office)) is not in the reference data; made \(person.id)")
            }
        }
    }

    /// A signatory by name: the reference person whose alias or name matches, preferring one who held
    /// `office` on the document date.
    func resolvePerson(name: String, office: String) -> (id: NodeID, name: String, fullName: String, confidence: Double) {
        let folded = GraphEmitter.slug(name)
        let candidates = rules.reference.ministers.indices.filter { index in
            let slugs = rules.ministerSlugs[index]
            return slugs.aliases.contains(folded) || slugs.fullName == folded || folded.hasSuffix(slugs.name)
        }.map { rules.reference.ministers[$0] }
        let date = analysis.date
        let best = candidates.first { $0.office == office && holds($0, on: date) } ?? candidates.first { holds($0, on: date) } ?? candidates.first
        if let best { return (NodeID(trusted: best.personID), best.name, best.fullName, 1.0) }
        // Unknown: the surname after the initials.
        let surname = name.split(separator: " ").drop { $0.contains(".") }.joined(separator: " ")
        return (NodeID(trusted: "person-" + GraphEmitter.slug(surname.isEmpty ? name : surname)), surname.isEmpty ? name : surname, name, 0.6)
    }

    func holds(_ term: ReferenceData.MinisterTerm, on date: Day?) -> Bool {
        guard let date else { return false }
        if let from = term.from, date < from { return false }
        if let to = term.to, date >= to { return false }
        return true
    }

    /// The people holding `office` on the document date; a signer of the document wins a tie.
    func holders(of office: String) -> [ReferenceData.MinisterTerm] {
        let terms = (rules.termsByOffice[office] ?? []).map { rules.reference.ministers[$0] }.filter { holds($0, on: analysis.date) }
        if terms.count > 1 {
            let signed = terms.filter { term in signers.contains { $0.person.rawValue == term.personID } }
            if !signed.isEmpty { return signed }
        }
        return terms
    }

    /// The subject meeting: the one the subject line names, else the dated meeting the document names most.
    mutating func emitSubjectMeeting() {
        let header = analysis.header
        var chosen: (id: NodeID, provenance: Provenance)?
        for (paragraph, range) in header.subjectParagraphs where chosen == nil {
            for mention in analysis.paragraphMentions[paragraph] where range.contains(mention.range.lowerBound) {
                if case .meeting = mention.target, let id = meetingID(mention, paragraph: paragraph) {
                    chosen = (id, provenance(paragraph: paragraph, mention.range, rule: "about.subject-line", confidence: 0.95))
                    break
                }
            }
        }
        if chosen == nil {
            var counts: [NodeID: (count: Int, first: Provenance)] = [:]
            for (paragraph, mentions) in analysis.paragraphMentions.enumerated() {
                for mention in mentions {
                    guard case .meeting(let ref) = mention.target, ref.paper == nil, !(ref.date?.days.isEmpty ?? true),
                          let id = meetingID(mention, paragraph: paragraph) else { continue }
                    if let existing = counts[id] {
                        counts[id] = (existing.count + 1, existing.first)
                    } else {
                        counts[id] = (1, provenance(paragraph: paragraph, mention.range, rule: "about.most-named", confidence: 0.75))
                    }
                }
            }
            if let best = counts.max(by: { $0.value.count < $1.value.count || ($0.value.count == $1.value.count && $0.value.first.offset > $1.value.first.offset) }) {
                chosen = (best.key, best.value.first)
            }
        }
        guard let chosen else {
            finding(.info, paragraph: nil, "no subject meeting found")
            return
        }
        facts.edge(documentID, .about, chosen.id, [:], chosen.provenance)
        facts.set(documentID, "subjectMeeting", .string(chosen.id.rawValue))
        subjectMeeting = chosen.id
        // A letter that sends the report of a meeting is that meeting's "verslag".
        if isMeetingReport() {
            facts.set(documentID, "paper", .string("verslag"))
            facts.set(documentID, "paperMeeting", .string(chosen.id.rawValue))
        }
    }

    /// Whether the document reports on a council meeting ("het verslag ... van de bijeenkomst").
    func isMeetingReport() -> Bool {
        guard analysis.layout.reports.isEmpty else { return false }
        for paragraph in analysis.paragraphs.prefix(12) {
            let text = paragraph.clean.bytes
            if Bytes.contains(text, "het verslag", ignoringCase: true)
                && (Bytes.contains(text, "bijeenkomst", ignoringCase: true) || Bytes.contains(text, "jbz-raad", ignoringCase: true)) { return true }
        }
        return analysis.paragraphs.contains { Bytes.hasPrefix($0.clean.bytes, at: 0, "Verslag van de formele bijeenkomst") }
    }

    /// Document -same_as-> Kamerstuk: by the number it states, its publication metadata, or by being
    /// the report of a meeting that another paper cites by number.
    mutating func emitIdentity() {
        let header = analysis.header
        var identity: (id: CanonicalID, rule: String, confidence: Double, provenance: Provenance)?
        if let stated = header.statedKamerstuk {
            identity = (stated.value, "stated-number", 0.95, provenance(paragraph: stated.paragraph, stated.range, rule: "identity.stated-number", confidence: 0.95))
        } else if let publication = analysis.input.publication, let id = CanonicalID.parse(publication.identifier) {
            let prov = Provenance(document: analysis.input.sha256, line: 1, offset: 0, text: publication.identifier, rule: "identity.xml-metadata", confidence: 1)
            identity = (id, "xml-metadata", 1.0, prov)
        }
        if let identity {
            emitKamerstuk(identity.id, title: nil, provenance: identity.provenance)
            facts.edge(documentID, .sameAs, identity.id.nodeID, ["rule": .string(identity.rule)], identity.provenance)
            facts.set(documentID, "kamerstuk", .string(identity.id.description))
            return
        }
        // By what it is: the report of meeting M that the corpus cites as a numbered Kamerstuk.
        guard isMeetingReport(), let meetingID = subjectMeeting?.rawValue else { return }
        if let paper = context.kamerstukPapers.first(where: { $0.paper == "verslag" && $0.meeting.rawValue == meetingID }) {
            let first = analysis.paragraphs.first { $0.kind == .text && $0.clean.bytes.count > 40 }
            let prov = first.map { wholeParagraph($0.index, rule: "identity.content", confidence: 0.8) }
                ?? Provenance(document: analysis.input.sha256, line: 1, offset: 0, text: "", rule: "identity.content", confidence: 0.8)
            facts.edge(documentID, .sameAs, paper.id, ["rule": .string("identified-by-content"), "meeting": .string(meetingID)], prov)
            facts.set(documentID, "kamerstuk", .string(paper.id.rawValue))
        }
    }
}
