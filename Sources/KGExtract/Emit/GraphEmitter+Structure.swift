import KGModel

/// Reports, faction sections, questions and answers, and who answers them.
extension GraphEmitter {
    mutating func emitStructure() {
        var passageParagraphs = analysis.layout.letter
        addressed[0] = signers.map { ($0.person, $0.office) }
        for report in analysis.layout.reports {
            passageParagraphs += report.intro
            let answering = answeringMinisters(report)
            for section in report.sections {
                passageParagraphs += section.other
                let factions = resolveFactions(section)
                for item in section.items {
                    emitItem(item, section: section, report: report, factions: factions, answering: answering)
                }
                if section.noQuestions, let faction = factions.first {
                    facts.node(faction.id, [.faction], ["name": .string(faction.name)], faction.provenance)
                }
            }
        }
        for paragraph in passageParagraphs where owner[paragraph] == nil {
            owner[paragraph] = NodeID(trusted: "passage-\(documentHex)-\(paragraph)")
        }
    }

    /// The factions a section heading names, resolved with the reference aliases and the document date.
    mutating func resolveFactions(_ section: DocumentLayout.Section) -> [(id: NodeID, name: String, provenance: Provenance)] {
        let clean = analysis.paragraphs[section.heading].clean
        let prov = wholeParagraph(section.heading, rule: "section.heading")
        var text = section.factionText
        for suffix in ["-fractie", " fractie", "-fracties"] where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        let date = analysis.date
        var matches: [ReferenceData.Faction] = []
        let lowerText = text.lowercased(), lowerHeading = section.factionText.lowercased()
        let candidates = rules.reference.factions.indices.filter { index in
            rules.factionAliasesLowered[index].contains { alias in alias == lowerText || alias == lowerHeading }
        }.map { rules.reference.factions[$0] }
        // An alias shared by several factions ("PvdA- en GroenLinks-fractie") names them all; a
        // name that changed over time is resolved by the document date.
        let dated = candidates.filter { faction in
            guard let date else { return true }
            return faction.periods.contains { period in (period.from.map { $0 <= date } ?? true) && (period.to.map { date <= $0 } ?? true) }
        }
        matches = dated.isEmpty ? candidates : dated
        if matches.isEmpty {
            // Fall back to any alias inside the heading text ("fracties van GroenLinks en PvdA").
            let words = WordTokens(Array(text.utf8))
            matches = rules.factionAliases.matches(words, in: Array(text.utf8)).map { rules.reference.factions[$0.payload] }
        }
        if matches.isEmpty {
            let id = NodeID(trusted: "faction-" + GraphEmitter.slug(text).uppercased())
            finding(.warning, paragraph: section.heading, "faction \"\(text)\" is not in the reference data; made \(id)")
            return [(id, text, prov)]
        }
        _ = clean
        return matches.map { (NodeID(trusted: $0.id), $0.name, prov) }
    }

    /// Who answers a report's questions: the offices its introduction says answered (or were asked),
    /// resolved to people by date; else the document's signatories.
    mutating func answeringMinisters(_ report: DocumentLayout.Report) -> [(id: NodeID, provenance: Provenance)] {
        var result: [(NodeID, Provenance)] = []
        var addressees: [(person: NodeID, office: String)] = []
        defer { addressed[report.number] = addressees }
        for paragraph in report.intro {
            let text = analysis.paragraphs[paragraph].clean.bytes
            guard Bytes.contains(text, "beantwoord") || Bytes.contains(text, "voorgelegd") else { continue }
            for mention in analysis.paragraphMentions[paragraph] {
                guard case .office(let offices) = mention.target else { continue }
                for office in offices {
                    let holders = holders(of: office)
                    if holders.count == 1 {
                        let prov = provenance(paragraph: paragraph, mention.range, rule: "answers.named-office", confidence: 0.85)
                        let person = NodeID(trusted: holders[0].personID)
                        facts.node(person, [.minister], ["name": .string(holders[0].name), "fullName": .string(holders[0].fullName)], prov)
                        if !result.contains(where: { $0.0 == person }) {
                            result.append((person, prov))
                            addressees.append((person, office))
                        }
                    }
                }
            }
            if !result.isEmpty { break }
        }
        if result.isEmpty {
            for signer in signers where !result.contains(where: { $0.0 == signer.person }) {
                addressees.append((signer.person, signer.office))
                result.append((signer.person, Provenance(document: signer.provenance.document, line: signer.provenance.line,
                                                         offset: signer.provenance.offset, text: signer.provenance.text,
                                                         rule: "answers.signatory", confidence: 0.9)))
            }
        }
        if result.isEmpty && !report.sections.isEmpty {
            finding(.warning, paragraph: report.start, "report \(report.number): nobody found who answers its questions")
        }
        return result
    }

    mutating func emitItem(_ item: DocumentLayout.Item, section: DocumentLayout.Section, report: DocumentLayout.Report,
                           factions: [(id: NodeID, name: String, provenance: Provenance)], answering: [(id: NodeID, provenance: Provenance)]) {
        guard !item.question.isEmpty else {
            finding(.warning, paragraph: item.marker, "an answer without a question before it")
            return
        }
        // Identity: the first 600 characters, as stored in `text` (what later documents compare against).
        let questionText = excerpt(item.question)
        let questionShingles = CorpusContext.shingles(questionText)
        let factionName = section.factionText
        let questionID: NodeID
        var identityRule = "question.text-hash"
        if let (existing, score) = context.questions.match(questionShingles) {
            questionID = existing
            identityRule = "question.same-text " + DecimalText.twoPlaces(score)
        } else {
            questionID = NodeID(trusted: "question-" + String(SHA256.hex(of: CorpusContext.normalisedText(questionText)).prefix(16)))
        }
        let questionProv = provenance(paragraph: item.question[0], 0..<analysis.paragraphs[item.question[0]].clean.bytes.count,
                                      rule: identityRule, confidence: 0.9)
        facts.node(questionID, [.question], [
            "text": .string(questionText),
            "faction": .string(factionName), "report": .int(Int64(report.number)), "number": .int(Int64(item.number)),
        ], questionProv)
        let questionLead = leadSpan(item.question[0], rule: "contains.question")
        facts.edge(documentID, .contains, questionID, ["report": .int(Int64(report.number)), "section": .string(factionName)], questionLead)
        for faction in factions {
            facts.node(faction.id, [.faction], ["name": .string(faction.name)], faction.provenance)
            facts.edge(faction.id, .asks, questionID, [:], faction.provenance)
        }
        for paragraph in item.question { owner[paragraph] = questionID }

        let markerProv = wholeParagraph(item.marker, rule: "answer.marker")
        for minister in answering {
            facts.edge(minister.id, .answers, questionID, [:], minister.provenance)
        }
        guard !item.answer.isEmpty else {
            finding(.warning, paragraph: item.marker, "an \"Antwoord\" marker with no answer text after it")
            return
        }
        let answerText = excerpt(item.answer)
        let answerID: NodeID
        var answerRule = "answer.text-hash"
        if let (existing, score) = context.answers.match(CorpusContext.shingles(answerText)) {
            answerID = existing
            answerRule = "answer.same-text " + DecimalText.twoPlaces(score)
        } else {
            answerID = NodeID(trusted: "answer-" + String(SHA256.hex(of: CorpusContext.normalisedText(answerText)).prefix(16)))
        }
        let answerProv = provenance(paragraph: item.answer[0], 0..<analysis.paragraphs[item.answer[0]].clean.bytes.count, rule: answerRule, confidence: 0.9)
        facts.node(answerID, [.answer], ["text": .string(answerText)], answerProv)
        facts.edge(documentID, .contains, answerID, ["report": .int(Int64(report.number)), "section": .string(factionName)],
                   leadSpan(item.answer[0], rule: "contains.answer"))
        facts.edge(answerID, .answers, questionID, [:], markerProv)
        for paragraph in item.answer { owner[paragraph] = answerID }
    }
}
