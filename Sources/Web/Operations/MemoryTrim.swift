import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// Hands freed heap memory back to the system every `interval`. After a burst (thousands of connections opened and
/// closed), glibc keeps the freed pages in its arenas, so resident memory would stay at the burst's peak; trimming
/// brings it back near the steady state. Without glibc's `malloc_trim` it does nothing.
public struct MemoryTrim: Service {
    let interval: Duration

    public init(interval: Duration = .seconds(30)) {
        self.interval = interval
    }

    public func run() async throws {
        guard let trim = Self.mallocTrim() else { return }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            _ = trim(0)
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// glibc's `malloc_trim`, looked up at run time (its header is not part of the Glibc module).
    static func mallocTrim() -> (@convention(c) (Int) -> Int32)? {
        #if canImport(Glibc)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
            return nil
        #endif
    }
}
