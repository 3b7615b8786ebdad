import Domain
import Foundation
import Hummingbird
import Synchronization

/// The directory's public listings as anonymous visitors get them, kept for a few seconds.
///
/// Every anonymous visitor asking for the same listing in the same language gets the same bytes, and listings are
/// read far more often than anything changes. Every kept answer is dropped as soon as a request that may write
/// (any method but GET, HEAD and OPTIONS) starts and again when it ends, so on one server a change shows at once.
/// Writes from another process (a second server on the same PostgreSQL, `arrival import`) show within `lifetime`.
///
/// One request computes an answer; others asking for it meanwhile wait for that one instead of all computing
/// it at once (under 32 clients, an expiring search otherwise took 0.7 s to answer). An answer older than
/// `lifetime` is given old to the first request that asks, which starts recomputing it away from any visitor's
/// request, and until that is done (at most another `lifetime`) every request gets the old one. At most
/// `maxRefreshes` old answers are recomputed at once, and the rest are given old meanwhile: answers kept together
/// expire together, and recomputing them all at once starved every other request (p99 0.7 s over 400 different
/// searches kept 10 s, at 32 clients on two cores). An answer two lifetimes old is no longer given: the request
/// computes it, or waits for the one computing it.
public final class PublicResponseCache: Sendable {
    /// What a kept answer is found by: the path with its query, and the language it was written in.
    struct Key: Hashable, Sendable {
        var uri: String
        var language: LanguageCode
        var explicitLanguage: Bool
    }

    struct Entry: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        var storedAt: Date
        var lastUsed: UInt64

        var response: Response { Response(status: status, headers: headers, body: .init(byteBuffer: body)) }
    }

    struct State: Sendable {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var generation: UInt64 = 0
        var tick: UInt64 = 0
        /// Answers being computed, with the requests waiting for them.
        var computing: [Key: [CheckedContinuation<Response?, Never>]] = [:]
        /// Those of them that replace an answer past its lifetime.
        var refreshing: Set<Key> = []
    }

    /// What a request for a kept listing does.
    enum Lookup {
        /// Answer with this.
        case kept(Response)
        /// Compute the answer, then `finish` it: no one else is.
        case compute
        /// Answer with this old one, and recompute it apart from this request, then `finish` it.
        case refresh(Response)
        /// Compute the answer without keeping it: the one computed meanwhile could not be kept.
        case computeAlone
    }

    let lifetime: TimeInterval
    let maxBytes: Int
    let maxEntryBytes: Int
    let maxRefreshes: Int
    let now: @Sendable () -> Date
    private let state = Mutex(State())

    /// - Parameters:
    ///   - lifetime: seconds an answer is kept; 0 keeps none.
    ///   - maxBytes: the most the kept bodies take together; the least recently used go first.
    ///   - maxRefreshes: how many answers past their lifetime are recomputed at once; one per core by default.
    public init(
        lifetime: TimeInterval, maxBytes: Int = 16 * 1_048_576,
        maxRefreshes: Int = ProcessInfo.processInfo.activeProcessorCount,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.lifetime = lifetime
        self.maxBytes = maxBytes
        self.maxRefreshes = max(1, maxRefreshes)
        self.maxEntryBytes = max(0, maxBytes / 16)
        self.now = now
    }

    var isEnabled: Bool { lifetime > 0 && maxBytes > 0 }

    /// A count that changes with every write: an answer computed before a write began is not kept.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// The kept answer, if it is still fresh.
    func response(for key: Key) -> Response? {
        let moment = now()
        return state.withLock { state in Self.fresh(key, in: &state, at: moment, lifetime: lifetime) }
    }

    /// The kept answer, or whether to compute it; waits while another request computes it.
    func lookup(_ key: Key) async -> Lookup {
        enum First {
            case answer(Response)
            case lead
            case refresh(Response)
            case wait
        }
        let moment = now()
        let first = state.withLock { state -> First in
            if let kept = Self.fresh(key, in: &state, at: moment, lifetime: lifetime) { return .answer(kept) }
            if state.computing[key] != nil {
                // Someone is computing it: the old answer, while it is not too old, or else wait.
                if let entry = state.entries[key], moment.timeIntervalSince(entry.storedAt) < 2 * lifetime {
                    return .answer(entry.response)
                }
                return .wait
            }
            if let entry = state.entries[key], moment.timeIntervalSince(entry.storedAt) < 2 * lifetime {
                // Past its lifetime: given old, and recomputed unless enough others are being recomputed.
                guard state.refreshing.count < maxRefreshes else { return .answer(entry.response) }
                state.refreshing.insert(key)
                state.computing[key] = []
                return .refresh(entry.response)
            }
            state.computing[key] = []
            return .lead
        }
        switch first {
        case .answer(let response): return .kept(response)
        case .lead: return .compute
        case .refresh(let response): return .refresh(response)
        case .wait:
            let computed = await withCheckedContinuation { (waiting: CheckedContinuation<Response?, Never>) in
                let done = state.withLock { state -> Bool in
                    guard state.computing[key] != nil else { return true }
                    state.computing[key]!.append(waiting)
                    return false
                }
                // Finished between the two looks: take what was kept, if anything.
                if done { waiting.resume(returning: response(for: key)) }
            }
            return computed.map(Lookup.kept) ?? .computeAlone
        }
    }

    /// Ends a `compute`: keeps the answer (`nil` when it may not be kept) and hands what was kept to the requests
    /// waiting for it.
    func finish(
        _ key: Key, keeping answer: (status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer)?,
        generation: UInt64
    ) {
        if let answer {
            store(key, status: answer.status, headers: answer.headers, body: answer.body, generation: generation)
        }
        let moment = now()
        let (waiting, kept) = state.withLock { state in
            let waiting = state.computing.removeValue(forKey: key) ?? []
            state.refreshing.remove(key)
            return (waiting, waiting.isEmpty ? nil : Self.fresh(key, in: &state, at: moment, lifetime: lifetime))
        }
        for request in waiting { request.resume(returning: kept) }
    }

    /// The entry under `key` while it is younger than `lifetime`, marked as just used.
    private static func fresh(_ key: Key, in state: inout State, at moment: Date, lifetime: TimeInterval) -> Response? {
        guard var entry = state.entries[key], moment.timeIntervalSince(entry.storedAt) < lifetime else { return nil }
        state.tick += 1
        entry.lastUsed = state.tick
        state.entries[key] = entry
        return entry.response
    }

    /// Keeps an answer computed while the generation was `generation`; too large an answer, or one computed
    /// while something changed, is not kept.
    func store(_ key: Key, status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer, generation: UInt64) {
        guard isEnabled, body.readableBytes <= maxEntryBytes else { return }
        let moment = now()
        state.withLock { state in
            guard state.generation == generation else { return }
            if let old = state.entries[key] { state.bytes -= old.body.readableBytes }
            state.tick += 1
            state.entries[key] = Entry(
                status: status, headers: headers, body: body, storedAt: moment, lastUsed: state.tick)
            state.bytes += body.readableBytes
            while state.bytes > maxBytes, let oldest = state.entries.min(by: { $0.value.lastUsed < $1.value.lastUsed })
            {
                state.bytes -= oldest.value.body.readableBytes
                state.entries[oldest.key] = nil
            }
        }
    }

    /// Drops every kept answer: something may have changed.
    func invalidate() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: true)
            state.bytes = 0
            state.generation &+= 1
        }
    }

    /// How many requests wait for the answer under `key` being computed, for tests.
    func waiting(for key: Key) -> Int { state.withLock { $0.computing[key]?.count ?? 0 } }

    /// How many answers are kept and their bytes, for tests and metrics.
    var size: (entries: Int, bytes: Int) { state.withLock { ($0.entries.count, $0.bytes) } }
}
