import KGModel
import KGQuerySyntax

/// Binding MATCH patterns and `exists(...)` patterns.
extension Binder {
    mutating func bindMatch(_ match: MatchClause) throws(QueryError) -> BoundPattern {
        var pattern = try bindPattern(match.patterns, optional: match.optional)
        if let predicate = match.predicate {
            var context = ExpressionContext(place: "in WHERE")
            pattern.predicates += try bind(predicate, &context).conjuncts
        }
        return pattern
    }

    /// Binds the parts of one pattern: declares its variables in `scope`, then binds property maps
    /// (which may refer to any variable of the pattern).
    mutating func bindPattern(_ parts: [PatternPart], optional: Bool) throws(QueryError) -> BoundPattern {
        var pattern = BoundPattern(optional: optional, nodes: [], relationships: [], paths: [], predicates: [], introduced: [])
        var localNodes: [String: Int] = [:]
        var localRelationships: Set<String> = []
        var maps: [(slot: Int, relationship: Int?, entries: [MapEntry])] = []

        func node(_ node: NodePattern, _ binder: inout Binder) throws(QueryError) -> Int {
            var index: Int
            if let name = node.variable, let existing = localNodes[name] {
                index = existing
            } else if let name = node.variable, let slot = binder.scope[name] {
                let kind = binder.slotKinds[slot]
                guard kind == .node || kind == .value else {
                    throw .variableKind(name, expected: "a node", actual: kind.described, at: node.span)
                }
                pattern.nodes.append(PatternNode(slot: slot, boundBefore: true, labels: [], labelNames: [], impossible: false))
                index = pattern.nodes.count - 1
                localNodes[name] = index
            } else {
                let slot: Int
                if let name = node.variable {
                    slot = binder.newSlot(name, kind: .node)
                    binder.scope[name] = slot
                    localNodes[name] = pattern.nodes.count
                } else {
                    slot = binder.newAnonymousSlot(kind: .node)
                }
                pattern.introduced.append(slot)
                pattern.nodes.append(PatternNode(slot: slot, boundBefore: false, labels: [], labelNames: [], impossible: false))
                index = pattern.nodes.count - 1
            }
            if !node.labels.isEmpty {
                if let ids = binder.resolveLabels(node.labels, at: node.span) {
                    for (id, name) in zip(ids, node.labels) where !pattern.nodes[index].labels.contains(id) {
                        pattern.nodes[index].labels.append(id)
                        pattern.nodes[index].labelNames.append(name)
                    }
                } else {
                    pattern.nodes[index].impossible = true
                    pattern.nodes[index].labelNames += node.labels
                }
            }
            if !node.properties.isEmpty { maps.append((pattern.nodes[index].slot, nil, node.properties)) }
            return index
        }

        for part in parts {
            var path = PatternPath(slot: nil, selector: part.selector, nodes: [], relationships: [])
            if let name = part.variable {
                guard scope[name] == nil else { throw .variableRedefined(name, at: part.span) }
                let slot = newSlot(name, kind: .path)
                scope[name] = slot
                pattern.introduced.append(slot)
                path.slot = slot
            }
            if part.selector != .all && part.path.steps.count != 1 {
                throw .invalid("\(part.selector.rawValue)(...) takes a pattern with exactly one relationship", at: part.span)
            }
            path.nodes.append(try node(part.path.start, &self))
            for step in part.path.steps {
                let relationship = step.relationship
                let left = path.nodes.last!
                let right = try node(step.node, &self)
                var slot: Int
                var boundBefore = false
                if let name = relationship.variable {
                    guard localRelationships.insert(name).inserted else { throw .variableRedefined(name, at: relationship.span) }
                    if let existing = scope[name] {
                        let kind = slotKinds[existing]
                        guard kind == .relationship || kind == .value else {
                            throw .variableKind(name, expected: "a relationship", actual: kind.described, at: relationship.span)
                        }
                        guard relationship.length == nil else {
                            throw .invalid("a variable-length relationship cannot reuse the variable `\(name)` bound earlier", at: relationship.span)
                        }
                        slot = existing
                        boundBefore = true
                    } else {
                        slot = newSlot(name, kind: relationship.length == nil && part.selector == .all ? .relationship : .relationshipList)
                        scope[name] = slot
                        pattern.introduced.append(slot)
                    }
                } else {
                    slot = newAnonymousSlot(kind: relationship.length == nil ? .relationship : .relationshipList)
                    pattern.introduced.append(slot)
                }
                let types = resolveTypes(relationship.types, at: relationship.span)
                var hops: ClosedRange<Int>?
                if let length = relationship.length {
                    let low = length.min ?? 1
                    var high: Int
                    if part.selector != .all {
                        guard low <= 1 else {
                            throw .invalid("\(part.selector.rawValue)(...) needs a lower bound of 0 or 1 hops, got \(low)", at: relationship.span)
                        }
                        high = length.max ?? Int(Int32.max)
                    } else if let explicit = length.max {
                        guard explicit <= QueryLimits.maxExplicitHops else {
                            throw .invalid("at most \(QueryLimits.maxExplicitHops) hops can be asked for, got \(explicit)", at: relationship.span)
                        }
                        high = explicit
                    } else {
                        high = QueryLimits.defaultMaxHops
                        warn("variable-length relationship without an upper bound: capped at \(QueryLimits.defaultMaxHops) hops (write *\(low)..N to choose)",
                             at: relationship.span, once: "cap:\(relationship.span.offset)")
                    }
                    guard low <= high else {
                        throw .invalid("the hop range starts at \(low), above the cap of \(high) hops", at: relationship.span)
                    }
                    hops = low...high
                } else if part.selector != .all {
                    hops = 1...1
                }
                let index = pattern.relationships.count
                pattern.relationships.append(PatternRelationship(
                    slot: slot, boundBefore: boundBefore, named: relationship.variable != nil, left: left, right: right,
                    direction: relationship.direction, types: types, typeNames: relationship.types,
                    impossible: types?.isEmpty ?? false, properties: [], hops: hops, selector: part.selector,
                    path: pattern.paths.count, span: relationship.span))
                if !relationship.properties.isEmpty { maps.append((slot, index, relationship.properties)) }
                path.relationships.append(index)
                path.nodes.append(right)
            }
            pattern.paths.append(path)
        }

        // Property maps: equality predicates, except on variable-length relationships, where every
        // edge must carry them.
        for map in maps {
            for entry in map.entries {
                var context = ExpressionContext(place: "in a property map")
                let value = try bind(entry.value, &context)
                if let relationship = map.relationship, pattern.relationships[relationship].hops != nil {
                    pattern.relationships[relationship].properties.append((entry.key, value))
                } else {
                    let key = keyIndex(entry.key, at: entry.value.span)
                    pattern.predicates.append(.compare(.equal, .property(.slot(map.slot), entry.key, keyIndex: key), value))
                }
            }
        }
        return pattern
    }

    /// Binds the pattern of `exists(...)`: variables already in scope are its bound endpoints; new
    /// ones stay local to it.
    mutating func bindExists(_ part: PatternPart) throws(QueryError) -> Int {
        guard part.variable == nil, part.selector == .all else {
            throw .invalid("exists(...) takes a plain pattern (no path variable, no shortestPath)", at: part.span)
        }
        let saved = scope
        var pattern = try bindPattern([part], optional: false)
        scope = saved
        pattern.duplicateInsensitive = true
        var outer = Set<Int>()
        for node in pattern.nodes where node.boundBefore { outer.insert(node.slot) }
        for relationship in pattern.relationships where relationship.boundBefore { outer.insert(relationship.slot) }
        var read = Set<Int>()
        for predicate in pattern.predicates { predicate.collectSlots(into: &read, existsSlots: existsOuterSlots) }
        for relationship in pattern.relationships {
            for (_, value) in relationship.properties { value.collectSlots(into: &read, existsSlots: existsOuterSlots) }
        }
        outer.formUnion(read.subtracting(pattern.introduced))
        existsPatterns.append(pattern)
        existsOuterSlots.append(outer)
        return existsPatterns.count - 1
    }
}
