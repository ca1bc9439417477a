import KGModel

/// What the extractor knows from documents ingested before this one: motions by member, questions
/// and answers by their text, meetings by date, and Kamerstukken and documents by what they are.
/// It lets "de motie Kuik" find a motion named in another paper, lets the same question in two
/// papers become one node, and lets a report be recognised as the Kamerstuk another paper cites.
public struct CorpusContext: Sendable {
    struct TextEntry: Sendable {
        var id: NodeID
        /// Sorted hashes of the text's word 3-grams.
        var shingles: [UInt64]
        var faction: String
    }

    /// Texts (questions or answers) with an index on the few smallest shingle hashes of each, so a
    /// near-duplicate is found among thousands without comparing against all of them (bottom-k
    /// sketches: two texts with Jaccard similarity ≥ 0.7 share one of their 8 smallest hashes with
    /// high probability).
    struct TextIndex: Sendable {
        static let sketch = 8
        private(set) var entries: [TextEntry] = []
        private var byKey: [UInt64: [Int]] = [:]
        private var ids: Set<NodeID> = []

        /// Adds a text; a node already indexed (the same question found again) is not added twice.
        mutating func add(_ entry: TextEntry) {
            guard ids.insert(entry.id).inserted else { return }
            let index = entries.count
            entries.append(entry)
            for key in entry.shingles.prefix(TextIndex.sketch) { byKey[key, default: []].append(index) }
        }

        /// Whether the node is indexed.
        func contains(_ id: NodeID) -> Bool { ids.contains(id) }

        /// The entry most like `shingles` (Jaccard ≥ 0.7), with the similarity; equal scores go to the
        /// smallest id, so the answer does not depend on the order entries were added in.
        func match(_ shingles: [UInt64]) -> (NodeID, Double)? {
            var candidates: [Int] = []
            for key in shingles.prefix(TextIndex.sketch) { if let indices = byKey[key] { candidates += indices } }
            candidates.sort()
            var best: (NodeID, Double)?
            for (k, index) in candidates.enumerated() where k == 0 || candidates[k - 1] != index {
                // The score cannot exceed the smaller set's share of the larger (and in floating point
                // neither can its rounding), so a pair of very different sizes is passed over unscored.
                let other = entries[index].shingles
                let small = min(other.count, shingles.count), large = max(other.count, shingles.count)
                guard large > 0, Double(small) / Double(large) >= 0.7 else { continue }
                let score = TextIndex.jaccard(other, shingles)
                guard score >= 0.7 else { continue }
                if let current = best, score < current.1 || (score == current.1 && entries[index].id.rawValue >= current.0.rawValue) { continue }
                best = (entries[index].id, score)
            }
            return best
        }

        static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
            var i = 0, j = 0, common = 0
            while i < a.count && j < b.count {
                if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
            }
            let union = a.count + b.count - common
            return union == 0 ? 0 : Double(common) / Double(union)
        }
    }

    /// An entry of a list ordered by node id.
    protocol IdentifiedEntry { var id: NodeID { get } }

    struct MeetingEntry: Sendable, IdentifiedEntry {
        var id: NodeID
        var body: String
        var from: Day
        var to: Day
    }

    /// A paper described as the agenda or report of a meeting.
    struct PaperEntry: Sendable, IdentifiedEntry {
        var id: NodeID
        var paper: String
        var meeting: NodeID
    }

    /// A motion with its members as the graph states them, and the key its members are compared by.
    struct MotionEntry: Sendable {
        var members: [String]
        var id: NodeID
        /// `GraphEmitter.memberKey(members)`: the members' slugs.
        var key: Set<String>
    }

    /// Motions with their members, the most recently asserted last ("de motie Kuik" takes the last).
    var motions: [MotionEntry] = []
    var questions = TextIndex()
    var answers = TextIndex()
    /// Meetings and papers, ordered by id.
    var meetings: [MeetingEntry] = []
    var kamerstukPapers: [PaperEntry] = []
    var documentPapers: [PaperEntry] = []

    /// What the graph says of each node the lists above come from: labels and properties merged as the
    /// graph merges them (later facts win), and when it was last asserted. Both ways of building a
    /// context (from a graph, or by absorbing batches) go through it, so a run resumed after a crash
    /// knows exactly what an uninterrupted run knew.
    struct Summary: Sendable {
        var labels: Set<String> = []
        var properties: Properties = [:]
        var lastAsserted: UInt64 = 0
        /// Which of the lists hold an entry of this node (so a node in none is not searched for).
        var inMotions = false, inMeetings = false, inDocumentPapers = false, inKamerstukPapers = false
    }
    private var summaries: [NodeID: Summary] = [:]
    private var assertions: UInt64 = 0

    static let summarisedLabels: Set<String> = ["Motion", "Meeting", "Kamerstuk", "Document"]

    public init() {}

    /// The context a graph holds: its Motion, Question, Answer, Meeting, Kamerstuk and Document nodes.
    /// Questions and answers are indexed by the first text asserted for them (as `absorb` does).
    public init(graph: Graph) throws {
        var nodes = Set<Int>()
        for label in CorpusContext.summarisedLabels.union(["Question", "Answer"]) {
            guard let id = graph.labelNames.id(of: label) else { continue }
            nodes.formUnion(graph.nodes(withLabel: id).map(Int.init))
        }
        // Replay in the order the facts were asserted (log order), as absorbing the batches would.
        var asserted: [(ref: FactRef, node: Int)] = []
        for node in nodes { for ref in graph.factRefs(ofNode: node) { asserted.append((ref, node)) } }
        asserted.sort { $0.ref < $1.ref }
        var facts: [Int: [NodeFact]] = [:]
        for node in nodes { facts[node] = try graph.facts(ofNode: node) }
        var seen: [Int: Int] = [:]
        for (_, node) in asserted {
            let index = seen[node, default: 0]
            seen[node] = index + 1
            guard let fact = facts[node]?[index] else { continue }
            note(fact)
        }
    }

    /// Adds what an extraction produced, for the next document in the same run.
    public mutating func absorb(_ batch: GraphBatch) {
        for node in batch.nodes { note(node) }
    }

    /// Takes in one node fact: merges it into its node's summary, indexes a question's or answer's
    /// first text.
    private mutating func note(_ fact: NodeFact) {
        let isQuestion = fact.labels.contains(.question)
        if isQuestion || fact.labels.contains(.answer), !(isQuestion ? questions : answers).contains(fact.id),
           case .string(let text)? = fact.properties["text"] {
            let entry = TextEntry(id: fact.id, shingles: CorpusContext.shingles(text), faction: fact.properties["faction"]?.description ?? "")
            if isQuestion { questions.add(entry) } else { answers.add(entry) }
        }
        let summarised = fact.labels.contains { CorpusContext.summarisedLabels.contains($0.name) }
        guard summarised || summaries[fact.id] != nil else { return }
        assertions += 1
        var summary = summaries.removeValue(forKey: fact.id) ?? Summary()
        for label in fact.labels { summary.labels.insert(label.name) }
        summary.properties.merge(fact.properties) { _, new in new }
        summary.lastAsserted = assertions
        refreshLists(fact.id, &summary)
        summaries[fact.id] = summary
    }

    /// Brings the motion, meeting and paper lists up to date with one node's new summary. Only that
    /// node's entries can change: a motion asserted again moves to the end of `motions` (ordered by
    /// when each was last asserted), the other lists stay ordered by id.
    private mutating func refreshLists(_ id: NodeID, _ summary: inout Summary) {
        let properties = summary.properties
        // Searched from the end: the motions asserted again are mostly the recent ones.
        if summary.inMotions, let index = motions.lastIndex(where: { $0.id == id }) { motions.remove(at: index) }
        summary.inMotions = false
        if summary.labels.contains("Motion"), case .list(let members)? = properties["members"] {
            let names = members.map(\.description)
            motions.append(MotionEntry(members: names, id: id, key: GraphEmitter.memberKey(names)))
            summary.inMotions = true
        }
        var meeting: MeetingEntry?
        if summary.labels.contains("Meeting"), case .date(let from)? = properties["date"] {
            var to = from
            if case .date(let end)? = properties["endDate"] { to = end }
            meeting = MeetingEntry(id: id, body: CorpusContext.bodyCode(id), from: from, to: to)
        }
        CorpusContext.place(meeting, id: id, in: &meetings, listed: &summary.inMeetings)
        var documentPaper: PaperEntry?, kamerstukPaper: PaperEntry?
        if case .string(let paper)? = properties["paper"], case .string(let meeting)? = properties["paperMeeting"] {
            let entry = PaperEntry(id: id, paper: paper, meeting: NodeID(trusted: meeting))
            if summary.labels.contains("Document") {
                documentPaper = entry
            } else if summary.labels.contains("Kamerstuk") {
                kamerstukPaper = entry
            }
        }
        CorpusContext.place(documentPaper, id: id, in: &documentPapers, listed: &summary.inDocumentPapers)
        CorpusContext.place(kamerstukPaper, id: id, in: &kamerstukPapers, listed: &summary.inKamerstukPapers)
    }

    /// Puts `entry` in the place of `id` in a list ordered by id (as `rawValue <` orders them),
    /// replacing the entry there; nil removes it. `listed` says whether the list holds `id`.
    private static func place<Entry: IdentifiedEntry>(_ entry: Entry?, id: NodeID, in list: inout [Entry], listed: inout Bool) {
        guard entry != nil || listed else { return }
        listed = entry != nil
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].id.rawValue < id.rawValue { low = mid + 1 } else { high = mid }
        }
        let present = low < list.count && list[low].id == id
        switch (entry, present) {
        case (let entry?, true): list[low] = entry
        case (let entry?, false): list.insert(entry, at: low)
        case (nil, true): list.remove(at: low)
        case (nil, false): break
        }
    }

    /// The body code of a meeting id (`meeting-jbz-2023-10-19` -> `jbz`).
    static func bodyCode(_ id: NodeID) -> String {
        if case .meeting(let body, _)? = CanonicalID.parse(id.rawValue) { return body }
        return ""
    }

    /// Word 3-grams of a normalised text, hashed, sorted, without repeats.
    static func shingles(_ text: String) -> [UInt64] {
        // Words of letters and digits, ASCII-folded, hashed as they are read; each word completes the
        // 3-gram of itself and the two before it. Fewer than three words: the word hashes themselves.
        var text = text
        var (result, words, first, second) = text.withUTF8 { bytes in
            var result: [UInt64] = []
            result.reserveCapacity(bytes.count / 4 + 2)
            var words = 0
            var first: UInt64 = 0, second: UInt64 = 0   // the two words before the current one
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var inWord = false
            // One step past the end, as a separator, so the last word ends like the others.
            for k in 0...bytes.count {
                let b = k < bytes.count ? bytes[k] : 0x20
                if Bytes.isWordByte(b) {
                    hash = (hash ^ UInt64(Bytes.lower(b))) &* 0x0000_0100_0000_01b3
                    inWord = true
                    continue
                }
                guard inWord else { continue }
                if words >= 2 {
                    result.append((first &* 0x9E37_79B9_7F4A_7C15) ^ (second &* 0xC2B2_AE3D_27D4_EB4F).rotateLeft(17) ^ hash.rotateLeft(31))
                }
                (first, second) = (second, hash)
                words += 1
                hash = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
            return (result, words, first, second)
        }
        if words == 1 { result = [second] } else if words == 2 { result = [first, second] }
        result.sort()
        // Repeats removed in place.
        var kept = 0
        for i in result.indices where kept == 0 || result[kept - 1] != result[i] {
            result[kept] = result[i]
            kept += 1
        }
        result.removeLast(result.count - kept)
        return result
    }

    /// The lower-cased words of letters and digits, joined by single spaces (the text a question's or
    /// answer's id hashes). Bytes of accented letters count as letters, so words split only at ASCII.
    static func normalisedText(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var inWord = false
        for b in text.utf8 {
            if Bytes.isLetter(b) || Bytes.isDigit(b) {
                if !inWord && !out.isEmpty { out.append(0x20) }
                out.append(Bytes.lower(b))
                inWord = true
            } else {
                inWord = false
            }
        }
        return out
    }
}

extension UInt64 {
    func rotateLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
