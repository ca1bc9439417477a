/// Something accepted but worth a look, with the source byte it is about when there is one.
public struct PublicationWarning: Hashable, Sendable, CustomStringConvertible {
    /// The source byte it is about, when there is one.
    public let offset: Int?
    /// What is odd, in a sentence.
    public let message: String

    public init(offset: Int?, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { (offset.map { "byte \($0): " } ?? "") + message }
}
