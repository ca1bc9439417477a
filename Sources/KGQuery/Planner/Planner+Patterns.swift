import KGModel
import KGQuerySyntax

/// Planning one pattern (MATCH, OPTIONAL MATCH, or `exists`).
extension Planner {
    /// A WHERE conjunct or property-map predicate and the slots it reads.
    struct Predicate {
        var expression: BoundExpression
        var slots: Set<Int>
        var placed = false
    }

    func planPattern(_ pattern: BoundPattern, bound: inout Set<Int>) -> [PlanStep] {
        let boundAtStart = bound
        var steps: [PlanStep] = []
        var predicates = pattern.predicates.map { expression -> Predicate in
            var slots = Set<Int>()
            expression.collectSlots(into: &slots, existsSlots: query.existsOuterSlots)
            return Predicate(expression: expression, slots: slots)
        }

        // Id lookups: `n.id = e` (or `{id: e}`) and `n.id IN e`, where e reads nothing of this pattern.
        // The predicate is consumed only if the node is anchored by the lookup; a node reached by
        // expansion keeps it as a filter.
        var seeks: [Int: (expression: BoundExpression, isList: Bool, predicate: Int)] = [:]
        for (index, node) in pattern.nodes.enumerated() where !node.boundBefore && seeks[index] == nil {
            for p in predicates.indices where !predicates[p].placed {
                if let seek = seekExpression(predicates[p].expression, slot: node.slot, boundAtStart: boundAtStart) {
                    seeks[index] = (seek.expression, seek.isList, p)
                    break
                }
            }
        }

        var plannedNodes = Set(pattern.nodes.indices.filter { pattern.nodes[$0].boundBefore })
        var plannedRelationships = Set<Int>()
        var builtPaths = Set<Int>()

        func placeReadyPredicates() {
            for p in predicates.indices where !predicates[p].placed && predicates[p].slots.isSubset(of: bound) {
                predicates[p].placed = true
                steps.append(.filter(predicates[p].expression))
            }
        }
        func buildReadyPaths() {
            for (index, path) in pattern.paths.enumerated() where !builtPaths.contains(index) {
                guard path.relationships.allSatisfy(plannedRelationships.contains) && path.nodes.allSatisfy(plannedNodes.contains) else { continue }
                builtPaths.insert(index)
                guard let slot = path.slot, path.selector == .all else { continue }
                steps.append(.buildPath(BuildPathStep(
                    slot: slot, nodes: path.nodes.map { pattern.nodes[$0].slot },
                    relationships: path.relationships.map { (pattern.relationships[$0].slot, pattern.relationships[$0].hops != nil) })))
                bound.insert(slot)
            }
        }

        // Nodes bound earlier: their labels are checked first; a bound node in no relationship must
        // at least not be null.
        for node in pattern.nodes where node.boundBefore {
            if !node.labels.isEmpty || node.impossible {
                steps.append(.filter(.hasLabels(.slot(node.slot), node.impossible ? nil : node.labels, names: node.labelNames)))
            }
        }
        for (index, node) in pattern.nodes.enumerated() where node.boundBefore {
            if !pattern.relationships.contains(where: { $0.left == index || $0.right == index }) {
                steps.append(.filter(.isNull(.slot(node.slot), negated: true)))
            }
        }
        placeReadyPredicates()

        var rows = 1.0
        while true {
            // The next relationship: one whose ends are both planned (a check) before any other, else the
            // one whose far end is cheapest. Shortest paths need both ends.
            var best: (index: Int, cost: Double)?
            for (index, relationship) in pattern.relationships.enumerated() where !plannedRelationships.contains(index) {
                let leftPlanned = plannedNodes.contains(relationship.left), rightPlanned = plannedNodes.contains(relationship.right)
                let cost: Double
                if relationship.selector != .all {
                    guard leftPlanned && rightPlanned else { continue }
                    cost = 0
                } else if leftPlanned && rightPlanned {
                    cost = 0
                } else if leftPlanned || rightPlanned {
                    let far = leftPlanned ? relationship.right : relationship.left
                    cost = 1 + estimate(pattern.nodes[far], seek: seeks[far] != nil)
                } else {
                    continue
                }
                if best == nil || cost < best!.cost { best = (index, cost) }
            }
            if let (index, _) = best {
                let relationship = pattern.relationships[index]
                steps.append(planRelationship(index, in: pattern, plannedNodes: plannedNodes, plannedRelationships: plannedRelationships,
                                              rows: &rows))
                plannedRelationships.insert(index)
                plannedNodes.insert(relationship.left)
                plannedNodes.insert(relationship.right)
                bound.insert(pattern.nodes[relationship.left].slot)
                bound.insert(pattern.nodes[relationship.right].slot)
                bound.insert(relationship.slot)
                if relationship.selector != .all, let slot = pattern.paths[relationship.path].slot { bound.insert(slot) }
            } else {
                // A new anchor: the cheapest unplanned node (an id lookup wins a tie).
                var cheapest: (index: Int, cost: Double, rank: Int)?
                for (index, node) in pattern.nodes.enumerated() where !plannedNodes.contains(index) {
                    let cost = estimate(node, seek: seeks[index] != nil)
                    let rank = seeks[index] != nil ? 0 : node.labels.isEmpty ? 2 : 1
                    if cheapest == nil || (cost, rank) < (cheapest!.cost, cheapest!.rank) { cheapest = (index, cost, rank) }
                }
                guard let (index, cost, _) = cheapest else { break }
                let node = pattern.nodes[index]
                var check = NodeCheck(labels: node.labels, impossible: node.impossible)
                let kind: AnchorKind
                if let seek = seeks[index] {
                    kind = .seek(seek.expression, isList: seek.isList)
                    predicates[seek.predicate].placed = true
                } else if let rarest = node.labels.min(by: { labelCount($0) < labelCount($1) }), !node.impossible {
                    kind = .labelScan(rarest)
                    check.labels.removeAll { $0 == rarest }
                } else {
                    kind = .allNodes
                }
                rows *= max(cost, 0)
                steps.append(.anchor(AnchorStep(slot: node.slot, kind: kind, check: check, estimate: rows)))
                plannedNodes.insert(index)
                bound.insert(node.slot)
            }
            buildReadyPaths()
            placeReadyPredicates()
        }
        buildReadyPaths()
        for p in predicates.indices where !predicates[p].placed { steps.append(.filter(predicates[p].expression)) }
        bound.formUnion(pattern.introduced)
        return steps
    }

    /// The id expression of a conjunct `slot.id = e`, `e = slot.id` or `slot.id IN e` (as a list seek),
    /// when e reads only slots bound before the pattern.
    func seekExpression(_ predicate: BoundExpression, slot: Int, boundAtStart: Set<Int>) -> (expression: BoundExpression, isList: Bool)? {
        func isID(_ expression: BoundExpression) -> Bool {
            if case .property(.slot(let s), "id", _) = expression, s == slot { return true }
            return false
        }
        func usable(_ expression: BoundExpression) -> Bool {
            var slots = Set<Int>()
            var hasExists = false
            expression.walk { if case .exists = $0 { hasExists = true } }
            expression.collectSlots(into: &slots, existsSlots: query.existsOuterSlots)
            return !hasExists && slots.isSubset(of: boundAtStart)
        }
        switch predicate {
        case .compare(.equal, let a, let b):
            if isID(a) && usable(b) { return (b, false) }
            if isID(b) && usable(a) { return (a, false) }
        case .inList(let a, let b):
            if isID(a) && usable(b) { return (b, true) }
        default:
            break
        }
        return nil
    }

    /// The step for relationship `index`, expanding from whichever end is planned (the left one when both).
    func planRelationship(_ index: Int, in pattern: BoundPattern, plannedNodes: Set<Int>, plannedRelationships: Set<Int>,
                          rows: inout Double) -> PlanStep {
        let relationship = pattern.relationships[index]
        let fromLeft = plannedNodes.contains(relationship.left)
        let fromIndex = fromLeft ? relationship.left : relationship.right
        let toIndex = fromLeft ? relationship.right : relationship.left
        let from = pattern.nodes[fromIndex], to = pattern.nodes[toIndex]
        let toBound = plannedNodes.contains(toIndex)
        let direction = TraversalDirection(relationship.direction, fromLeft: fromLeft)
        let check = toBound ? NodeCheck() : NodeCheck(labels: to.labels, impossible: to.impossible)
        let display = describe(relationship, in: pattern, fromLeft: fromLeft)

        // Edges of this MATCH already bound that this one must differ from (trail semantics), when their
        // types can coincide.
        let others = pattern.relationships.indices.filter { other in
            other != index && pattern.relationships[other].selector == .all
                && Planner.overlaps(pattern.relationships[other].types, relationship.types)
        }
        let uniqueAgainst = others.filter { plannedRelationships.contains($0) || pattern.relationships[$0].boundBefore }
            .map { pattern.relationships[$0].slot }

        if relationship.selector != .all {
            return .shortestPath(ShortestPathStep(
                from: pattern.nodes[relationship.left].slot, to: pattern.nodes[relationship.right].slot,
                relationship: relationship.slot, path: pattern.paths[relationship.path].slot,
                direction: TraversalDirection(relationship.direction, fromLeft: true), types: relationship.types,
                impossible: relationship.impossible, hops: relationship.hops ?? 1...1, all: relationship.selector == .allShortest,
                edgeProperties: relationship.properties, display: describe(relationship, in: pattern, fromLeft: true)))
        }
        if let hops = relationship.hops {
            let inNamedPath = pattern.paths[relationship.path].slot != nil
            let endpointsOnly = pattern.duplicateInsensitive && !relationship.named && !inNamedPath && hops.lowerBound <= 1
                && others.isEmpty && !relationship.boundBefore
            return .varLength(VarLengthStep(
                mode: endpointsOnly ? .distinctEndpoints : .paths, from: from.slot, relationship: relationship.slot, to: to.slot,
                direction: direction, types: relationship.types, impossible: relationship.impossible, hops: hops, toBound: toBound,
                check: check, edgeProperties: relationship.properties, uniqueAgainst: uniqueAgainst,
                storeRelationships: relationship.named || inNamedPath || !others.isEmpty, reversed: !fromLeft, display: display))
        }
        rows *= toBound ? 1 : max(fanOut(relationship.types, impossible: relationship.impossible), 0)
        return .expand(ExpandStep(
            from: from.slot, relationship: relationship.slot, to: to.slot, direction: direction, types: relationship.types,
            impossible: relationship.impossible, toBound: toBound, relationshipBound: relationship.boundBefore, check: check,
            uniqueAgainst: uniqueAgainst, estimate: rows, display: display))
    }

    /// `(from)-[rel:types*hops]->(to)` as seen from the node expanded from.
    func describe(_ relationship: PatternRelationship, in pattern: BoundPattern, fromLeft: Bool) -> String {
        let names = query.slotNames
        let from = names[pattern.nodes[fromLeft ? relationship.left : relationship.right].slot]
        let to = names[pattern.nodes[fromLeft ? relationship.right : relationship.left].slot]
        var inner = names[relationship.slot]
        if !relationship.typeNames.isEmpty { inner += ":" + relationship.typeNames.joined(separator: "|") }
        if let hops = relationship.hops, relationship.selector == .all || hops != 1...1 {
            inner += "*\(hops.lowerBound)..\(hops.upperBound >= Int(Int32.max) ? "" : String(hops.upperBound))"
        }
        switch TraversalDirection(relationship.direction, fromLeft: fromLeft) {
        case .outgoing: return "(\(from))-[\(inner)]->(\(to))"
        case .incoming: return "(\(from))<-[\(inner)]-(\(to))"
        case .both: return "(\(from))-[\(inner)]-(\(to))"
        }
    }
}
