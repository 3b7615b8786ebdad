import Testing

@testable import Domain

@Suite("Matching optimality certificate")
struct MatchingCertificateTests {
    /// Two people, two slots of capacity 1: the optimum is 9 + 9 with prices person (1, 0), slot (9, 8).
    let problem = try! MatchingProblem(
        personCount: 2, slotCapacities: [1, 1],
        candidates: [
            .init(person: 0, slot: 0, score: 10), .init(person: 0, slot: 1, score: 9),
            .init(person: 1, slot: 0, score: 9),
        ])
    let optimal = MatchingSolution(
        assignments: [.init(person: 0, slot: 1, score: 9), .init(person: 1, slot: 0, score: 9)], objective: 18,
        personPrices: [1, 0], slotPrices: [9, 8])

    @Test("accepts an optimal solution with matching prices")
    func acceptsOptimal() {
        #expect(throws: Never.self) { try problem.verifyOptimality(of: optimal) }
    }

    @Test("rejects a feasible but suboptimal matching whatever its prices")
    func rejectsGreedy() {
        // given
        var greedy = optimal
        greedy.assignments = [.init(person: 0, slot: 0, score: 10)]
        greedy.objective = 10
        // then
        #expect(throws: MatchingViolation.self) { try problem.verifyOptimality(of: greedy) }
    }

    @Test("rejects prices that leave a pair uncovered")
    func rejectsUncoveredPair() {
        // given
        var solution = optimal
        solution.slotPrices = [8, 8]
        // then
        #expect(throws: MatchingViolation.uncoveredPair(person: 0, slot: 0)) {
            try problem.verifyOptimality(of: solution)
        }
    }

    @Test("rejects a positive price on a slot with room")
    func rejectsPricedSlotWithRoom() {
        // given
        var solution = optimal
        solution.assignments = [.init(person: 0, slot: 1, score: 9)]
        solution.objective = 9
        // then
        #expect(throws: MatchingViolation.pricedSlotWithRoom(slot: 0)) { try problem.verifyOptimality(of: solution) }
    }

    @Test("rejects a pair that is not a candidate")
    func rejectsUnknownPair() {
        // given
        var solution = optimal
        solution.assignments[1] = .init(person: 1, slot: 1, score: 9)
        // then
        #expect(throws: MatchingViolation.unknownPair(person: 1, slot: 1)) {
            try problem.verifyOptimality(of: solution)
        }
    }

    @Test("rejects a slot over its capacity")
    func rejectsOverCapacity() {
        // given
        var solution = optimal
        solution.assignments = [.init(person: 0, slot: 0, score: 10), .init(person: 1, slot: 0, score: 9)]
        solution.objective = 19
        // then
        #expect(throws: MatchingViolation.slotOverCapacity(slot: 0)) { try problem.verifyOptimality(of: solution) }
    }

    @Test("rejects a wrong claimed objective")
    func rejectsWrongObjective() {
        // given
        var solution = optimal
        solution.objective = 19
        // then
        #expect(throws: MatchingViolation.objectiveMismatch(claimed: 19, chosen: 18, dualBound: 18)) {
            try problem.verifyOptimality(of: solution)
        }
    }

    @Test("rejects negative prices")
    func rejectsNegativePrice() {
        // given
        var solution = optimal
        solution.personPrices = [1, -1]
        // then
        #expect(throws: MatchingViolation.negativePrice) { try problem.verifyOptimality(of: solution) }
    }
}

@Suite("Matching problem")
struct MatchingProblemTests {
    @Test("rejects a pair given twice, naming the later one")
    func duplicatePair() {
        #expect(throws: MatchingProblemError.duplicatePair(candidate: 2, person: 0, slot: 1)) {
            try MatchingProblem(
                personCount: 2, slotCapacities: [1, 1],
                candidates: [
                    .init(person: 0, slot: 1, score: 3), .init(person: 1, slot: 1, score: 3),
                    .init(person: 0, slot: 1, score: 4),
                ])
        }
    }

    @Test("rejects scores outside 1…maximumScore")
    func scoreRange() {
        #expect(throws: MatchingProblemError.scoreOutOfRange(candidate: 0, score: 0)) {
            try MatchingProblem(personCount: 1, slotCapacities: [1], candidates: [.init(person: 0, slot: 0, score: 0)])
        }
    }

    @Test("rejects an unknown slot")
    func unknownSlot() {
        #expect(throws: MatchingProblemError.slotOutOfRange(candidate: 0, slot: 3)) {
            try MatchingProblem(personCount: 1, slotCapacities: [1], candidates: [.init(person: 0, slot: 3, score: 1)])
        }
    }

    @Test("rejects a negative slot capacity")
    func negativeCapacity() {
        #expect(throws: MatchingProblemError.negativeSlotCapacity(slot: 1, capacity: -2)) {
            try MatchingProblem(personCount: 1, slotCapacities: [1, -2], candidates: [])
        }
    }
}
