import KGModel

/// What the extractor knows from documents ingested before this one: motions by member, questions
/// and answers by their text, meetings by date, and Kamerstukken and documents by what they are.
/// It lets "de motie Kuik" find a motion named in another paper, lets the same question in two
/// papers become one node, and lets a report be recognised as the Kamerstuk another paper cites.
public struct CorpusContext: Sendable {
    struct TextEntry: Sendable {
        var id: NodeID
        var shingles: Set<UInt64>
        var faction: String
    }

    struct MeetingEntry: Sendable {
        var id: NodeID
        var body: String
        var from: Day
        var to: Day
    }

    /// A paper described as the agenda or report of a meeting.
    struct PaperEntry: Sendable {
        var id: NodeID
        var paper: String
        var meeting: NodeID
    }

    var motions: [(members: [String], id: NodeID)] = []
    var questions: [TextEntry] = []
    var answers: [TextEntry] = []
    var meetings: [MeetingEntry] = []
    var kamerstukPapers: [PaperEntry] = []
    var documentPapers: [PaperEntry] = []

    public init() {}

    /// The context a graph holds: its Motion, Question, Answer, Meeting, Kamerstuk and Document nodes.
    public init(graph: Graph) throws {
        func nodes(_ label: String) -> [Int] {
            guard let id = graph.labelNames.id(of: label) else { return [] }
            return graph.nodes(withLabel: id).map(Int.init)
        }
        for node in nodes("Motion") {
            let properties = try graph.properties(ofNode: node)
            if case .list(let members)? = properties["members"] {
                motions.append((members.map(\.description), graph.id(of: node)))
            }
        }
        for (label, keyPath) in [("Question", \CorpusContext.questions), ("Answer", \CorpusContext.answers)] {
            for node in nodes(label) {
                let properties = try graph.properties(ofNode: node)
                guard case .string(let text)? = properties["fingerprint"] ?? properties["text"] else { continue }
                let faction = properties["faction"]?.description ?? ""
                self[keyPath: keyPath].append(TextEntry(id: graph.id(of: node), shingles: CorpusContext.shingles(text), faction: faction))
            }
        }
        for node in nodes("Meeting") {
            let properties = try graph.properties(ofNode: node)
            guard case .date(let from)? = properties["date"] else { continue }
            var to = from
            if case .date(let end)? = properties["endDate"] { to = end }
            meetings.append(MeetingEntry(id: graph.id(of: node), body: CorpusContext.bodyCode(graph.id(of: node)), from: from, to: to))
        }
        for (label, keyPath) in [("Kamerstuk", \CorpusContext.kamerstukPapers), ("Document", \CorpusContext.documentPapers)] {
            for node in nodes(label) {
                let properties = try graph.properties(ofNode: node)
                guard case .string(let paper)? = properties["paper"], case .string(let meeting)? = properties["paperMeeting"] else { continue }
                self[keyPath: keyPath].append(PaperEntry(id: graph.id(of: node), paper: paper, meeting: NodeID(trusted: meeting)))
            }
        }
    }

    /// The body code of a meeting id (`meeting-jbz-2023-10-19` -> `jbz`).
    static func bodyCode(_ id: NodeID) -> String {
        if case .meeting(let body, _)? = CanonicalID.parse(id.rawValue) { return body }
        return ""
    }

    /// Word 3-grams of a normalised text, hashed.
    static func shingles(_ text: String) -> Set<UInt64> {
        let words = normalisedWords(text)
        guard words.count >= 3 else { return Set(words.map { FNV1a.hash($0) }) }
        var result = Set<UInt64>()
        for i in 0...(words.count - 3) { result.insert(FNV1a.hash(words[i] + " " + words[i + 1] + " " + words[i + 2])) }
        return result
    }

    /// Lower-cased words of letters and digits.
    static func normalisedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for b in text.utf8 {
            if Bytes.isLetter(b) || Bytes.isDigit(b) {
                current.append(Bytes.lower(b))
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// The known question or answer most like `shingles` (Jaccard ≥ 0.7), with the similarity.
    func match(_ shingles: Set<UInt64>, in entries: [TextEntry]) -> (NodeID, Double)? {
        var best: (NodeID, Double)?
        for entry in entries {
            let common = entry.shingles.intersection(shingles).count
            guard common > 0 else { continue }
            let score = Double(common) / Double(entry.shingles.union(shingles).count)
            if score >= 0.7 && score > (best?.1 ?? 0) { best = (entry.id, score) }
        }
        return best
    }

    /// Adds what an extraction produced, for the next document in the same run.
    public mutating func absorb(_ batch: GraphBatch) {
        var seen = Set<NodeID>()
        for node in batch.nodes where seen.insert(node.id).inserted {
            let labels = Set(node.labels.map(\.name))
            let properties = node.properties
            if labels.contains("Motion"), case .list(let members)? = properties["members"] {
                motions.append((members.map(\.description), node.id))
            }
            if labels.contains("Question") || labels.contains("Answer"),
               case .string(let text)? = properties["fingerprint"] ?? properties["text"] {
                let entry = TextEntry(id: node.id, shingles: CorpusContext.shingles(text), faction: properties["faction"]?.description ?? "")
                if labels.contains("Question") { questions.append(entry) } else { answers.append(entry) }
            }
            if labels.contains("Meeting"), case .date(let from)? = properties["date"] {
                var to = from
                if case .date(let end)? = properties["endDate"] { to = end }
                meetings.append(MeetingEntry(id: node.id, body: CorpusContext.bodyCode(node.id), from: from, to: to))
            }
            if case .string(let paper)? = properties["paper"], case .string(let meeting)? = properties["paperMeeting"] {
                let entry = PaperEntry(id: node.id, paper: paper, meeting: NodeID(trusted: meeting))
                if labels.contains("Document") { documentPapers.append(entry) } else if labels.contains("Kamerstuk") { kamerstukPapers.append(entry) }
            }
        }
    }
}
