/// Errors of the command layer. `usage` exits 2; everything else exits 1.
public enum CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command line is wrong: what was expected, and the usage line to show.
    case usage(String, usage: String)
    /// A file the user named cannot be read.
    case cannotRead(path: String, reason: String)
    /// A file the user named cannot be written.
    case cannotWrite(path: String, reason: String)
    /// `kg verify` found problems (already printed).
    case verificationFailed(path: String)
    /// An input file was refused (message says why).
    case refused(String)

    public var description: String {
        switch self {
        case .usage(let message, _): return message
        case .cannotRead(let path, let reason): return "\(path): cannot read: \(reason)"
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .verificationFailed(let path): return "\(path): verification found damage (see above)"
        case .refused(let message): return message
        }
    }
}
