/// One possible pair of a person and a slot (an activity place, a volunteer opportunity) with its score.
public struct MatchingCandidate: Hashable, Sendable {
    public var person: Int
    public var slot: Int
    public var score: Int

    public init(person: Int, slot: Int, score: Int) {
        self.person = person
        self.slot = slot
        self.score = score
    }
}

/// Why a matching problem cannot be built; `candidate` is the 0-based position in the input order.
public enum MatchingProblemError: Error, Hashable, Sendable {
    case negativePersonCapacity(person: Int, capacity: Int)
    case negativeSlotCapacity(slot: Int, capacity: Int)
    case personOutOfRange(candidate: Int, person: Int)
    case slotOutOfRange(candidate: Int, slot: Int)
    case scoreOutOfRange(candidate: Int, score: Int)
    case duplicatePair(candidate: Int, person: Int, slot: Int)
    case tooManyCandidates(count: Int)
}

/// A maximum-weight bipartite b-matching problem: people `0..<personCount` and slots `0..<slotCount`, each with a
/// capacity, and candidate pairs with an integer score in `1...maximumScore`. A solution picks pairs so that nobody
/// and no slot is over capacity and the total score is as large as possible; people may stay unassigned.
///
/// The candidates are kept grouped by person (compressed rows), in input order within a person.
public struct MatchingProblem: Sendable {
    /// The largest score a candidate may have. The solver's running time grows with the largest score used.
    public static let maximumScore = 1_000_000

    public let personCapacities: [Int]
    public let slotCapacities: [Int]
    /// `candidateStart[p]..<candidateStart[p + 1]` are the candidates of person `p`.
    let candidateStart: [Int32]
    let candidateSlot: [Int32]
    let candidateScore: [Int32]

    public var personCount: Int { personCapacities.count }
    public var slotCount: Int { slotCapacities.count }
    public var candidateCount: Int { candidateSlot.count }

    /// Builds a problem from candidate pairs; throws on a negative capacity, an unknown person or slot, a score
    /// outside `1...maximumScore` or a pair given twice.
    public init(
        personCapacities: [Int], slotCapacities: [Int], candidates: [MatchingCandidate]
    ) throws(MatchingProblemError) {
        try self.init(
            personCapacities: personCapacities, slotCapacities: slotCapacities,
            candidatePersons: candidates.map { Int32(clamping: $0.person) },
            candidateSlots: candidates.map { Int32(clamping: $0.slot) },
            candidateScores: candidates.map { Int32(clamping: $0.score) })
    }

    /// Builds a problem in which every person has the same capacity (1: at most one slot each).
    public init(
        personCount: Int, personCapacity: Int = 1, slotCapacities: [Int], candidates: [MatchingCandidate]
    ) throws(MatchingProblemError) {
        try self.init(
            personCapacities: Array(repeating: personCapacity, count: personCount), slotCapacities: slotCapacities,
            candidates: candidates)
    }

    /// Builds a problem from parallel columns (the fast path for large instances read from files).
    public init(
        personCapacities: [Int], slotCapacities: [Int], candidatePersons: [Int32], candidateSlots: [Int32],
        candidateScores: [Int32]
    ) throws(MatchingProblemError) {
        precondition(candidatePersons.count == candidateSlots.count && candidateSlots.count == candidateScores.count)
        let count = candidatePersons.count
        guard count < Int(Int32.max) else { throw .tooManyCandidates(count: count) }
        if let person = personCapacities.firstIndex(where: { $0 < 0 }) {
            throw .negativePersonCapacity(person: person, capacity: personCapacities[person])
        }
        if let slot = slotCapacities.firstIndex(where: { $0 < 0 }) {
            throw .negativeSlotCapacity(slot: slot, capacity: slotCapacities[slot])
        }
        let personCount = personCapacities.count
        let slotCount = slotCapacities.count
        var start = [Int32](repeating: 0, count: personCount + 1)
        for index in 0..<count {
            let person = Int(candidatePersons[index])
            let slot = Int(candidateSlots[index])
            let score = Int(candidateScores[index])
            guard person >= 0 && person < personCount else { throw .personOutOfRange(candidate: index, person: person) }
            guard slot >= 0 && slot < slotCount else { throw .slotOutOfRange(candidate: index, slot: slot) }
            guard score >= 1 && score <= Self.maximumScore else {
                throw .scoreOutOfRange(candidate: index, score: score)
            }
            start[person + 1] += 1
        }
        for person in 0..<personCount { start[person + 1] += start[person] }
        var position = start
        var slots = [Int32](repeating: 0, count: count)
        var scores = [Int32](repeating: 0, count: count)
        var inputIndex = [Int32](repeating: 0, count: count)
        for index in 0..<count {
            let person = Int(candidatePersons[index])
            let target = Int(position[person])
            position[person] += 1
            slots[target] = candidateSlots[index]
            scores[target] = candidateScores[index]
            inputIndex[target] = Int32(index)
        }
        try Self.rejectDuplicates(start: start, slots: slots, inputIndex: inputIndex, slotCount: slotCount)
        self.personCapacities = personCapacities
        self.slotCapacities = slotCapacities
        self.candidateStart = start
        self.candidateSlot = slots
        self.candidateScore = scores
    }

    /// The candidates of one person, in input order.
    public func candidates(of person: Int) -> [MatchingCandidate] {
        (Int(candidateStart[person])..<Int(candidateStart[person + 1])).map {
            MatchingCandidate(person: person, slot: Int(candidateSlot[$0]), score: Int(candidateScore[$0]))
        }
    }

    /// The largest candidate score, 0 without candidates.
    public var largestScore: Int { Int(candidateScore.max() ?? 0) }

    /// Finds a pair given twice; reports the later one in input order.
    private static func rejectDuplicates(
        start: [Int32], slots: [Int32], inputIndex: [Int32], slotCount: Int
    ) throws(MatchingProblemError) {
        var seenAt = [Int32](repeating: -1, count: slotCount)
        var firstDuplicate: (candidate: Int, person: Int, slot: Int)?
        for person in 0..<(start.count - 1) {
            for edge in Int(start[person])..<Int(start[person + 1]) {
                let slot = Int(slots[edge])
                let earlier = seenAt[slot]
                if earlier >= start[person] {
                    let later = Int(max(inputIndex[edge], inputIndex[Int(earlier)]))
                    if firstDuplicate == nil || later < firstDuplicate!.candidate {
                        firstDuplicate = (later, person, slot)
                    }
                }
                seenAt[slot] = Int32(edge)
            }
        }
        if let firstDuplicate {
            throw .duplicatePair(
                candidate: firstDuplicate.candidate, person: firstDuplicate.person, slot: firstDuplicate.slot)
        }
    }
}
