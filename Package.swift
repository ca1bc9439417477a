// swift-tools-version: 6.0
// Kamergraaf: a knowledge-graph store for Dutch parliamentary papers.
// No dependencies beyond the Swift toolchain (Foundation, Dispatch, Swift Testing).
import PackageDescription

let package = Package(
    name: "Kamergraaf",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kg", targets: ["kg"]),
        .library(name: "KGModel", targets: ["KGModel"]),
        .library(name: "KGStore", targets: ["KGStore"]),
        .library(name: "KGText", targets: ["KGText"]),
        .library(name: "KGQuery", targets: ["KGQuery"]),
    ],
    targets: [
        // Leaf: ids, labels, values, provenance, canonical ids, the in-memory graph.
        .target(name: "KGModel"),
        // JSON values and the JSON Lines graph interchange form.
        .target(name: "KGInterchange", dependencies: ["KGModel"]),
        // Citation text -> canonical ids: a single-pass byte scanner and a resolver (pure functions).
        .target(name: "KGCitations", dependencies: ["KGModel"], exclude: ["README.md"]),
        // Source files -> the text the extractor reads, with an exact map back to source byte offsets
        // (plain text and Markdown, publication XML in both dialects, PDF via pdftotext).
        .target(name: "KGText", dependencies: ["KGModel"]),
        // Document text -> graph facts with provenance: segmentation, layout, rules, resolution.
        .target(name: "KGExtract", dependencies: ["KGModel", "KGCitations"]),
        // A subgraph -> GraphViz dot text (labels, styles, legend, tooltips, links, date ranks).
        .target(name: "KGDot", dependencies: ["KGModel"]),
        // The append-only graph file: format, encoding, file I/O, log reader/writer, snapshot.
        .target(name: "KGStore", dependencies: ["KGModel"]),
        // Query language front end: lexer, AST, parser, syntax errors with line:column (no dependencies).
        .target(name: "KGQuerySyntax"),
        // Query engine: binder -> planner -> executor over the in-memory graph (never imports KGStore).
        .target(name: "KGQuery", dependencies: ["KGQuerySyntax", "KGModel"]),
        // Subcommands, argument parsing, output formats, exit codes: the only place that prints.
        .target(name: "KGCommands", dependencies: ["KGModel", "KGInterchange", "KGStore", "KGCitations", "KGText", "KGExtract", "KGDot", "KGQuerySyntax", "KGQuery"]),
        // The `kg` executable: main.swift only.
        .executableTarget(name: "kg", dependencies: ["KGCommands"]),
        // Benchmarks (open time, import throughput, ...): `swift run -c release kg-bench`.
        .executableTarget(
            name: "kg-bench", dependencies: ["KGModel", "KGInterchange", "KGStore", "KGCommands", "KGExtract", "KGCitations", "KGQuery"],
            path: "Tools/kg-bench"),
        // Fuzz targets: one function per input path that checks its invariants (Tools/fuzz/README in
        // Tools/README.md); libFuzzer entries in Tools/fuzz/Entry, seeded mutations in KGFuzzTests.
        .target(
            name: "KGFuzzTargets", dependencies: ["KGModel", "KGInterchange", "KGStore", "KGQuerySyntax", "KGQuery", "KGText", "KGExtract"],
            path: "Tools/fuzz/Targets"),

        .target(name: "KGTestSupport", dependencies: ["KGModel", "KGStore"], path: "Tests/KGTestSupport"),
        .testTarget(name: "KGModelTests", dependencies: ["KGModel", "KGTestSupport"]),
        .testTarget(name: "KGCitationsTests", dependencies: ["KGCitations", "KGModel"]),
        .testTarget(name: "KGInterchangeTests", dependencies: ["KGInterchange", "KGModel", "KGTestSupport"]),
        .testTarget(name: "KGTextTests", dependencies: ["KGText", "KGModel", "KGTestSupport"]),
        .testTarget(name: "KGStoreTests", dependencies: ["KGStore", "KGModel", "KGTestSupport"]),
        .testTarget(name: "KGExtractTests", dependencies: ["KGExtract", "KGModel", "KGTestSupport"]),
        .testTarget(name: "KGDotTests", dependencies: ["KGDot", "KGModel", "KGTestSupport"]),
        .testTarget(name: "KGQuerySyntaxTests", dependencies: ["KGQuerySyntax"]),
        .testTarget(name: "KGQueryTests", dependencies: ["KGQuery", "KGQuerySyntax", "KGModel", "KGTestSupport"]),
        .testTarget(name: "KGCommandsTests", dependencies: ["KGCommands", "KGStore", "KGModel", "KGTestSupport"]),
        .testTarget(name: "KGFuzzTests", dependencies: ["KGFuzzTargets", "KGTestSupport"]),
    ]
)
