import KGCitations
import KGInterchange
import KGModel

/// `kg resolve TEXT`: the canonical ids a citation text names, and how they were found.
enum ResolveCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "resolve", abstract: "Resolve citation text to canonical ids (Kamerstuk, Aanhangsel, Handelingen, zaak, EU act, COM, Staatsblad).",
        usage: "TEXT... [--format text|json]",
        discussion: """
        The words of TEXT are joined by spaces; `-` reads the text from standard input (a footnote, a
        paragraph or a whole document). Prints one line per citation found: the ids, the kind, the rule
        that matched and its confidence, the citation as written (white space collapsed) and, when
        something is missing or doubtful, a note. Exits 1 when the text holds no citation.

        examples:
          kg resolve "Kamerstukken II 2023/24, 32 317, nr. 872"
          kg resolve "(Kamerstukken 26 643 en 34 843, nr. 1069)" --format json
          kg resolve - < Graph/corpus/002_36ac0271ae4ecca8.txt
        """,
        options: [OptionSpec("format", value: "FORMAT", help: "text (default) or json")],
        positionals: 1...1024,
        run: { arguments, invocation in
            let format = try invocation.format(["text", "json"], usage: invocation.usage)
            let text: String
            if arguments.positionals == ["-"] {
                text = String(decoding: invocation.context.readStandardInput(), as: UTF8.self)
            } else {
                text = arguments.positionals.joined(separator: " ")
            }
            let resolutions = try CitationResolver.resolveChecked(text)
            if format == "json" {
                invocation.context.out(JSONWriter.encode(.object([
                    ("citations", .array(resolutions.map(json))),
                ])))
                return
            }
            for resolution in resolutions { invocation.context.out(resolution.description) }
        }) }

    /// One resolution as a JSON object.
    static func json(_ resolution: Resolution) -> JSONValue {
        let citation = resolution.citation
        var members: [(String, JSONValue)] = [
            ("ids", .array(citation.ids.map { .string($0.description) })),
            ("kind", .string(citation.kind.rawValue)),
            ("rule", .string(citation.rule)),
            ("confidence", .double(citation.confidence)),
            ("text", .string(citation.text)),
            ("normalised", .string(resolution.normalised)),
            ("start", .integer(Int64(citation.range.lowerBound))),
            ("end", .integer(Int64(citation.range.upperBound))),
        ]
        if !citation.jointDossiers.isEmpty { members.append(("jointDossiers", .array(citation.jointDossiers.map { .string($0) }))) }
        if let note = citation.note { members.append(("note", .string(note))) }
        return .object(members)
    }
}
