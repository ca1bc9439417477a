/// Per-element lists of fact references, compact for the common case of one fact per element:
/// the first reference inline in an array, further ones in a side table.
public struct FactRefs: Sendable {
    /// Marks an element with no facts.
    public static let none: FactRef = .max

    /// First reference of each element, or `none`.
    public internal(set) var first: [FactRef]
    /// Second and later references, for the elements that have them.
    public internal(set) var more: [UInt32: [FactRef]]

    public init() {
        first = []
        more = [:]
    }

    public init(first: [FactRef], more: [UInt32: [FactRef]]) {
        self.first = first
        self.more = more
    }

    public var count: Int { first.count }

    /// Adds an element with no references.
    public mutating func appendElement() { first.append(FactRefs.none) }

    /// All references of element `index`, in log order.
    public func refs(_ index: Int) -> [FactRef] {
        let head = first[index]
        if head == FactRefs.none { return [] }
        if let tail = more[UInt32(index)] { return [head] + tail }
        return [head]
    }

    public func isEmpty(_ index: Int) -> Bool { first[index] == FactRefs.none }

    /// Adds `ref` (which must be later than the element's existing ones) to element `index`.
    public mutating func append(_ ref: FactRef, to index: Int) {
        if first[index] == FactRefs.none {
            first[index] = ref
        } else {
            more[UInt32(index), default: []].append(ref)
        }
    }

    /// Removes the references of element `index` that `shouldRemove` picks; returns whether any went.
    @discardableResult
    public mutating func remove(from index: Int, where shouldRemove: (FactRef) -> Bool) -> Bool {
        let current = refs(index)
        let kept = current.filter { !shouldRemove($0) }
        if kept.count == current.count { return false }
        set(kept, at: index)
        return true
    }

    /// Replaces the references of element `index`.
    public mutating func set(_ refs: [FactRef], at index: Int) {
        first[index] = refs.first ?? FactRefs.none
        if refs.count > 1 {
            more[UInt32(index)] = Array(refs.dropFirst())
        } else {
            more.removeValue(forKey: UInt32(index))
        }
    }
}
