/// Times of the week as 21 bits: bit `3 × day + part`, day 0 = Monday … 6 = Sunday, part 0 = morning,
/// 1 = afternoon, 2 = evening (the encoding of the matching benchmark).
public struct WeeklyAvailability: Hashable, Sendable {
    public static let days = 7
    public static let partsOfDay = 3
    private static let allBits: UInt32 = (1 << 21) - 1

    /// The bits; anything above bit 20 is dropped.
    public private(set) var bits: UInt32

    public init(bits: UInt32) {
        self.bits = bits & Self.allBits
    }

    /// The given (day, part) times; times outside the week are ignored.
    public init(_ times: [(day: Int, part: Int)]) {
        self.bits = 0
        for time in times { insert(day: time.day, part: time.part) }
    }

    /// Adds a time; one outside the week is ignored.
    public mutating func insert(day: Int, part: Int) {
        guard (0..<Self.days).contains(day), (0..<Self.partsOfDay).contains(part) else { return }
        bits |= 1 << UInt32(Self.partsOfDay * day + part)
    }

    /// Whether the time is set; `false` for one outside the week.
    public func contains(day: Int, part: Int) -> Bool {
        guard (0..<Self.days).contains(day), (0..<Self.partsOfDay).contains(part) else { return false }
        return bits & (1 << UInt32(Self.partsOfDay * day + part)) != 0
    }

    /// The times in both, in week order.
    public func intersection(_ other: WeeklyAvailability) -> WeeklyAvailability {
        WeeklyAvailability(bits: bits & other.bits)
    }

    /// The (day, part) times set, in week order.
    public var times: [(day: Int, part: Int)] {
        (0..<(Self.days * Self.partsOfDay)).compactMap { bit in
            bits & (1 << UInt32(bit)) != 0 ? (bit / Self.partsOfDay, bit % Self.partsOfDay) : nil
        }
    }

    /// How many times are set.
    public var count: Int { bits.nonzeroBitCount }
}

/// A point in metres on a city's local plane (for example a projected coordinate system).
public struct MatchingLocation: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// The squared distance in square metres, saturating instead of overflowing.
    public func squaredDistance(to other: MatchingLocation) -> Int {
        let dx = abs(x - other.x)
        let dy = abs(y - other.y)
        let (xx, xOverflow) = dx.multipliedReportingOverflow(by: dx)
        let (yy, yOverflow) = dy.multipliedReportingOverflow(by: dy)
        let (sum, sumOverflow) = xx.addingReportingOverflow(yy)
        return xOverflow || yOverflow || sumOverflow ? Int.max : sum
    }
}

/// What the matcher knows about a person (a volunteer, a newcomer referred by a caseworker).
public struct MatchingPersonProfile: Hashable, Sendable {
    public var interests: Set<String>
    public var languages: Set<String>
    /// Where they live or want to be active; `nil` when unknown (then distance does not count).
    public var location: MatchingLocation?
    public var availability: WeeklyAvailability
    public var completedTrainings: Set<String>

    public init(
        interests: Set<String>, languages: Set<String>, location: MatchingLocation?,
        availability: WeeklyAvailability, completedTrainings: Set<String> = []
    ) {
        self.interests = interests
        self.languages = languages
        self.location = location
        self.availability = availability
        self.completedTrainings = completedTrainings
    }
}

/// What the matcher knows about a slot: an activity or a volunteer opportunity with room for `capacity` people.
public struct MatchingSlotProfile: Hashable, Sendable {
    public var categories: Set<String>
    public var languages: Set<String>
    /// Where it takes place; `nil` for online or not yet known (then distance does not count).
    public var location: MatchingLocation?
    public var schedule: WeeklyAvailability
    public var requiredTrainings: Set<String>
    public var capacity: Int

    public init(
        categories: Set<String>, languages: Set<String>, location: MatchingLocation?, schedule: WeeklyAvailability,
        requiredTrainings: Set<String> = [], capacity: Int
    ) {
        self.categories = categories
        self.languages = languages
        self.location = location
        self.schedule = schedule
        self.requiredTrainings = requiredTrainings
        self.capacity = capacity
    }
}
