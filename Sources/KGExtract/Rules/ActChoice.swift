import KGModel

/// One act an alias may name, with what is needed to choose between acts that share the alias:
/// "Opvangrichtlijn" is Directive 2013/33/EU in a paper written before its recast (EU) 2024/1346 was
/// adopted and the recast afterwards; "slachtofferrechtenrichtlijn" is the directive, not the proposal
/// that amends it; "Opvang- en Procedurerichtlijn" names both directives.
struct ActChoice: Sendable {
    var id: String
    var name: String
    /// Adoption (or publication) date from the reference data.
    var date: Day?
    /// Typed links to other acts: `repeals`, `replaces`, `amends`, ...
    var relations: [(kind: String, id: String)]

    /// The acts an alias shared by `choices` names in a document dated `date`, and the rule that chose:
    /// - an act that amends another of the choices is left out (the name means the amended act);
    /// - of an act that repeals or replaces another of the choices, the newer is meant from its date on
    ///   and the older before it (`regulation.alias-by-date`); without a document date both are kept
    ///   (`regulation.alias-unresolved`, low confidence);
    /// - what is left is one act, or a collective name for all that remain (`regulation.alias-collective`).
    static func resolve(_ choices: [ActChoice], date: Day?) -> (chosen: [ActChoice], rule: String) {
        let ids = Set(choices.map(\.id))
        var dropped: Set<String> = []
        var byDate = false, unresolved = false, amended = false
        for choice in choices {
            for relation in choice.relations where ids.contains(relation.id) && relation.id != choice.id {
                switch relation.kind {
                case "amends":
                    dropped.insert(choice.id)
                    amended = true
                case "repeals", "replaces":
                    guard let date, let adopted = choice.date else { unresolved = true; continue }
                    dropped.insert(date >= adopted ? relation.id : choice.id)
                    byDate = true
                default:
                    continue
                }
            }
        }
        if unresolved { return (choices, "regulation.alias-unresolved") }
        let chosen = choices.filter { !dropped.contains($0.id) }
        guard !chosen.isEmpty else { return (choices, "regulation.alias-unresolved") }
        if chosen.count > 1 { return (chosen, "regulation.alias-collective") }
        return (chosen, byDate ? "regulation.alias-by-date" : amended ? "regulation.alias-amended-act" : "regulation.alias")
    }
}
