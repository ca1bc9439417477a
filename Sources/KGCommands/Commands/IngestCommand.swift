import Foundation
import KGExtract
import KGInterchange
import KGModel
import KGStore

/// `kg ingest PATH...`: extracts parliamentary papers into the graph, one transaction per document.
enum IngestCommand {
    static let extensions: Set<String> = ["txt", "md", "xml", "pdf"]

    static var spec: CommandSpec { CommandSpec(
        name: "ingest", abstract: "Extract parliamentary papers (files or folders) into the graph, one transaction per document.",
        usage: "PATH... [--reference DIR] [--no-sync] [--format text|json]",
        discussion: """
        Reads .txt and .md (Markdown or text extracted from PDF), .xml (official publication XML) and
        .pdf (through pdftotext, when installed). Folders are searched recursively, files taken in name
        order. A document whose bytes were ingested before adds nothing; a changed file at the same path
        supersedes what its earlier version said. Files that cannot be read are reported and skipped.
        """,
        options: [
            OptionSpec("reference", value: "DIR", help: "reference tables (default Graph/reference if present, else built in)"),
            OptionSpec("no-sync", help: "skip fsync at commit: faster, UNSAFE on crash or power loss"),
            OptionSpec("format", value: "FORMAT", help: "output: text (default) or json"),
        ],
        positionals: 1...Int.max,
        run: { arguments, invocation in
            let format = try invocation.format(["text", "json"], usage: invocation.usage)
            let context = invocation.context
            let files = try collect(arguments.positionals)
            guard !files.isEmpty else { throw CommandError.refused("no .txt, .md, .xml or .pdf files in \(arguments.positionals.joined(separator: ", "))") }
            let reference = try IngestSupport.reference(arguments.value("reference"), context: context)
            let extractor = Extractor(reference: reference)
            let store = try invocation.openForWriting(create: true)
            defer { store.close() }
            var corpus = try CorpusContext(graph: store.graph)
            var results: [JSONValue] = []
            var failures = 0
            for (index, file) in files.enumerated() {
                if files.count > 1 && context.stderrIsTerminal { context.writeErr("\r[\(index + 1)/\(files.count)] \(file)\u{1B}[K") }
                let input: ExtractionInput
                do { input = try IngestSupport.input(file) } catch {
                    failures += 1
                    context.endProgress()
                    context.writeErr("kg: error: \(error); skipped\n")
                    results.append(.object([("file", .string(file)), ("status", .string("refused")), ("reason", .string("\(error)"))]))
                    continue
                }
                let source = "document:" + sourceKey(file)
                if let earlier = store.graph.transactions.last(where: { $0.sourceHash == input.sha256 && $0.supersededBy == 0 }) {
                    results.append(.object([("file", .string(file)), ("status", .string("unchanged")), ("sequence", .integer(Int64(earlier.sequence))),
                                            ("document", .string(input.documentID.rawValue))]))
                    if format == "text" {
                        context.endProgress()
                        context.out("\(file): unchanged (these bytes are \(input.documentID), ingested as transaction \(earlier.sequence)); nothing added")
                    }
                    continue
                }
                let result = extractor.extract(input, context: corpus)
                let outcome = try store.commit(result.batch, source: source, sourceHash: input.sha256)
                corpus.absorb(result.batch)
                guard case .committed(let info, let superseded) = outcome else { continue }
                let counts = result.counts
                func count(_ key: String) -> Int { counts[key] ?? 0 }
                results.append(.object([
                    ("file", .string(file)), ("status", .string("committed")), ("sequence", .integer(Int64(info.sequence))),
                    ("document", .string(result.documentID.rawValue)), ("superseded", .bool(superseded)),
                    ("nodeFacts", .integer(Int64(info.nodeFacts))), ("edgeFacts", .integer(Int64(info.edgeFacts))),
                    ("questions", .integer(Int64(count("Question")))), ("answers", .integer(Int64(count("Answer")))),
                    ("citations", .integer(Int64(count("edge:cites")))), ("findings", .integer(Int64(result.findings.count))),
                ]))
                if format == "text" {
                    context.endProgress()
                    var line = "\(file): \(result.documentID), transaction \(info.sequence): \(count("Question")) questions, \(count("Answer")) answers, "
                    line += "\(count("edge:cites")) citations, \(count("Meeting")) meetings, \(count("Motion")) motions, \(count("Country")) countries"
                    if superseded { line += " (replaces the earlier version of this file)" }
                    if !result.findings.isEmpty { line += "; \(result.findings.count) findings (kg extract \(file) --dump graph lists them)" }
                    context.out(line)
                }
            }
            context.endProgress()
            if format == "json" { context.out(JSONWriter.encode(.array(results))) }
            if failures > 0 {
                throw CommandError.refused(failures == files.count
                    ? "none of the \(files.count) files could be read (see above); nothing was ingested"
                    : "\(failures) of \(files.count) files could not be read (see above); the others were ingested")
            }
        }) }

    /// The files named: files as given, folders searched recursively for known extensions, in name order.
    static func collect(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandError.cannotRead(path: path, reason: "no such file or directory")
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else { throw CommandError.cannotRead(path: path, reason: "cannot list the folder") }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let ext = (relative as NSString).pathExtension.lowercased()
                if extensions.contains(ext) { found.append((path as NSString).appendingPathComponent(relative)) }
            }
            files += found.sorted()
        }
        return files
    }

    /// A file's source key: its path relative to the working directory when inside it, else absolute.
    static func sourceKey(_ path: String) -> String {
        let absolute = FileAccess.absolute(path)
        let cwd = FileAccess.absolute(FileManager.default.currentDirectoryPath) + "/"
        return absolute.hasPrefix(cwd) ? String(absolute.dropFirst(cwd.count)) : absolute
    }
}
