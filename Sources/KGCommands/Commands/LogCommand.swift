import Foundation
import KGInterchange
import KGModel
import KGStore

/// `kg log`: the committed transactions, newest last.
enum LogCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "log", abstract: "List the committed transactions (the graph's history).",
        usage: "[--format text|json] [--limit N]",
        options: [
            OptionSpec("format", value: "FORMAT", help: "text (default) or json"),
            OptionSpec("limit", value: "N", help: "only the last N transactions"),
        ],
        run: { arguments, invocation in
            let usage = invocation.usage
            let format = try invocation.format(["text", "json"], usage: usage)
            var limit = Int.max
            if let text = arguments.value("limit") {
                guard let value = Int(text), value > 0 else { throw CommandError.usage("--limit expects a positive number, got '\(text)'", usage: usage) }
                limit = value
            }
            let store = try invocation.openForReading()
            defer { store.close() }
            let transactions = store.graph.transactions.suffix(limit)
            for t in transactions {
                let time = timestamp(t.timeMillis)
                if format == "json" {
                    invocation.context.out(JSONWriter.encode(.object([
                        ("sequence", .integer(Int64(t.sequence))), ("time", .string(time)), ("source", .string(t.source)),
                        ("sourceHash", .string(t.sourceHash)), ("nodes", .integer(Int64(t.nodeFacts))),
                        ("edges", .integer(Int64(t.edgeFacts))), ("retractions", .integer(Int64(t.retractions))),
                        ("supersededBy", t.supersededBy == 0 ? .null : .integer(Int64(t.supersededBy))),
                        ("offset", .integer(Int64(t.firstRef))),
                    ])))
                } else {
                    var line = "\(t.sequence)\t\(time)\t\(t.nodeFacts) nodes\t\(t.edgeFacts) edges"
                    if t.retractions > 0 { line += "\t\(t.retractions) retractions" }
                    line += "\t\(t.source)"
                    if t.supersededBy != 0 { line += "\t(superseded by \(t.supersededBy))" }
                    invocation.context.out(line)
                }
            }
        }) }

    static func timestamp(_ millis: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}
