import KGInterchange
import KGStore

/// `kg verify`: checks a graph file end to end.
enum VerifyCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "verify", abstract: "Check every record, the commit chain, the snapshot and the graph's invariants.",
        usage: "[--format text|json]",
        discussion: "Exits 1 when it finds damage inside the committed data (a torn tail after the last commit is reported but is not damage).",
        options: [OptionSpec("format", value: "FORMAT", help: "text (default) or json")],
        run: { arguments, invocation in
            let format = try invocation.format(["text", "json"], usage: invocation.usage)
            let r = try LogVerifier.verify(path: invocation.graphPath, storage: invocation.context.storage)
            if format == "json" {
                var members: [(String, JSONValue)] = [
                    ("path", .string(r.path)), ("healthy", .bool(r.isHealthy)), ("bytes", .integer(Int64(r.fileSize))),
                    ("format", .string("\(r.formatVersion.0).\(r.formatVersion.1)")),
                    ("records", .integer(Int64(r.records))), ("transactions", .integer(Int64(r.transactions))),
                    ("lastSequence", .integer(Int64(r.lastSequence))), ("committedBytes", .integer(Int64(r.committedEnd))),
                    ("tailBytes", .integer(Int64(r.tailBytes))), ("nodes", .integer(Int64(r.nodes))),
                    ("edges", .integer(Int64(r.edges))), ("snapshot", .string(r.snapshot)),
                ]
                if let damage = r.damage {
                    members.append(("damage", .object([
                        ("offset", .integer(Int64(damage.offset))), ("record", .integer(Int64(damage.record))),
                        ("reason", .string(damage.reason)), ("intactTransactions", .integer(Int64(damage.intactTransactions))),
                        ("intactBytes", .integer(Int64(damage.intactEnd))),
                    ])))
                }
                if let problem = r.invariantProblem { members.append(("invariants", .string(problem))) }
                invocation.context.out(JSONWriter.encode(.object(members)))
            } else {
                let out = invocation.context.out
                out("\(r.path): format \(r.formatVersion.0).\(r.formatVersion.1), \(r.fileSize) bytes")
                out("records      \(r.records) (\(r.nodeFacts) node facts, \(r.edgeFacts) edge facts, \(r.retractions) retractions)")
                out("transactions \(r.transactions), last sequence \(r.lastSequence), committed \(r.committedEnd) bytes")
                if r.tailBytes > 0 { out("tail         \(r.tailBytes) uncommitted bytes (\(r.tailReason ?? "incomplete")): the next writer drops them") }
                if let damage = r.damage {
                    let record = damage.record >= 0 ? "record #\(damage.record)" : "the header"
                    out("DAMAGE       at byte offset \(damage.offset), \(record): \(damage.reason)")
                    out("             \(damage.intactTransactions) transactions before it are intact (\(damage.intactEnd) bytes); `kg salvage --output NEW.kg` copies them")
                } else {
                    out("graph        \(r.nodes) nodes, \(r.edges) edges; invariants \(r.invariantProblem ?? "hold")")
                    out("snapshot     \(r.snapshot)")
                }
                if r.isHealthy { out("ok") }
            }
            if !r.isHealthy { throw CommandError.verificationFailed(path: r.path) }
        }) }
}
