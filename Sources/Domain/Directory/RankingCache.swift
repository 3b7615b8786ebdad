import Foundation

/// The order a listing puts activities in, remembered for a short while, so its next pages (and the same page
/// asked again) read only their own activities. Ranking a search means ordering every match: "kerho" matches
/// 26,000 translations at 100,000 activities, and ordering them cost 15–50 ms whichever page was asked, while
/// reading a page's 20 activities by id takes about a millisecond.
///
/// The first `span` ids of a listing are kept at a time, so one ranking serves its first pages. Saving an
/// activity through the use cases forgets every ranking at once, and so does the web layer on every request that
/// may write, as it does with the pages it keeps; an order computed while that happened is not kept. Writes from
/// another process show within `lifetime`, which is 0 (nothing kept) unless the listings are kept.
public actor RankingCache {
    struct Entry {
        var ids: [ActivityID]
        /// Whether `ids` is the whole listing, not only its start.
        var complete: Bool
        var at: Date
    }

    private var entries: [ActivityQuery: Entry] = [:]
    private nonisolated let lifetime: TimeInterval
    private let capacity: Int
    /// Changes with every `forget`.
    public private(set) var generation: UInt64 = 0
    /// How many ids a listing reads at once.
    public static let span = 100
    /// How far into a listing ids are kept; pages beyond read their own.
    public static let reach = 1_000

    /// Whether anything is kept: without, a listing reads only its page.
    public nonisolated var isEnabled: Bool { lifetime > 0 }

    public init(lifetime: TimeInterval = 0, capacity: Int = 1_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The ids of the listing through position `through` (exclusive), or fewer if the listing ends sooner; `nil`
    /// when they are not kept.
    public func ids(_ query: ActivityQuery, through: Int, now: Date) -> [ActivityID]? {
        guard let entry = entries[query], now.timeIntervalSince(entry.at) < lifetime,
            entry.complete || entry.ids.count >= through
        else { return nil }
        return entry.ids
    }

    /// Keeps the first ids of a listing, read while the generation was `generation`; `complete` when the
    /// listing has no more.
    public func store(_ ids: [ActivityID], complete: Bool, for query: ActivityQuery, generation: UInt64, now: Date) {
        guard isEnabled, generation == self.generation else { return }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[query] = Entry(ids: ids, complete: complete, at: now)
    }

    public func forget() {
        entries.removeAll(keepingCapacity: true)
        generation &+= 1
    }
}
