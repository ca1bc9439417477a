// Reproduces the one leak LeakSanitizer reports outside this package's code (suppressed in lsan.supp):
// Foundation's FileManager.contents(atPath:) (FoundationEssentials readBytesFromFile, Swift 6.3.1 on
// Linux) leaks a 4096-byte buffer each time it reads an empty file. A non-empty file does not leak.
//
//   swiftc -sanitize=address Tools/sanitize/foundation-empty-file-leak.swift -o /tmp/leak-probe
//   ASAN_OPTIONS=detect_leaks=1 /tmp/leak-probe empty   # SUMMARY: ... 12288 byte(s) leaked in 3 allocation(s)
//   ASAN_OPTIONS=detect_leaks=1 /tmp/leak-probe full    # no report
import Foundation
let empty = NSTemporaryDirectory() + "/kg-leak-probe-empty.txt", full = NSTemporaryDirectory() + "/kg-leak-probe-full.txt"
FileManager.default.createFile(atPath: empty, contents: Data())
FileManager.default.createFile(atPath: full, contents: Data("hello".utf8))
let which = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "empty"
for _ in 0..<3 { _ = FileManager.default.contents(atPath: which == "empty" ? empty : full) }
