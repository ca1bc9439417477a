/// The time a query may take: operators and kernels call `tick()` once per unit of work (an edge
/// looked at, a node scanned); every 1,024 ticks it reads the clock and throws
/// `QueryError.timeout` past the deadline.
public final class Budget {
    /// When work must stop; nil for no limit.
    public var deadline: ContinuousClock.Instant?
    /// The timeout the deadline came from, for the error message.
    public var timeoutSeconds: Double = 0
    /// The tick counter, behind a pointer so the per-edge increment needs no exclusivity check.
    private let ticks = UnsafeMutablePointer<Int>.allocate(capacity: 1)

    /// A budget without a deadline.
    public init() { ticks.initialize(to: 0) }

    deinit { ticks.deallocate() }

    /// Sets a deadline `seconds` from now (nil: none).
    public func start(timeout seconds: Double?) {
        ticks.pointee = 0
        if let seconds {
            timeoutSeconds = seconds
            deadline = ContinuousClock.now.advanced(by: .nanoseconds(Int64(min(seconds, 1e9) * 1e9)))
        } else {
            deadline = nil
        }
    }

    @inline(__always)
    func tick() throws(QueryError) {
        ticks.pointee &+= 1
        if ticks.pointee & 1023 == 0 { try check() }
    }

    func check() throws(QueryError) {
        if let deadline, ContinuousClock.now > deadline { throw .timeout(seconds: timeoutSeconds) }
    }
}
