import Foundation

/// Runs work on a thread of its own with a large stack and waits for it: for the recursive evaluation
/// of deeply nested queries, whose stack use the calling thread may have no room for (a Swift
/// concurrency worker thread has 512 KiB; AddressSanitizer builds use several times the usual frame).
enum LargeStack {
    /// Stack size of the thread: 64 MiB of address space, touched only as far as used.
    static let size = 64 << 20
    /// Queries whose expressions nest up to this deep run on the calling thread (no thread is made).
    static let shallowDepth = 32
    /// Queries of up to this many tokens (which cannot nest deeper than about half as many levels) are
    /// parsed, bound and planned on the calling thread.
    static let shallowTokens = 64

    /// Runs `body` on a new thread with a stack of `size` bytes; returns its result or rethrows its error.
    static func run<T>(_ body: () throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { body in
            let box = Box(body)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                box.run()
                done.signal()
            }
            thread.stackSize = size
            thread.start()
            done.wait()
            return try box.outcome().get()
        }
    }

    /// The work and its result, handed between the two threads; the semaphore orders the accesses.
    /// The work is dropped as soon as it has run, so that nothing holds the caller's closure once
    /// `run` returns (the thread object may outlive it briefly).
    private final class Box<T>: @unchecked Sendable {
        private var body: (() throws -> T)?
        private var result: Result<T, any Error>?

        init(_ body: @escaping () throws -> T) { self.body = body }

        func run() {
            if let body { result = Result { try body() } }
            body = nil
        }

        func outcome() -> Result<T, any Error> { result ?? .failure(CancellationError()) }
    }
}
