#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread of its own with a large stack and waits for it: for long queries, whose
/// parsing, binding and evaluation recurse as deep as they nest and chain, and whose stack use the
/// calling thread may have no room for (a Swift concurrency worker thread has 512 KiB;
/// AddressSanitizer builds use several times the usual frame).
enum LargeStack {
    /// Stack size of the thread: 64 MiB of address space, touched only as far as used.
    static let size = 64 << 20
    /// Queries of up to this many tokens run on the calling thread (no thread is made). Nothing in such
    /// a query nests or chains deeper than its token count, which the calling thread can hold.
    static let shallowTokens = 64

    /// Runs `body` on a new thread with a stack of `size` bytes, joins it, and returns its result or
    /// rethrows its error. Throws `QueryError.cannotStartThread` when the thread cannot be created.
    static func run<T>(_ body: () throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { body in
            let box = Box(body)
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            let context = Unmanaged.passRetained(box as Work).toOpaque()
            #if canImport(Darwin)
            var thread: pthread_t?
            #else
            var thread = pthread_t()
            #endif
            let created = pthread_create(&thread, &attributes, { context in
                LargeStack.enter(context)
                return nil
            }, context)
            guard created == 0 else {
                Unmanaged<Work>.fromOpaque(context).release()
                throw QueryError.cannotStartThread(errno: created)
            }
            #if canImport(Darwin)
            if let thread { pthread_join(thread, nil) }
            #else
            pthread_join(thread, nil)
            #endif
            return try box.outcome().get()
        }
    }

    /// The new thread's entry: takes over the retained work and runs it.
    private static func enter(_ context: UnsafeMutableRawPointer?) {
        guard let context else { return }
        Unmanaged<Work>.fromOpaque(context).takeRetainedValue().run()
    }

    /// Work handed to the new thread (the non-generic face of `Box`).
    private class Work {
        func run() {}
    }

    /// The work and its result. The work is dropped as soon as it has run, so that nothing holds the
    /// caller's closure once `run` returns; joining the thread orders the accesses to `result`.
    private final class Box<T>: Work {
        private var body: (() throws -> T)?
        private var result: Result<T, any Error>?

        init(_ body: @escaping () throws -> T) { self.body = body }

        override func run() {
            if let body { result = Result { try body() } }
            body = nil
        }

        func outcome() -> Result<T, any Error> {
            result ?? .failure(QueryError.cannotStartThread(errno: 0))
        }
    }
}
