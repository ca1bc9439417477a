/// A node label such as `Kamerstuk` or `Motion`. The set is open: users may bring their own.
public struct Label: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The label's name.
    public let name: String

    /// Validates and wraps a label name (letters, digits, `_`; not starting with a digit).
    public init(_ name: String) throws {
        if let reason = Name.problem(with: name) {
            throw ModelError.invalidName(name, kind: "label", reason: reason)
        }
        self.name = name
    }

    init(known name: String) { self.name = name }

    public var description: String { name }
    public static func < (lhs: Label, rhs: Label) -> Bool { lhs.name < rhs.name }

    public static let document = Label(known: "Document")
    public static let kamerstuk = Label(known: "Kamerstuk")
    public static let dossier = Label(known: "Dossier")
    public static let motion = Label(known: "Motion")
    public static let meeting = Label(known: "Meeting")
    public static let minister = Label(known: "Minister")
    public static let member = Label(known: "Member")
    public static let faction = Label(known: "Faction")
    public static let regulation = Label(known: "Regulation")
    public static let country = Label(known: "Country")
    public static let question = Label(known: "Question")
    public static let answer = Label(known: "Answer")

    public static let passage = Label(known: "Passage")
    public static let mention = Label(known: "Mention")
    public static let aanhangsel = Label(known: "Aanhangsel")
    public static let handelingen = Label(known: "Handelingen")
    public static let zaak = Label(known: "Zaak")
    public static let staatsblad = Label(known: "Staatsblad")

    /// The twelve labels of the domain; the extractor also writes `Passage`, `Mention`, `Aanhangsel`,
    /// `Handelingen` and `Zaak`, and a graph may hold others.
    public static let known: [Label] = [
        .document, .kamerstuk, .dossier, .motion, .meeting, .minister, .member, .faction,
        .regulation, .country, .question, .answer,
    ]
}
