// kg-bench: benchmarks for the graph store. Run in release mode:
//   swift run -c release kg-bench open   [--nodes N] [--edges M] [--runs R] [--dir DIR]
//   swift run -c release kg-bench import [--edges M] [--runs R] [--dir DIR]
//   swift run -c release kg-bench citations [--megabytes MB] [--runs R] [--corpus DIR]
//   swift run -c release kg-bench extract [--megabytes MB] [--runs R] [--corpus DIR]
//   swift run -c release kg-bench query  [--nodes N] [--degree D] [--seed S] [--rounds R] [--export DIR]
// Results are medians over R runs, with a baseline measured in the same run; see Tools/README.md.
import Foundation
import KGCitations
import KGCommands
import KGInterchange
import KGModel
import KGStore

let arguments = CommandLine.arguments
let options = Options(arguments.dropFirst(2))
do {
    switch arguments.count > 1 ? arguments[1] : "" {
    case "open": try openBenchmark(options)
    case "import": try importBenchmark(options)
    case "citations": try citationsBenchmark(options)
    case "extract": try extractBenchmark(options)
    case "query": try queryBenchmark(options)
    case "query-profile": try queryProfile(options)
    default:
        print("usage: kg-bench open [--nodes N] [--edges M] [--runs R] [--dir DIR]\n       kg-bench import [--edges M] [--runs R] [--dir DIR]\n       kg-bench citations [--megabytes MB] [--runs R] [--corpus DIR]\n       kg-bench extract [--megabytes MB] [--runs R] [--corpus DIR]\n       kg-bench query [--nodes N] [--degree D] [--seed S] [--rounds R] [--export DIR]\n       kg-bench query-profile [--runs R]")
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("kg-bench: error: \(error)\n".utf8))
    exit(1)
}
