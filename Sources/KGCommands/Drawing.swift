import Foundation
import KGDot
import KGModel

/// Drawing query results: dot text from a set of nodes and relationships, written as text or
/// rendered by GraphViz `dot` when the output names a picture format.
enum Drawing {
    static func dot(_ graph: Graph, nodes: Set<Int>, edges: Set<Int>, title: String) throws -> String {
        try DotExporter(title: title).render(graph, DotExporter.Subgraph(nodes: nodes, edges: edges))
    }

    /// The GraphViz output format an output path asks for (`svg`, `png`, `pdf`), or nil for dot text.
    static func renderedFormat(_ path: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        return ["svg", "png", "pdf"].contains(ext) ? ext : nil
    }

    /// Where `dot` is on the `PATH` of `environment` (this process's when nil), or nil.
    static func dotProgram(environment: [String: String]? = nil) -> String? {
        let variables = environment ?? ProcessInfo.processInfo.environment
        let path = variables["PATH"] ?? "/usr/bin:/bin:/usr/local/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Writes dot text to stdout or a .dot file, or renders it into a .svg/.png/.pdf file with `dot`.
    static func write(_ dot: String, to path: String?, context: CommandContext) throws {
        guard let path else {
            context.writeOut(dot)
            return
        }
        guard let format = renderedFormat(path) else {
            try FileAccess.write(dot, to: path)
            return
        }
        guard let program = dotProgram(environment: context.environment) else {
            throw CommandError.refused("GraphViz `dot` is not installed, so \(path) cannot be drawn (apt-get install graphviz); write the dot text instead with -o \((path as NSString).deletingPathExtension).dot")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-T\(format)", "-o", path]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        do { try process.run() } catch {
            throw CommandError.refused("could not run \(program): \(error.localizedDescription)")
        }
        input.fileHandleForWriting.write(Data(dot.utf8))
        try? input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandError.cannotWrite(path: path, reason: "dot failed (exit \(process.terminationStatus)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        if !message.isEmpty { context.warn("dot: " + message.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// A drawing's title from a query's first line.
enum DotTitle {
    static func short(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 100 ? String(trimmed.prefix(100)) + "…" : trimmed
    }
}
