import KGModel
import KGQuerySyntax

/// Which adjacency entries a traversal step follows, seen from the node it expands from.
public enum TraversalDirection: Sendable {
    /// Out-edges.
    case outgoing
    /// In-edges.
    case incoming
    /// Both (a self-loop once).
    case both

    var reversed: TraversalDirection {
        switch self {
        case .outgoing: return .incoming
        case .incoming: return .outgoing
        case .both: return .both
        }
    }

    init(_ pattern: PatternDirection, fromLeft: Bool) {
        switch pattern {
        case .outgoing: self = fromLeft ? .outgoing : .incoming
        case .incoming: self = fromLeft ? .incoming : .outgoing
        case .either: self = .both
        }
    }
}

/// Labels a node must carry, checked where a step binds it.
struct NodeCheck {
    var labels: [UInt16] = []
    /// A label that does not exist: nothing passes.
    var impossible = false

    var isTrivial: Bool { labels.isEmpty && !impossible }
}

/// How an anchor finds its nodes.
enum AnchorKind {
    /// By id: the expression gives an id string (`n.id = e`), or a list of them (`n.id IN e`).
    case seek(BoundExpression, isList: Bool)
    /// Every node with a label (the rarest of the pattern's labels).
    case labelScan(UInt16)
    /// Every node.
    case allNodes
}

/// Binds a node slot from nothing: a seek, a label scan or a full scan.
struct AnchorStep {
    var slot: Int
    var kind: AnchorKind
    var check: NodeCheck
    var estimate: Double
}

/// One hop from a bound node along the adjacency.
struct ExpandStep {
    var from: Int
    var relationship: Int
    var to: Int
    var direction: TraversalDirection
    var types: [UInt16]?
    var impossible: Bool
    /// The far node is already bound: check it instead of binding it.
    var toBound: Bool
    /// The relationship variable was bound by an earlier clause: only that edge qualifies.
    var relationshipBound: Bool
    var check: NodeCheck
    /// Relationship slots of the same MATCH the edge must differ from (single edges or lists).
    var uniqueAgainst: [Int]
    var estimate: Double
    /// For `--explain`: the relationship as written.
    var display: String
}

/// A variable-length hop: trails (`paths`) or distinct endpoints (`distinctEndpoints`).
struct VarLengthStep {
    enum Mode { case paths, distinctEndpoints }
    var mode: Mode
    var from: Int
    var relationship: Int
    var to: Int
    var direction: TraversalDirection
    var types: [UInt16]?
    var impossible: Bool
    var hops: ClosedRange<Int>
    var toBound: Bool
    var check: NodeCheck
    /// Property map every edge must match.
    var edgeProperties: [(String, BoundExpression)]
    var uniqueAgainst: [Int]
    /// Write the relationship list into the slot (named, in a path, or checked by another step).
    var storeRelationships: Bool
    /// Expanding from the pattern's right node: the list is reversed into pattern order.
    var reversed: Bool
    var display: String
}

/// `shortestPath` / `allShortestPaths` between two bound nodes.
struct ShortestPathStep {
    var from: Int
    var to: Int
    var relationship: Int
    var path: Int?
    var direction: TraversalDirection
    var types: [UInt16]?
    var impossible: Bool
    var hops: ClosedRange<Int>
    var all: Bool
    var edgeProperties: [(String, BoundExpression)]
    var display: String
}

/// Assembles a path value from the slots of its nodes and relationships.
struct BuildPathStep {
    var slot: Int
    var nodes: [Int]
    /// Relationship slots and whether each holds a list (variable length).
    var relationships: [(slot: Int, isList: Bool)]
}

/// One operator of a logical plan, in execution order.
indirect enum PlanStep {
    case anchor(AnchorStep)
    case expand(ExpandStep)
    case varLength(VarLengthStep)
    case shortestPath(ShortestPathStep)
    case filter(BoundExpression)
    case buildPath(BuildPathStep)
    /// OPTIONAL MATCH: the steps, and the slots set to null when they find nothing for a row.
    case optional([PlanStep], nullSlots: [Int])
    case unwind(BoundExpression, slot: Int)
    case project([(slot: Int, expression: BoundExpression)])
    case aggregate(Aggregation)
    case distinct([Int])
    /// ORDER BY; with SKIP/LIMIT known, only the first skip + limit rows are kept while sorting.
    case sort([(expression: BoundExpression, descending: Bool)], skip: BoundExpression?, limit: BoundExpression?)
    case skip(BoundExpression)
    case limit(BoundExpression)
    case produceResults([(name: String, slot: Int)])
    /// Records what the rows bind, for drawing (inserted by the executor, never planned).
    case tap(BoundSubgraph)
}

/// The plan of a query: a pipeline of operators, each feeding the next, plus one sub-pipeline per
/// `exists(...)`. `description` is what `kg query --explain` prints.
public struct LogicalPlan: CustomStringConvertible {
    var steps: [PlanStep]
    var existsPlans: [[PlanStep]]
    var slotNames: [String]
    var parameterNames: [String]
    var columns: [(name: String, slot: Int)]
    /// Property keys by key index.
    var propertyKeys: [(name: String, span: SourceSpan)]

    /// Result column names.
    public var columnNames: [String] { columns.map(\.name) }

    /// The plan as text, one operator per line in execution order (top runs first), sub-plans indented.
    public var description: String {
        var lines: [String] = []
        render(steps, indent: "", into: &lines)
        for (index, plan) in existsPlans.enumerated() {
            lines.append("exists pattern \(index + 1):")
            render(plan, indent: "  ", into: &lines)
        }
        return lines.joined(separator: "\n")
    }

    func render(_ steps: [PlanStep], indent: String, into lines: inout [String]) {
        let printer = ExpressionPrinter(slotNames: slotNames, parameterNames: parameterNames)
        func name(_ slot: Int) -> String { slotNames[slot] }
        for step in steps {
            switch step {
            case .anchor(let anchor):
                let checked = checkText(anchor.check)
                switch anchor.kind {
                case .seek(let expression, let isList):
                    lines.append(indent + "NodeByIdSeek (\(name(anchor.slot))\(checked)) id \(isList ? "IN" : "=") \(printer.text(expression))" + estimate(anchor.estimate))
                case .labelScan(let label):
                    lines.append(indent + "NodeByLabelScan (\(name(anchor.slot)):\(labelName(label))\(checked))" + estimate(anchor.estimate))
                case .allNodes:
                    lines.append(indent + "AllNodesScan (\(name(anchor.slot))\(checked))" + estimate(anchor.estimate))
                }
            case .expand(let expand):
                let kind = expand.toBound ? "ExpandInto" : "Expand"
                var line = indent + "\(kind) \(expand.display)"
                if !expand.check.isTrivial { line += " check (\(name(expand.to))\(checkText(expand.check)))" }
                if !expand.uniqueAgainst.isEmpty { line += " unique vs " + expand.uniqueAgainst.map(name).joined(separator: ", ") }
                lines.append(line + estimate(expand.estimate))
            case .varLength(let step):
                let kind = step.mode == .paths ? "VarLengthExpand" : "DistinctEndpoints (breadth-first)"
                var line = indent + "\(kind) \(step.display)"
                if step.toBound { line += " into bound \(name(step.to))" }
                if !step.check.isTrivial { line += " check (\(name(step.to))\(checkText(step.check)))" }
                if !step.uniqueAgainst.isEmpty { line += " unique vs " + step.uniqueAgainst.map(name).joined(separator: ", ") }
                lines.append(line)
            case .shortestPath(let step):
                lines.append(indent + (step.all ? "AllShortestPaths" : "ShortestPath") + " (bidirectional breadth-first) \(step.display)")
            case .filter(let predicate):
                lines.append(indent + "Filter " + printer.text(predicate))
            case .buildPath(let path):
                var parts = [name(path.nodes[0])]
                for (index, relationship) in path.relationships.enumerated() {
                    parts += [name(relationship.slot), name(path.nodes[index + 1])]
                }
                lines.append(indent + "BuildPath \(name(path.slot)) = " + parts.joined(separator: ", "))
            case .optional(let inner, let nullSlots):
                lines.append(indent + "Optional (null when no match: " + nullSlots.map(name).joined(separator: ", ") + ")")
                render(inner, indent: indent + "  ", into: &lines)
            case .unwind(let expression, let slot):
                lines.append(indent + "Unwind \(printer.text(expression)) AS \(name(slot))")
            case .project(let items):
                lines.append(indent + "Project " + items.map { name($0.slot) + " = " + printer.text($0.expression) }.joined(separator: ", "))
            case .aggregate(let aggregation):
                let keys = aggregation.keys.map { name($0.slot) + " = " + printer.text($0.expression) }
                let aggregates = aggregation.aggregates.map { aggregate in
                    "\(name(aggregate.slot)) = \(aggregate.function.name)(" + (aggregate.distinct ? "DISTINCT " : "")
                        + (aggregate.argument.map(printer.text) ?? "*") + ")"
                }
                lines.append(indent + "Aggregate keys [" + keys.joined(separator: ", ") + "] aggregates [" + aggregates.joined(separator: ", ") + "]")
            case .distinct(let slots):
                lines.append(indent + "Distinct " + slots.map(name).joined(separator: ", "))
            case .sort(let keys, let skip, let limit):
                var line = indent + "Sort " + keys.map { printer.text($0.expression) + ($0.descending ? " DESC" : " ASC") }.joined(separator: ", ")
                if let limit { line += " (keep top " + (skip.map { printer.text($0) + " + " } ?? "") + printer.text(limit) + ")" }
                lines.append(line)
            case .skip(let expression):
                lines.append(indent + "Skip " + printer.text(expression))
            case .limit(let expression):
                lines.append(indent + "Limit " + printer.text(expression))
            case .tap:
                lines.append(indent + "BindingsTap")
            case .produceResults(let columns):
                lines.append(indent + "ProduceResults " + columns.map { $0.name }.joined(separator: ", "))
            }
        }
    }

    var labelNames: [String] = []

    func labelName(_ label: UInt16) -> String { Int(label) < labelNames.count ? labelNames[Int(label)] : "#\(label)" }

    func checkText(_ check: NodeCheck) -> String {
        if check.impossible { return " :<unknown label>" }
        return check.labels.map { ":" + labelName($0) }.joined()
    }

    /// An estimate with two significant digits below 10 (`~0.047 rows`), whole numbers above.
    func estimate(_ value: Double) -> String {
        var text: String
        if value >= 10 || value <= 0 {
            text = String(Int(max(0, value).rounded()))
        } else {
            var scale = 1.0
            while value * scale < 10 { scale *= 10 }
            let rounded = (value * scale).rounded() / scale
            text = String(rounded)
            if text.hasSuffix(".0") { text.removeLast(2) }
        }
        return "  ~\(text) row" + (text == "1" ? "" : "s")
    }
}
