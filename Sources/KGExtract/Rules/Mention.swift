import KGModel

/// Something a rule found in a paragraph: what it refers to, where (clean-text range), which rule
/// found it and how sure it is. Mentions that could not be resolved keep `resolved == false` and
/// stay visible in the graph as `Mention` stubs.
struct Mention {
    enum Target {
        case citation(ids: [CanonicalID], kind: String, note: String?)
        case meeting(MeetingRef)
        case office(offices: [String])
        /// "de minister" / "de staatssecretaris" without a department: the one the paper addresses.
        case addressedOffice(role: String)
        case motion(MotionRef)
        case country(iso: String, name: String)
        case regulation(id: String, name: String)
    }

    var target: Target
    /// Clean-text byte range in its paragraph (or footnote).
    var range: Range<Int>
    var rule: String
    var confidence: Double
}

/// A council meeting as a text names it.
struct MeetingRef: Equatable {
    /// Short code used in ids: `jbz`, `euco`, `raz`, `coreper`, `epsco`, `rbz`.
    var body: String
    /// The body's name as used in `name` (`JBZ-Raad`).
    var bodyName: String
    var date: DutchDate?
    var informal: Bool
    var extra: Bool
    /// "agenda" or "verslag" when the phrase names a paper about the meeting.
    var paper: String?
    var place: String?
}

/// A motion as a text names it.
struct MotionRef: Equatable {
    /// Member surnames as written ("Van Ginneken", "Brekelmans").
    var members: [String]
    var plural: Bool
    /// A short form ("de motie Kuik") rather than a full one with "van het lid" or a number.
    var short: Bool
    /// "de motie"/"deze motie" without a name: refers back.
    var anaphoric: Bool
    var coSigners: Bool
    /// The clean-text end of the motion phrase (where a footnote marker or citation may follow).
    var phraseEnd: Int
}
