/// An `<extref doc=... soort=...>`: a link the publisher put on a stretch of text.
public struct ExternalReference: Hashable, Sendable {
    /// The `doc` attribute: an id (`kst-28844-266`, `stb-2015-145`, `h-tk-20222023-84-12`) or a URL.
    public let target: String
    /// The `soort` attribute (`document`, `URL`), empty when absent.
    public let kind: String
    /// The `status` attribute (`actief`), if any.
    public let status: String?
    /// The text bytes the element's content became (empty, at its position, when it had no text).
    public let textRange: Range<Int>
    /// The whole element in the source, `<extref` through `</extref>`.
    public let sourceRange: Range<Int>
    /// The label of the footnote whose text holds it, or nil in the body.
    public let footnote: String?

    /// The target as a Kamerstuk or other canonical id, when it is one or is an officielebekendmakingen
    /// URL of one (`https://zoek.officielebekendmakingen.nl/kst-35300-XIV-67.html`).
    public var canonicalTarget: String? {
        PublicationIdentity.canonicalTarget(of: target)
    }
}
