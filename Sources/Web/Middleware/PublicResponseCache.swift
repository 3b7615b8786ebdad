import Domain
import Foundation
import Hummingbird
import Synchronization

/// The directory's public listings as anonymous visitors get them, kept for a few seconds.
///
/// Every anonymous visitor asking for the same listing in the same language gets the same bytes, and listings are
/// read far more often than anything changes. A kept answer is dropped when it is `lifetime` old, and every kept
/// answer is dropped as soon as a request that may write (any method but GET, HEAD and OPTIONS) starts and again
/// when it ends, so on one server a change shows at once. Writes from another process (a second server on the
/// same PostgreSQL, `arrival import`) show within `lifetime`.
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
    }

    struct State: Sendable {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var generation: UInt64 = 0
        var tick: UInt64 = 0
    }

    let lifetime: TimeInterval
    let maxBytes: Int
    let maxEntryBytes: Int
    let now: @Sendable () -> Date
    private let state = Mutex(State())

    /// - Parameters:
    ///   - lifetime: seconds an answer is kept; 0 keeps none.
    ///   - maxBytes: the most the kept bodies take together; the least recently used go first.
    public init(
        lifetime: TimeInterval, maxBytes: Int = 16 * 1_048_576, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.lifetime = lifetime
        self.maxBytes = maxBytes
        self.maxEntryBytes = max(0, maxBytes / 16)
        self.now = now
    }

    var isEnabled: Bool { lifetime > 0 && maxBytes > 0 }

    /// A count that changes with every write: an answer computed before a write began is not kept.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// The kept answer, if it is still fresh.
    func response(for key: Key) -> Response? {
        let moment = now()
        return state.withLock { state -> Response? in
            guard var entry = state.entries[key] else { return nil }
            guard moment.timeIntervalSince(entry.storedAt) < lifetime else {
                state.bytes -= entry.body.readableBytes
                state.entries[key] = nil
                return nil
            }
            state.tick += 1
            entry.lastUsed = state.tick
            state.entries[key] = entry
            return Response(status: entry.status, headers: entry.headers, body: .init(byteBuffer: entry.body))
        }
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

    /// How many answers are kept and their bytes, for tests and metrics.
    var size: (entries: Int, bytes: Int) { state.withLock { ($0.entries.count, $0.bytes) } }
}
