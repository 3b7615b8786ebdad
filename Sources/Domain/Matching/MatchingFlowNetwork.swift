/// The solver's working state: the problem as a flow network source → person → slot → sink with cost −score on
/// the person → slot arcs, the current flow, and node potentials that keep every residual arc's reduced cost
/// non-negative. The source and the sink are implicit: the source's potential is always 0, the sink's is
/// `sinkPotential`, and a bypass arc source → sink of cost 0 lets people stay unassigned.
///
/// Reduced costs: person → slot (unused pair) `personPotential − score − slotPotential`, slot → person (used pair)
/// `score + slotPotential − personPotential`, slot → sink (slot not full) `slotPotential − sinkPotential`,
/// source → person (person not full) `−personPotential`, which stays 0.
///
/// Flat `Int32` arrays only. A pair is an *edge* (its position in the problem's person-grouped rows) and also has
/// a *slot position* in a copy grouped by slot, so that scans over a slot's pairs read memory in order.
struct MatchingFlowNetwork {
    let personCount: Int
    let slotCount: Int
    let personCapacity: [Int32]
    let slotCapacity: [Int32]
    let edgeStart: [Int32]
    let edgeSlot: [Int32]
    let edgeScore: [Int32]
    /// `slotPairStart[s]..<slotPairStart[s + 1]` are slot `s`'s pairs in the slot-grouped copy.
    let slotPairStart: [Int32]
    let slotPairPerson: [Int32]
    let slotPairScore: [Int32]
    let slotPairEdge: [Int32]
    let edgeSlotPosition: [Int32]
    /// `memberStart[s]..<memberStart[s] + slotLoad[s]` in `members` are the slot positions of the pairs used at `s`.
    let memberStart: [Int32]
    /// `holdingStart[p]..<holdingStart[p] + personLoad[p]` are the pairs person `p` uses; holding `h` is stored as
    /// `holdings[3h ..< 3h + 3]` = edge, slot, score, so reading one costs one cache line.
    let holdingStart: [Int32]
    let largestScore: Int32

    var edgeUsed: [Bool]
    var slotPairUsed: [Bool]
    var personLoad: [Int32]
    var slotLoad: [Int32]
    var members: [Int32]
    var holdings: [Int32]
    var personPotential: [Int32]
    var slotPotential: [Int32]
    var sinkPotential: Int32

    init(_ problem: MatchingProblem) {
        let personCount = problem.personCount
        let slotCount = problem.slotCount
        let edgeStart = problem.candidateStart
        let edgeSlot = problem.candidateSlot
        let edgeScore = problem.candidateScore
        let edgeCount = edgeSlot.count
        var degree = [Int32](repeating: 0, count: slotCount)
        var bestScore = [Int32](repeating: 0, count: slotCount)
        for edge in 0..<edgeCount {
            let slot = Int(edgeSlot[edge])
            degree[slot] += 1
            bestScore[slot] = max(bestScore[slot], edgeScore[edge])
        }
        var pairStart = [Int32](repeating: 0, count: slotCount + 1)
        for slot in 0..<slotCount { pairStart[slot + 1] = pairStart[slot] + degree[slot] }
        var fill = pairStart
        var pairPerson = [Int32](repeating: 0, count: edgeCount)
        var pairScore = [Int32](repeating: 0, count: edgeCount)
        var pairEdge = [Int32](repeating: 0, count: edgeCount)
        var slotPosition = [Int32](repeating: 0, count: edgeCount)
        for person in 0..<personCount {
            for edge in Int(edgeStart[person])..<Int(edgeStart[person + 1]) {
                let slot = Int(edgeSlot[edge])
                let position = Int(fill[slot])
                fill[slot] += 1
                pairPerson[position] = Int32(person)
                pairScore[position] = edgeScore[edge]
                pairEdge[position] = Int32(edge)
                slotPosition[edge] = Int32(position)
            }
        }
        // A capacity above the degree can never be reached; clamping keeps it in Int32 without changing anything.
        let personCapacity = (0..<personCount).map { person in
            Int32(min(problem.personCapacities[person], Int(edgeStart[person + 1] - edgeStart[person]) + 1))
        }
        let slotCapacity = (0..<slotCount).map { Int32(min(problem.slotCapacities[$0], Int(degree[$0]) + 1)) }
        var holdingStart = [Int32](repeating: 0, count: personCount + 1)
        for person in 0..<personCount {
            let degree = edgeStart[person + 1] - edgeStart[person]
            holdingStart[person + 1] = holdingStart[person] + min(personCapacity[person], degree)
        }
        var memberStart = [Int32](repeating: 0, count: slotCount + 1)
        for slot in 0..<slotCount { memberStart[slot + 1] = memberStart[slot] + min(slotCapacity[slot], degree[slot]) }

        self.personCount = personCount
        self.slotCount = slotCount
        self.personCapacity = personCapacity
        self.slotCapacity = slotCapacity
        self.edgeStart = edgeStart
        self.edgeSlot = edgeSlot
        self.edgeScore = edgeScore
        slotPairStart = pairStart
        slotPairPerson = pairPerson
        slotPairScore = pairScore
        slotPairEdge = pairEdge
        edgeSlotPosition = slotPosition
        self.memberStart = memberStart
        self.holdingStart = holdingStart
        largestScore = bestScore.max() ?? 0
        edgeUsed = [Bool](repeating: false, count: edgeCount)
        slotPairUsed = [Bool](repeating: false, count: edgeCount)
        personLoad = [Int32](repeating: 0, count: personCount)
        slotLoad = [Int32](repeating: 0, count: slotCount)
        members = [Int32](repeating: -1, count: Int(memberStart[slotCount]))
        holdings = [Int32](repeating: -1, count: 3 * Int(holdingStart[personCount]))
        // Dual feasible start: every pair's reduced cost is ≥ 0 and the best pair of each slot is tight.
        personPotential = [Int32](repeating: 0, count: personCount)
        slotPotential = bestScore.map { -$0 }
        sinkPotential = -(bestScore.max() ?? 0)
    }

    /// Marks a pair used or unused in both orders.
    @inline(__always)
    mutating func setUsed(_ edge: Int, _ used: Bool) {
        edgeUsed[edge] = used
        slotPairUsed[Int(edgeSlotPosition[edge])] = used
    }

    /// Stores `edge` as holding `holding`.
    @inline(__always)
    mutating func hold(_ holding: Int, edge: Int) {
        holdings[3 * holding] = Int32(edge)
        holdings[3 * holding + 1] = edgeSlot[edge]
        holdings[3 * holding + 2] = edgeScore[edge]
    }

    /// The chosen pairs and the dual prices read off the potentials (source and sink potentials are both 0 at the
    /// end): a person's price is its potential, a slot's price its negated potential, both clamped at 0.
    func solution(phases: Int, rounds: Int) -> MatchingSolution {
        var assignments: [MatchingCandidate] = []
        var objective = 0
        for person in 0..<personCount where personLoad[person] > 0 {
            for edge in Int(edgeStart[person])..<Int(edgeStart[person + 1]) where edgeUsed[edge] {
                let score = Int(edgeScore[edge])
                assignments.append(MatchingCandidate(person: person, slot: Int(edgeSlot[edge]), score: score))
                objective += score
            }
        }
        return MatchingSolution(
            assignments: assignments, objective: objective,
            personPrices: (0..<personCount).map { person in
                // People with room keep potential 0; those never reached (no pairs, or no capacity) may drift.
                personLoad[person] < personCapacity[person] ? 0 : max(0, Int(personPotential[person]))
            },
            slotPrices: slotPotential.map { max(0, -Int($0)) },
            phases: phases, rounds: rounds)
    }
}
