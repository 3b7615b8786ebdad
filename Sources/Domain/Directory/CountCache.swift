import Foundation

/// How many activities a listing has, remembered for a short while: counting every match of a broad filter at
/// 100,000 activities costs more than the page itself, and a directory total a few seconds old misleads nobody.
/// Saving an activity through the use cases forgets every count at once.
public actor CountCache {
    private var entries: [ActivityQuery: (count: Int, at: Date)] = [:]
    private let lifetime: TimeInterval
    private let capacity: Int

    public init(lifetime: TimeInterval = 30, capacity: Int = 1_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    public func count(_ query: ActivityQuery, now: Date) -> Int? {
        guard let entry = entries[query], now.timeIntervalSince(entry.at) < lifetime else { return nil }
        return entry.count
    }

    public func store(_ count: Int, for query: ActivityQuery, now: Date) {
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[query] = (count, now)
    }

    public func forget() {
        entries.removeAll(keepingCapacity: true)
    }
}
