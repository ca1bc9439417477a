// Fuzz target (b): arbitrary bytes as JSON Lines (the form README.md "JSON Lines interchange" describes).
import KGInterchange
import KGModel
import KGStore

/// Arbitrary bytes as a JSON Lines import: decode; a refusal must be an `InterchangeError` naming a line
/// (or byte offset) inside the input. What decodes must round-trip (each record encoded and decoded
/// again is the same record, labels taken as a set; the whole batch likewise), commit to a graph file,
/// and read back.
public enum JSONLinesTarget {
    static let name = FuzzTarget.jsonLines.rawValue

    /// Runs the target on `input`.
    public static func run(_ input: [UInt8]) throws(FuzzFailure) {
        let batch: GraphBatch
        do {
            batch = try JSONLines.decode(input, source: "fuzz.jsonl")
        } catch let error as InterchangeError {
            try checkPlace(error, input: input)
            return
        } catch {
            throw FuzzFailure(target: name, invariant: "untyped error", detail: "decode: \(type(of: error)): \(error)")
        }

        // Round trip, record by record and as a whole.
        var records: [FactRecord] = batch.retractions.map { .retraction($0) }
        records += batch.nodes.map { .node($0) }
        records += batch.edges.map { .edge($0) }
        var text = ""
        for record in records {
            let line = JSONLines.encode(record)
            text += line + "\n"
            let again: FactRecord
            do {
                again = try Array(line.utf8).withUnsafeBytes { try JSONLines.decodeLine($0, source: "encoded", line: 1) }
            } catch {
                throw FuzzFailure(target: name, invariant: "encoded record does not decode", detail: "\(line): \(error)")
            }
            guard canonical(again) == canonical(record) else {
                throw FuzzFailure(target: name, invariant: "round trip changes a record", detail: "\(line) decodes to \(JSONLines.encode(again))")
            }
        }
        do {
            let whole = try JSONLines.decode(Array(text.utf8), source: "encoded")
            guard whole.retractions == batch.retractions, whole.nodes.map(canonical) == batch.nodes.map(canonical), whole.edges == batch.edges else {
                throw FuzzFailure(target: name, invariant: "round trip changes the batch", detail: text)
            }
        } catch let failure as FuzzFailure {
            throw failure
        } catch {
            throw FuzzFailure(target: name, invariant: "encoded batch does not decode", detail: "\(error)")
        }

        // Import: commit, reopen, read back, export.
        let storage = MemoryStorage()
        let path = "/fuzz/import.kg"
        do {
            let writer = try GraphStore.create(at: path, storage: storage, options: StoreOptions(sync: false, snapshotAfterRecords: 0))
            try writer.commit(batch, source: "fuzz.jsonl", sourceHash: "h")
            writer.close()
            let reader = try GraphStore.open(at: path, storage: storage)
            defer { reader.close() }
            try reader.graph.checkInvariants()
            var exported: [UInt8] = []
            try JSONLines.export(reader.graph) { exported += Array($0.utf8) }
            _ = try JSONLines.decode(exported, source: "export")
        } catch StoreError.recordTooLarge {
            return  // a record over the format's limit is refused, as it should be
        } catch {
            throw FuzzFailure(target: name, invariant: "a decoded batch does not import and read back", detail: "\(type(of: error)): \(error)")
        }
    }

    /// A record as the writer puts it: labels are a set, written in sorted order.
    static func canonical(_ record: FactRecord) -> FactRecord {
        if case .node(let node) = record { return .node(canonical(node)) }
        return record
    }

    static func canonical(_ node: NodeFact) -> NodeFact {
        var node = node
        node.labels.sort()
        return node
    }

    /// The line, column or offset an error names must lie inside the input.
    static func checkPlace(_ error: InterchangeError, input: [UInt8]) throws(FuzzFailure) {
        // Lines as `decode` counts them: split at LF, a CR before the LF not part of the line.
        var lengths: [Int] = []
        var start = 0
        for (index, byte) in input.enumerated() where byte == 0x0A {
            lengths.append(index - start)
            start = index + 1
        }
        if start < input.count { lengths.append(input.count - start) }
        func outside(_ what: String) -> FuzzFailure {
            FuzzFailure(target: name, invariant: "error names \(what) outside the input", detail: "\(error) (input of \(lengths.count) lines, \(input.count) bytes)")
        }
        switch error {
        case .malformedLine(_, let line, let column, _):
            guard line >= 1, line <= lengths.count else { throw outside("a line") }
            if let column, column < 1 || column > lengths[line - 1] + 1 { throw outside("a column") }
        case .lineTooLong(_, let line, _, _):
            guard line >= 1, line <= lengths.count else { throw outside("a line") }
        case .notText(_, let offset, _):
            guard offset >= 0, offset < max(input.count, 1) else { throw outside("an offset") }
        }
    }
}
