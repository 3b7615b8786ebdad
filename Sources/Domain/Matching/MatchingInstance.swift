/// A matching instance in the benchmark's file format (`shared/bench/matching`): activities with capacities and
/// scored person–activity pairs. Slot `s` of the problem is the activity `activityIDs[s]`; person ids are used as
/// they are, so the problem has `largest person id + 1` people.
public struct MatchingInstance: Sendable {
    /// The file with one row per activity; the reader uses its `activity_id` and `capacity` columns.
    public static let activitiesFile = "activities.csv"
    /// The file with one row per candidate pair: `person_id`, `activity_id`, `score`.
    public static let edgesFile = "edges.csv"
    /// The largest person id accepted, so that a typing error cannot make the reader allocate gigabytes.
    public static let maximumPersonID = 10_000_000

    public var activityIDs: [Int]
    public var problem: MatchingProblem

    public init(activityIDs: [Int], problem: MatchingProblem) {
        self.activityIDs = activityIDs
        self.problem = problem
    }
}

/// A problem in an instance file, with the file name and the 1-based line where it was found.
public struct MatchingInstanceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong at that line.
    public enum Problem: Hashable, Sendable {
        case noHeader
        case missingColumn(String)
        case malformedNumber(column: String)
        case missingField(column: String)
        case negativeActivityID(Int)
        case duplicateActivity(Int)
        case negativeCapacity(Int)
        case personOutOfRange(Int)
        case unknownActivity(Int)
        case duplicatePair(person: Int, activity: Int)
        case scoreOutOfRange(Int)
        case tooManyPairs
    }

    public var file: String
    public var line: Int
    public var problem: Problem

    public init(file: String, line: Int, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        let what: String
        switch problem {
        case .noHeader: what = "no header line"
        case .missingColumn(let name): what = "no column \(name) in the header"
        case .malformedNumber(let column): what = "\(column) is not a whole number"
        case .missingField(let column): what = "the row ends before \(column)"
        case .negativeActivityID(let id): what = "activity id \(id) is negative"
        case .duplicateActivity(let id): what = "activity id \(id) appears twice"
        case .negativeCapacity(let capacity): what = "capacity \(capacity) is negative"
        case .personOutOfRange(let id): what = "person id \(id) is outside 0...\(MatchingInstance.maximumPersonID)"
        case .unknownActivity(let id): what = "activity id \(id) is not in \(MatchingInstance.activitiesFile)"
        case .duplicatePair(let person, let activity): what = "person \(person) and activity \(activity) appear twice"
        case .scoreOutOfRange(let score): what = "score \(score) is outside 1...\(MatchingProblem.maximumScore)"
        case .tooManyPairs: what = "more pairs than the solver can hold (2³¹)"
        }
        return "\(file) line \(line): \(what)"
    }
}
