// Full checks of a graph file; see Graph/FORMAT.md §5 (recovery rules) and §7 (salvage).
import KGModel

/// Reads a whole graph file and reports everything wrong with it, without changing it: every
/// frame's checksum, every record's encoding, the commit chain, the snapshot against the log, and
/// the invariants of the graph the log builds.
public enum LogVerifier {
    public static func verify(path: String, storage: StorageSystem = POSIXStorage()) throws -> VerifyReport {
        var report = VerifyReport(path: path)
        let file = try storage.open(path, writable: false)
        defer { file.close() }
        report.fileSize = try file.size()
        let header = try file.read(at: 0, count: FileFormat.headerSize)
        var headerDamaged = false
        do {
            report.formatVersion = try Frame.checkHeader(header, path: path)
        } catch StoreError.corruptHeader {
            // The magic was right; scan the records anyway so salvage can keep what is intact.
            headerDamaged = true
            report.formatVersion = (FileFormat.majorVersion, FileFormat.minorVersion)
        }
        let scanner = FrameScanner(file: file, start: UInt64(FileFormat.headerSize), end: report.fileSize)
        var transactionStart = UInt64(FileFormat.headerSize)
        var transactionRecords = 0
        var counts = (0, 0, 0)
        report.committedEnd = transactionStart
        scanning: while true {
            let frame = try scanner.next()
            switch frame {
            case .end:
                break scanning
            case .damaged(let offset, let reason):
                if try FrameScanner.findCommit(in: file, from: offset + 1, end: report.fileSize) != nil {
                    report.damage = .init(offset: offset, record: report.records, reason: reason,
                                          intactTransactions: report.transactions, intactEnd: report.committedEnd)
                } else {
                    report.tailReason = "\(reason) at byte offset \(offset)"
                }
                break scanning
            case .frame(let offset, let kind, let payload):
                let index = report.records
                report.records += 1
                func damaged(_ reason: String) {
                    report.damage = .init(offset: offset, record: index, reason: reason,
                                          intactTransactions: report.transactions, intactEnd: report.committedEnd)
                }
                guard let known = RecordKind(rawValue: kind) else {
                    if RecordKind.isSkippable(kind) { report.skippedRecords += 1; continue }
                    damaged("unknown record kind 0x\(String(kind, radix: 16)) (written by a newer kg?)")
                    break scanning
                }
                if known == .commit {
                    let commit: CommitRecord
                    do { commit = try RecordCodec.decodeCommit(payload: payload) } catch {
                        damaged("commit record: \(error)")
                        break scanning
                    }
                    let expectedStart = transactionRecords == 0 ? offset : transactionStart
                    guard commit.sequence == report.lastSequence + 1 else {
                        damaged("commit sequence \(commit.sequence) where \(report.lastSequence + 1) was expected")
                        break scanning
                    }
                    guard commit.transactionStart == expectedStart else {
                        damaged("commit says its transaction starts at \(commit.transactionStart), not \(expectedStart)")
                        break scanning
                    }
                    guard commit.nodeFacts == counts.0, commit.edgeFacts == counts.1, commit.retractions == counts.2 else {
                        damaged("commit counts \(commit.nodeFacts)/\(commit.edgeFacts)/\(commit.retractions) disagree with the records \(counts.0)/\(counts.1)/\(counts.2)")
                        break scanning
                    }
                    report.transactions += 1
                    report.lastSequence = commit.sequence
                    report.nodeFacts += counts.0
                    report.edgeFacts += counts.1
                    report.retractions += counts.2
                    report.committedEnd = scanner.position
                    transactionStart = scanner.position
                    transactionRecords = 0
                    counts = (0, 0, 0)
                } else {
                    do {
                        switch try RecordCodec.decodeFact(kind: known, payload: payload) {
                        case .node: counts.0 += 1
                        case .edge: counts.1 += 1
                        case .retraction: counts.2 += 1
                        }
                    } catch {
                        damaged("\(known.name) record: \(error)")
                        break scanning
                    }
                    transactionRecords += 1
                }
            }
        }
        if report.damage == nil {
            report.tailBytes = report.fileSize - report.committedEnd
            if report.tailBytes > 0 && report.tailReason == nil { report.tailReason = "a transaction without its commit record" }
        }
        if headerDamaged {
            report.damage = .init(offset: 0, record: -1, reason: "the file header's checksum does not match",
                                  intactTransactions: report.damage?.intactTransactions ?? report.transactions,
                                  intactEnd: report.damage?.intactEnd ?? report.committedEnd)
        }
        guard report.damage == nil else { return report }

        // The graph from the log alone, its invariants, and the snapshot against it.
        let fromLog = try GraphStore.open(at: path, storage: storage, options: StoreOptions(useSnapshot: false))
        defer { fromLog.close() }
        do { try fromLog.graph.checkInvariants() } catch { report.invariantProblem = "\(error)" }
        report.nodes = fromLog.graph.liveNodeCount
        report.edges = fromLog.graph.edgeCount
        let snapshotPath = GraphStore.snapshotPath(for: path)
        if storage.exists(snapshotPath) {
            do {
                let (parts, coverage) = try SnapshotFile.read(snapshotPath, storage: storage)
                try GraphStore.checkSnapshot(coverage, against: file, path: path)
                let asOf = try GraphStore.open(at: path, storage: storage, asOf: coverage.lastSequence,
                                               options: StoreOptions(useSnapshot: false))
                defer { asOf.close() }
                if let difference = GraphComparison.difference(parts, asOf.graph.parts()) {
                    report.snapshot = "disagrees with the log: \(difference); it will not be used (delete it or run `kg checkpoint`)"
                    report.snapshotOK = false
                } else {
                    report.snapshot = "matches the log up to commit \(coverage.lastSequence)"
                }
            } catch {
                report.snapshot = "not usable: \(error); readers replay the log instead (`kg checkpoint` writes a new one)"
            }
        }
        return report
    }
}

/// Compares the arrays of two graphs (a snapshot's and a replay's).
enum GraphComparison {
    static func difference(_ a: GraphParts, _ b: GraphParts) -> String? {
        if a.ids.arena != b.ids.arena || a.ids.offsets != b.ids.offsets || a.ids.slots != b.ids.slots { return "node ids differ" }
        if a.labelNames != b.labelNames || a.typeNames != b.typeNames { return "label or type names differ" }
        if a.labelBits != b.labelBits || a.labelMore != b.labelMore { return "node labels differ" }
        if a.nodeRefs.first != b.nodeRefs.first || a.nodeRefs.more != b.nodeRefs.more { return "node facts differ" }
        if a.liveDegree != b.liveDegree { return "node degrees differ" }
        let x = a.adjacency, y = b.adjacency
        if x.outOffsets != y.outOffsets || x.outTargets != y.outTargets || x.outTypes != y.outTypes { return "out-adjacency differs" }
        if x.inOffsets != y.inOffsets || x.inSources != y.inSources || x.inEdges != y.inEdges || x.inTypes != y.inTypes {
            return "in-adjacency differs"
        }
        if a.edgeRefs.first != b.edgeRefs.first || a.edgeRefs.more != b.edgeRefs.more { return "edge facts differ" }
        if a.transactions != b.transactions { return "transaction lists differ" }
        return nil
    }
}
