import Testing

@testable import Domain

/// SplitMix64: a tiny deterministic generator, so every random instance can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// A small random problem: up to 6 people, 4 slots and 12 pairs; capacities 0…3 for slots, 1 or 2 for people.
func randomMatchingProblem(seed: UInt64) -> MatchingProblem {
    var random = SplitMix64(seed: seed)
    let personCount = Int.random(in: 1...6, using: &random)
    let slotCount = Int.random(in: 1...4, using: &random)
    let largestScore = [3, 9, 50].randomElement(using: &random)!
    let twoEach = Bool.random(using: &random)
    var candidates: [MatchingCandidate] = []
    for person in 0..<personCount {
        for slot in 0..<slotCount where Int.random(in: 0..<10, using: &random) < 5 && candidates.count < 12 {
            candidates.append(
                MatchingCandidate(person: person, slot: slot, score: Int.random(in: 1...largestScore, using: &random)))
        }
    }
    candidates.shuffle(using: &random)
    let personCapacities = (0..<personCount).map { _ in twoEach ? Int.random(in: 1...2, using: &random) : 1 }
    let slotCapacities = (0..<slotCount).map { _ in Int.random(in: 0...3, using: &random) }
    return try! MatchingProblem(
        personCapacities: personCapacities, slotCapacities: slotCapacities, candidates: candidates)
}

/// The best total score by trying every subset of pairs that respects the capacities.
func bruteForceOptimum(_ problem: MatchingProblem) -> Int {
    let pairs = (0..<problem.personCount).flatMap { problem.candidates(of: $0) }
    var personLoad = [Int](repeating: 0, count: problem.personCount)
    var slotLoad = [Int](repeating: 0, count: problem.slotCount)
    func best(from index: Int) -> Int {
        guard index < pairs.count else { return 0 }
        var result = best(from: index + 1)
        let pair = pairs[index]
        if personLoad[pair.person] < problem.personCapacities[pair.person]
            && slotLoad[pair.slot] < problem.slotCapacities[pair.slot]
        {
            personLoad[pair.person] += 1
            slotLoad[pair.slot] += 1
            result = max(result, pair.score + best(from: index + 1))
            personLoad[pair.person] -= 1
            slotLoad[pair.slot] -= 1
        }
        return result
    }
    return best(from: 0)
}

@Suite("Matching solver")
struct MatchingSolverTests {
    @Test("reaches the brute-force optimum on small random instances", arguments: 0..<400)
    func matchesBruteForce(seed: Int) throws {
        // given
        let problem = randomMatchingProblem(seed: UInt64(seed))
        // when
        let solution = MatchingSolver.solve(problem)
        // then
        #expect(solution.objective == bruteForceOptimum(problem), "seed \(seed)")
    }

    @Test("proves its own optimality with the dual certificate", arguments: 1000..<1400)
    func certificateHolds(seed: Int) throws {
        // given
        let problem = randomMatchingProblem(seed: UInt64(seed))
        // when
        let solution = MatchingSolver.solve(problem)
        // then
        #expect(throws: Never.self, "seed \(seed)") { try problem.verifyOptimality(of: solution) }
    }

    @Test("proves optimality on medium random instances with ties and mixed capacities", arguments: 0..<20)
    func mediumInstances(seed: Int) throws {
        // given: 300 people, 40 slots, up to 8 pairs each, scores 1…20 (many ties)
        var random = SplitMix64(seed: UInt64(seed) + 10_000)
        var candidates: [MatchingCandidate] = []
        for person in 0..<300 {
            for slot in Set(
                (0..<Int.random(in: 0...8, using: &random)).map { _ in Int.random(in: 0..<40, using: &random) })
            {
                candidates.append(.init(person: person, slot: slot, score: Int.random(in: 1...20, using: &random)))
            }
        }
        let problem = try MatchingProblem(
            personCapacities: (0..<300).map { _ in Int.random(in: 0...2, using: &random) },
            slotCapacities: (0..<40).map { _ in Int.random(in: 0...6, using: &random) }, candidates: candidates)
        // when
        let solution = MatchingSolver.solve(problem)
        // then
        #expect(throws: Never.self, "seed \(seed)") { try problem.verifyOptimality(of: solution) }
        #expect(solution.objective > 0)
    }

    @Test("without pairs nobody is assigned and the objective is 0")
    func noPairs() throws {
        // given
        let problem = try MatchingProblem(personCount: 3, slotCapacities: [2, 1], candidates: [])
        // when
        let solution = MatchingSolver.solve(problem)
        // then
        #expect(solution.assignments.isEmpty)
        #expect(solution.objective == 0)
        #expect(throws: Never.self) { try problem.verifyOptimality(of: solution) }
    }

    @Test("a slot without capacity takes nobody, even its best candidate")
    func zeroCapacitySlot() throws {
        // given
        let problem = try MatchingProblem(
            personCount: 2, slotCapacities: [0, 1],
            candidates: [.init(person: 0, slot: 0, score: 40), .init(person: 1, slot: 1, score: 5)])
        // when
        let solution = MatchingSolver.solve(problem)
        // then
        #expect(solution.assignments == [.init(person: 1, slot: 1, score: 5)])
        #expect(throws: Never.self) { try problem.verifyOptimality(of: solution) }
    }

    @Test("when everyone wants one slot, its capacity goes to the highest scores")
    func everyoneWantsOneSlot() throws {
        // given
        let scores = [7, 3, 9, 9, 1, 5]
        let problem = try MatchingProblem(
            personCount: scores.count, slotCapacities: [3],
            candidates: scores.enumerated().map { .init(person: $0.offset, slot: 0, score: $0.element) })
        // when
        let solution = MatchingSolver.solve(problem)
        // then
        #expect(solution.objective == 9 + 9 + 7)
        #expect(Set(solution.assignments.map(\.person)) == [0, 2, 3])
    }

    @Test("a better total beats the greedy choice of the single best pair")
    func beatsGreedy() throws {
        // given: greedy takes (0, 0) = 10 and leaves person 1 without a slot; optimal is 9 + 9
        let problem = try MatchingProblem(
            personCount: 2, slotCapacities: [1, 1],
            candidates: [
                .init(person: 0, slot: 0, score: 10), .init(person: 0, slot: 1, score: 9),
                .init(person: 1, slot: 0, score: 9),
            ])
        // when
        let solution = MatchingSolver.solve(problem)
        // then
        #expect(solution.objective == 18)
    }

    @Test("a person with capacity 2 takes two different slots, never one twice")
    func personCapacityTwo() throws {
        // given
        let problem = try MatchingProblem(
            personCount: 1, personCapacity: 2, slotCapacities: [5, 5, 5],
            candidates: [
                .init(person: 0, slot: 0, score: 4), .init(person: 0, slot: 1, score: 8),
                .init(person: 0, slot: 2, score: 6),
            ])
        // when
        let solution = MatchingSolver.solve(problem)
        // then
        #expect(solution.assignments.map(\.slot).sorted() == [1, 2])
        #expect(throws: Never.self) { try problem.verifyOptimality(of: solution) }
    }

    @Test("progress rises to the largest score and ends there")
    func progress() throws {
        // given
        let problem = randomMatchingProblem(seed: 7)
        var reports: [Int] = []
        // when
        _ = MatchingSolver.solve(problem) { done, total in
            #expect(total == problem.largestScore)
            reports.append(done)
        }
        // then
        #expect(reports == reports.sorted())
        #expect(reports.last == problem.largestScore)
    }
}
