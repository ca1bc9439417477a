import Foundation

/// Wall-clock time for commit records.
enum Clock {
    /// Milliseconds since 1970-01-01 UTC.
    static func nowMillis() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}
