import Foundation

/// Reading and writing user-named files with errors that name the path.
public enum FileAccess {
    /// The whole file at `path`.
    public static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError.cannotRead(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw CommandError.cannotRead(path: path, reason: "is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.cannotRead(path: path, reason: "permission denied or unreadable")
        }
        return Array(data)
    }

    /// Writes `text` to `path`, replacing it.
    public static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Creates the folder `path` and its parents when missing.
    public static func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CommandError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// The absolute, standardized form of `path` (the source key of an imported file).
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
