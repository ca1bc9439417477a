/// How a node of each label is drawn: shape and colours, one per label, in a fixed order of
/// preference when a node has several labels (a Motion that is also a Kamerstuk is drawn as a Motion).
public struct NodeStyle: Sendable, Equatable {
    public var shape: String
    public var fill: String
    public var border: String

    public init(shape: String, fill: String, border: String) {
        self.shape = shape
        self.fill = fill
        self.border = border
    }

    /// Styles by label, in preference order.
    public static let byLabel: [(label: String, style: NodeStyle)] = [
        ("Motion", NodeStyle(shape: "octagon", fill: "#fde2e4", border: "#c9184a")),
        ("Document", NodeStyle(shape: "note", fill: "#e3f2fd", border: "#1565c0")),
        ("Meeting", NodeStyle(shape: "doubleoctagon", fill: "#fff3bf", border: "#e67700")),
        ("Question", NodeStyle(shape: "box", fill: "#e6fcf5", border: "#087f5b")),
        ("Answer", NodeStyle(shape: "box", fill: "#f3f0ff", border: "#5f3dc4")),
        ("Passage", NodeStyle(shape: "box", fill: "#f8f9fa", border: "#868e96")),
        ("Kamerstuk", NodeStyle(shape: "component", fill: "#e7f5ff", border: "#1971c2")),
        ("Dossier", NodeStyle(shape: "folder", fill: "#e7f5ff", border: "#1864ab")),
        ("Faction", NodeStyle(shape: "ellipse", fill: "#ffe8cc", border: "#d9480f")),
        ("Minister", NodeStyle(shape: "ellipse", fill: "#d3f9d8", border: "#2b8a3e")),
        ("Member", NodeStyle(shape: "ellipse", fill: "#fff0f6", border: "#a61e4d")),
        ("Regulation", NodeStyle(shape: "tab", fill: "#e5dbff", border: "#5f3dc4")),
        ("Country", NodeStyle(shape: "hexagon", fill: "#c5f6fa", border: "#0b7285")),
        ("Aanhangsel", NodeStyle(shape: "component", fill: "#f1f3f5", border: "#495057")),
        ("Handelingen", NodeStyle(shape: "component", fill: "#f1f3f5", border: "#495057")),
        ("Zaak", NodeStyle(shape: "component", fill: "#f1f3f5", border: "#495057")),
        ("Staatsblad", NodeStyle(shape: "component", fill: "#f1f3f5", border: "#495057")),
        ("Mention", NodeStyle(shape: "plaintext", fill: "#ffffff", border: "#adb5bd")),
    ]

    /// The style for an unknown label or none.
    public static let other = NodeStyle(shape: "ellipse", fill: "#ffffff", border: "#495057")

    /// The label that decides the drawing, and its style.
    public static func style(for labels: [String]) -> (label: String, style: NodeStyle) {
        for entry in byLabel where labels.contains(entry.label) { return entry }
        return (labels.first ?? "(no label)", other)
    }
}
