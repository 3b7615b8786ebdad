/// How much each kind of fit between a person and a slot counts; a city can tune these. The defaults are the
/// benchmark's formula (`shared/bench/matching/gen_matching.py`):
///
///     score = 10 × shared interests + 3 × min(shared languages, 2) + 2 × min(shared weekly times, 3)
///             − ⌊isqrt(16 × d²) / 1000⌋        (4 points per whole km; d² in square metres)
public struct MatchingWeights: Hashable, Sendable {
    public var pointsPerSharedInterest: Int
    public var pointsPerSharedLanguage: Int
    /// Shared languages beyond this many add nothing.
    public var sharedLanguagesCounted: Int
    public var pointsPerSharedTime: Int
    /// Shared weekly times beyond this many add nothing.
    public var sharedTimesCounted: Int
    /// Points taken off per kilometre between the person and the slot, rounded down as a whole.
    public var penaltyPerKilometre: Int

    public init(
        pointsPerSharedInterest: Int = 10, pointsPerSharedLanguage: Int = 3, sharedLanguagesCounted: Int = 2,
        pointsPerSharedTime: Int = 2, sharedTimesCounted: Int = 3, penaltyPerKilometre: Int = 4
    ) {
        self.pointsPerSharedInterest = pointsPerSharedInterest
        self.pointsPerSharedLanguage = pointsPerSharedLanguage
        self.sharedLanguagesCounted = sharedLanguagesCounted
        self.pointsPerSharedTime = pointsPerSharedTime
        self.sharedTimesCounted = sharedTimesCounted
        self.penaltyPerKilometre = penaltyPerKilometre
    }

    /// The benchmark's weights.
    public static let standard = MatchingWeights()

    /// The distance penalty for a squared distance in square metres: `⌊isqrt(penalty² × d²) / 1000⌋`, which is
    /// `⌊penalty × d / 1000⌋` computed exactly in integers.
    public func distancePenalty(squaredMetres: Int) -> Int {
        let factor = penaltyPerKilometre * penaltyPerKilometre
        let (scaled, overflow) = squaredMetres.multipliedReportingOverflow(by: factor)
        return overflow ? Int.max / 1000 : integerSquareRoot(scaled) / 1000
    }
}

/// `⌊√value⌋` for a non-negative integer, exact for every `Int` (a `Double` root, then corrected).
func integerSquareRoot(_ value: Int) -> Int {
    guard value > 0 else { return 0 }
    let largestRoot = 3_037_000_499  // ⌊√Int.max⌋
    var root = min(Int(Double(value).squareRoot()), largestRoot)
    while root * root > value { root -= 1 }
    while root < largestRoot && (root + 1) * (root + 1) <= value { root += 1 }
    return root
}
