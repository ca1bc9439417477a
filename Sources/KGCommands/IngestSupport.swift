import Foundation
import KGExtract
import KGModel

/// Shared by `kg ingest` and `kg extract`: reading documents and choosing reference data.
enum IngestSupport {
    static let defaultReferenceDirectory = "Graph/reference"

    /// The reference data: `--reference DIR`, else Graph/reference when present, else built in.
    static func reference(_ directory: String?, context: CommandContext) throws -> ReferenceData {
        if let directory { return try ReferenceData.load(directory: directory) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: defaultReferenceDirectory, isDirectory: &isDirectory), isDirectory.boolValue {
            return try ReferenceData.load(directory: defaultReferenceDirectory)
        }
        return .builtin
    }

    /// A document to extract.
    static func input(_ path: String) throws -> ExtractionInput {
        let bytes = try FileAccess.read(path)
        return ExtractionInput(fileName: path, bytes: bytes)
    }
}
