import KGModel
import KGQuerySyntax

/// Binding WITH and RETURN: items, implicit grouping, ORDER BY scope, SKIP and LIMIT.
extension Binder {
    mutating func bindProjection(_ projection: ProjectionClause, isReturn: Bool) throws(QueryError) -> BoundProjection {
        let clause = isReturn ? "RETURN" : "WITH"
        let before = scope
        var items: [(expression: Expression, name: String)] = []
        if projection.star {
            let names = before.keys.filter { !$0.hasPrefix("#") }.sorted()
            if names.isEmpty { throw .invalid("\(clause) * needs at least one variable in scope", at: projection.span) }
            items += names.map { (Expression(.variable($0), span: projection.span), $0) }
        }
        for item in projection.items {
            if !isReturn, item.alias == nil {
                guard case .variable = item.expression.kind else {
                    throw .invalid("an expression in WITH needs a name: add AS name", at: item.expression.span)
                }
            }
            items.append((item.expression, item.name))
        }
        var seen: Set<String> = []
        for (index, item) in items.enumerated() where !seen.insert(item.name).inserted {
            let span = index >= items.count - projection.items.count ? projection.items[index - (items.count - projection.items.count)].expression.span : projection.span
            throw .invalid("the column name `\(item.name)` appears twice in \(clause); rename one with AS", at: span)
        }

        let hasAggregates = items.contains { Binder.containsAggregate($0.expression) }
        var bound = BoundProjection(isReturn: isReturn, distinct: projection.distinct, projections: [], aggregation: nil,
                                    itemSlots: [], itemNames: items.map(\.name), orderBy: [], skip: nil, limit: nil,
                                    predicate: nil, duplicateInsensitive: false)
        var after: [String: Int] = [:]
        if !hasAggregates {
            for item in items {
                var context = ExpressionContext(place: "in \(clause)")
                let expression = try bind(item.expression, &context)
                let slot: Int
                if case .slot(let existing) = expression, case .variable = item.expression.kind {
                    slot = existing
                } else {
                    slot = newSlot(item.name, kind: kind(of: expression))
                    bound.projections.append((slot, expression))
                }
                bound.itemSlots.append(slot)
                after[item.name] = slot
            }
            bound.duplicateInsensitive = projection.distinct
        } else {
            var aggregation = Aggregation(keys: [], aggregates: [], post: [])
            var keys: [(expression: Expression, slot: Int)] = []
            var slots = [Int](repeating: -1, count: items.count)
            for (index, item) in items.enumerated() where !Binder.containsAggregate(item.expression) {
                var context = ExpressionContext(place: "in \(clause)")
                let expression = try bind(item.expression, &context)
                let slot: Int
                if case .slot(let existing) = expression, case .variable = item.expression.kind {
                    slot = existing
                } else {
                    slot = newSlot(item.name, kind: kind(of: expression))
                }
                aggregation.keys.append((slot, expression))
                keys.append((item.expression, slot))
                slots[index] = slot
            }
            var context = ExpressionContext(place: "in \(clause)", aggregates: [])
            context.known = keys
            context.onlyKnownVariables = true
            for (index, item) in items.enumerated() where slots[index] < 0 {
                let expression = try bind(item.expression, &context)
                if case .slot(let slot) = expression, context.aggregates!.contains(where: { $0.slot == slot }),
                   !slots.contains(slot) {
                    slots[index] = slot
                    slotNames[slot] = item.name
                } else {
                    let slot = newSlot(item.name, kind: .value)
                    aggregation.post.append((slot, expression))
                    slots[index] = slot
                }
            }
            aggregation.aggregates = context.aggregates!
            for (index, item) in items.enumerated() { after[item.name] = slots[index] }
            bound.itemSlots = slots
            bound.aggregation = aggregation
            bound.duplicateInsensitive = aggregation.aggregates.allSatisfy(\.ignoresDuplicates)
        }

        // ORDER BY sees the items (by name or as written) and, without grouping or DISTINCT, the
        // variables from before the projection too.
        if !projection.orderBy.isEmpty {
            scope = hasAggregates || projection.distinct ? after : before.merging(after) { _, new in new }
            var context = ExpressionContext(place: "in ORDER BY unless it is also a \(clause) item")
            context.known = Array(zip(items.map(\.expression), bound.itemSlots)).map { (expression: $0.0, slot: $0.1) }
            for item in projection.orderBy {
                do {
                    bound.orderBy.append((try bind(item.expression, &context), item.descending))
                } catch .undefinedVariable(let name, let suggestion, let at) where hasAggregates || projection.distinct {
                    if before[name] != nil {
                        throw .invalid("ORDER BY after \(hasAggregates ? "grouping" : "DISTINCT") can only use the \(clause) items; `\(name)` is not one", at: at)
                    }
                    throw .undefinedVariable(name, suggestion: suggestion, at: at)
                }
            }
        }
        scope = [:]
        bound.skip = try bindCount(projection.skip, "SKIP")
        bound.limit = try bindCount(projection.limit, "LIMIT")
        scope = after
        if let predicate = projection.predicate {
            var context = ExpressionContext(place: "in WHERE")
            bound.predicate = try bind(predicate, &context)
        }
        if isReturn { scope = [:] }
        return bound
    }

    /// SKIP and LIMIT: a constant or a parameter.
    mutating func bindCount(_ expression: Expression?, _ what: String) throws(QueryError) -> BoundExpression? {
        guard let expression else { return nil }
        var context = ExpressionContext(place: "in \(what)")
        do {
            return try bind(expression, &context)
        } catch .undefinedVariable(_, _, let at) {
            throw .invalid("\(what) takes a number or a parameter, not a variable", at: at)
        }
    }
}
