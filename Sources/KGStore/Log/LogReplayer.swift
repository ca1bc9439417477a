// Applying committed transactions to a graph; see Graph/FORMAT.md §4-5.
import KGModel

/// Applies the committed transactions found by a `LogScan` to a `Graph`, in log order, with each
/// record's file offset as its `FactRef`. Only transactions whose commit was found are applied.
public enum LogReplayer {
    /// Replays `file` from `start` through the commits in `commits` (all from the same scan).
    public static func replay(_ file: StorageFile, from start: UInt64, commits: [CommittedTransaction], into graph: Graph,
                              recordIndex: Int = 0, progress: ((Int) -> Void)? = nil) throws {
        guard let last = commits.last else { return }
        let scanner = FrameScanner(file: file, start: start, end: last.commitEnd)
        var next = 0
        var inTransaction = false
        var index = recordIndex
        while true {
            let frame = try scanner.next()
            guard case .frame(let offset, let kind, let payload) = frame else {
                if case .damaged(let offset, let reason) = frame {
                    // The file changed under us between scan and replay: report, never guess.
                    throw StoreError.corruptRecord(path: file.path, offset: offset, record: index, reason: reason)
                }
                return
            }
            index += 1
            guard let known = RecordKind(rawValue: kind) else { continue }  // skippable, checked by the scan
            let commit = commits[next]
            if !inTransaction {
                graph.beginTransaction(info(commit, startRef: offset))
                inTransaction = true
            }
            if known == .commit {
                graph.commitTransaction(info(commit, startRef: commit.commit.transactionStart))
                inTransaction = false
                next += 1
                progress?(index)
                if next == commits.count { return }
                continue
            }
            let record: FactRecord
            do { record = try RecordCodec.decodeFact(kind: known, payload: payload) } catch {
                throw StoreError.corruptRecord(path: file.path, offset: offset, record: index - 1, reason: "\(error)")
            }
            try graph.apply(record, ref: offset)
            if index & 0xFFFF == 0 { progress?(index) }
        }
    }

    static func info(_ transaction: CommittedTransaction, startRef: UInt64) -> TransactionInfo {
        let commit = transaction.commit
        return TransactionInfo(
            sequence: commit.sequence, timeMillis: commit.timeMillis, source: commit.source, sourceHash: commit.sourceHash,
            firstRef: commit.transactionStart, endRef: transaction.commitOffset, nodeFacts: commit.nodeFacts,
            edgeFacts: commit.edgeFacts, retractions: commit.retractions)
    }
}
