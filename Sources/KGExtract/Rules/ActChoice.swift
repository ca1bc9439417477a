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
    ///   and the older before it (`regulation.alias-by-date`); without a document date, or with two
    ///   successors of one act left, all are kept (`regulation.alias-unresolved`, low confidence);
    /// - what is left is one act, or a collective name for all that remain (`regulation.alias-collective`).
    static func resolve(_ choices: [ActChoice], date: Day?) -> (chosen: [ActChoice], rule: String) {
        let ids = Set(choices.map(\.id))
        // An amending act never carries the name of the act it amends: drop it whatever the date.
        let amending = Set(choices.filter { choice in
            choice.relations.contains { $0.kind == "amends" && $0.id != choice.id && ids.contains($0.id) }
        }.map(\.id))
        let candidates = choices.filter { !amending.contains($0.id) }
        var dropped: Set<String> = []
        var byDate = false, unresolved = false
        for choice in candidates {
            for relation in choice.relations where relation.kind == "repeals" || relation.kind == "replaces" {
                guard relation.id != choice.id, ids.contains(relation.id), !amending.contains(relation.id) else { continue }
                guard let date, let adopted = choice.date else { unresolved = true; continue }
                dropped.insert(date >= adopted ? relation.id : choice.id)
                byDate = true
            }
        }
        let chosen = candidates.filter { !dropped.contains($0.id) }
        // Without the dates to decide, or with two successors of one act left, the name stays ambiguous.
        if unresolved || chosen.isEmpty || (byDate && chosen.count > 1) {
            return (candidates.isEmpty ? choices : candidates, "regulation.alias-unresolved")
        }
        if chosen.count > 1 { return (chosen, "regulation.alias-collective") }
        return (chosen, byDate ? "regulation.alias-by-date" : !amending.isEmpty ? "regulation.alias-amended-act" : "regulation.alias")
    }
}
