import Foundation

/// The repository's bundled corpus files, found from this source file's path.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The 11 publication XML files in Graph/corpus-xml.
    static let xmlFiles = [
        "kst_24138_3.xml", "kst_24447_6.xml", "kst_24507_3.xml", "kst_25823_3.xml", "kst_28844_269.xml", "kst_31911_3.xml",
        "kst_34468_3.xml", "kst_35470_xiv_4.xml", "kst_35786_7.xml", "kst_36750_3.xml", "kst_37020_x_1.xml",
    ]

    static func xml(_ name: String) throws -> [UInt8] {
        try bytes("Graph/corpus-xml/" + name)
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    static func path(_ relativePath: String) -> String {
        root.appendingPathComponent(relativePath).path
    }
}
