/// `kg dot QUERY -o out.svg`: `kg query --format dot`, drawn by GraphViz when -o names a picture.
enum DotCommand {
    static var spec: CommandSpec { CommandSpec(
        name: "dot", abstract: "Draw the subgraph a query's matches bind (GraphViz dot; -o out.svg runs dot).",
        usage: "'MATCH ...' | -f FILE.cypher [-o FILE.svg|.png|.pdf|.dot] [--param NAME=VALUE]... [--as-of SEQ]",
        discussion: "The same query language and options as `kg query`; the output is the drawing. Without -o the dot text goes to stdout.",
        options: QueryCommand.spec.options.filter { $0.name != "format" && $0.name != "explain" },
        positionals: 0...1,
        run: { arguments, invocation in try QueryCommand.run(arguments, invocation, forcedFormat: "dot") }) }
}
