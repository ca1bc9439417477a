import KGModel

/// Text dumps of each extraction stage, for a user checking a result and for golden snapshots
/// (Graph/snapshots/) reviewed as diffs.
extension ExtractionResult {
    /// Which stage to show: the paragraphs found, the mentions in them, or the graph facts.
    public enum DumpStage: String, CaseIterable, Sendable {
        case segments, mentions, graph
    }

    public func dump(_ stage: DumpStage) -> String {
        switch stage {
        case .segments: return dumpSegments()
        case .mentions: return dumpMentions()
        case .graph: return dumpGraph()
        }
    }

    func line(of paragraph: Paragraph) -> Int {
        analysis.span(paragraph.clean, 0..<min(1, paragraph.clean.bytes.count)).line
    }

    func dumpSegments() -> String {
        var out = ["# segments of \(analysis.input.fileName) (\(analysis.shape.rawValue)): \(analysis.paragraphs.count) paragraphs, \(analysis.footnotes.count) footnotes, \(analysis.layout.reports.count) reports"]
        let layout = analysis.layout
        var role: [Int: String] = [:]
        for p in layout.letter { role[p] = "letter" }
        for report in layout.reports {
            for p in report.intro { role[p] = "report \(report.number) intro" }
            for section in report.sections {
                role[section.heading] = "report \(report.number) section \(section.factionText)" + (section.noQuestions ? " (no questions)" : "")
                for p in section.other { role[p] = "  \(section.factionText) other" }
                for item in section.items {
                    for p in item.question { role[p] = "  \(section.factionText) Q\(item.number)" }
                    role[item.marker] = "  \(section.factionText) A\(item.number) marker"
                    for p in item.answer { role[p] = "  \(section.factionText) A\(item.number)" }
                }
            }
        }
        for paragraph in analysis.paragraphs {
            let kind = paragraph.kind == .text ? (paragraph.bold ? "bold" : "text") : "\(paragraph.kind)"
            let text = String(paragraph.clean.string.prefix(90))
            out.append("L\(line(of: paragraph)) [\(kind)] \(role[paragraph.index] ?? "-"): \(text)")
        }
        for footnote in analysis.footnotes {
            let marker = analysis.markerOf[DocumentAnalysis.FootnoteKey(report: footnote.report, number: footnote.number)]
            let at = marker.map { "marker in L\(line(of: analysis.paragraphs[$0.paragraph]))" } ?? "no marker"
            out.append("footnote \(footnote.report).\(footnote.number) L\(analysis.span(footnote.clean, 0..<1).line) (\(at)): \(String(footnote.clean.string.prefix(90)))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    func dumpMentions() -> String {
        var out = ["# mentions in \(analysis.input.fileName)"]
        func describe(_ mention: Mention) -> String {
            switch mention.target {
            case .citation(let ids, let kind, _): return "citation \(kind) " + ids.map(\.description).joined(separator: " ")
            case .meeting(let ref):
                let date = ref.date.map { d in "\(d.days.map(String.init).joined(separator: ","))-\(d.month)-\(d.year.map(String.init) ?? "?")" } ?? "?"
                return "meeting \(ref.body) \(date)" + (ref.informal ? " informal" : "") + (ref.paper.map { " paper=\($0)" } ?? "")
            case .office(let offices): return "office " + offices.joined(separator: " + ")
            case .addressedOffice(let role): return "office addressed \(role)"
            case .motion(let ref): return "motion " + (ref.anaphoric ? "(back-reference)" : ref.members.joined(separator: ", ")) + (ref.short ? " short" : "")
            case .country(let iso, _): return "country \(iso)"
            case .regulation(let id, _): return "regulation \(id)"
            }
        }
        for (index, mentions) in analysis.paragraphMentions.enumerated() where !mentions.isEmpty {
            let clean = analysis.paragraphs[index].clean
            for mention in mentions {
                let span = analysis.span(clean, mention.range)
                out.append("L\(span.line) @\(span.offset) \(describe(mention)) [\(mention.rule) \(mention.confidence)] \(Escaping.quoted(span.text, limit: 70))")
            }
        }
        for (index, mentions) in analysis.footnoteMentions.enumerated() where !mentions.isEmpty {
            let footnote = analysis.footnotes[index]
            for mention in mentions {
                let span = analysis.span(footnote.clean, mention.range)
                out.append("L\(span.line) @\(span.offset) footnote \(footnote.report).\(footnote.number): \(describe(mention)) [\(mention.rule)] \(Escaping.quoted(span.text, limit: 70))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func dumpGraph() -> String {
        var out = ["# graph facts from \(analysis.input.fileName): \(batch.nodes.count) node facts, \(batch.edges.count) edge facts"]
        for node in batch.nodes {
            let properties = node.properties.keys.sorted().map { key -> String in
                let value = node.properties[key]!.description
                return "\(key)=\(value.count > 60 ? String(value.prefix(60)) + "…" : value)"
            }
            let first = node.provenance.first.map { " L\($0.line)" } ?? ""
            out.append("(\(node.id) :\(node.labels.map(\.name).joined(separator: ":")) \(properties.joined(separator: " ")))\(first)")
        }
        for edge in batch.edges {
            let lines = edge.provenance.map { "L\($0.line)" }.joined(separator: ",")
            let properties = edge.properties.isEmpty ? "" : " {" + edge.properties.keys.sorted().map { "\($0)=\(edge.properties[$0]!)" }.joined(separator: " ") + "}"
            out.append("(\(edge.from))-[:\(edge.type)\(properties)]->(\(edge.to)) \(lines)")
        }
        if !findings.isEmpty {
            out.append("# findings")
            out += findings.map(\.description)
        }
        return out.joined(separator: "\n") + "\n"
    }
}
