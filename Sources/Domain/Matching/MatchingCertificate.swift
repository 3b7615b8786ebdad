/// The first reason a solution is not proven optimal by its prices, or not even feasible.
public enum MatchingViolation: Error, Hashable, Sendable {
    case priceCountMismatch
    case negativePrice
    case unknownPair(person: Int, slot: Int)
    case scoreMismatch(person: Int, slot: Int)
    case pairChosenTwice(person: Int, slot: Int)
    case personOverCapacity(person: Int)
    case slotOverCapacity(slot: Int)
    /// A pair not chosen whose prices do not cover its score: it could improve the matching.
    case uncoveredPair(person: Int, slot: Int)
    case pricedPersonWithRoom(person: Int)
    case pricedSlotWithRoom(slot: Int)
    case objectiveMismatch(claimed: Int, chosen: Int, dualBound: Int)
}

extension MatchingProblem {
    /// Proves `solution` optimal, or throws the first violation found. Checks feasibility (every chosen pair is a
    /// candidate with its score, chosen once, and nobody and no slot over capacity) and that the prices are an
    /// optimal dual solution: non-negative, `person + slot ≥ score` for pairs not chosen, a positive price only
    /// where the person or slot is full, and total score equal to the dual bound
    /// `Σ capacity × price + Σ max(0, score − person − slot)` over chosen pairs. Runs in O(candidates).
    public func verifyOptimality(of solution: MatchingSolution) throws(MatchingViolation) {
        let personPrices = solution.personPrices
        let slotPrices = solution.slotPrices
        guard personPrices.count == personCount, slotPrices.count == slotCount else { throw .priceCountMismatch }
        guard personPrices.allSatisfy({ $0 >= 0 }), slotPrices.allSatisfy({ $0 >= 0 }) else { throw .negativePrice }
        let chosen = try chosenPairs(solution.assignments)
        var personLoad = [Int](repeating: 0, count: personCount)
        var slotLoad = [Int](repeating: 0, count: slotCount)
        var objective = 0
        var dualBound = 0
        for person in 0..<personCount {
            for edge in Int(candidateStart[person])..<Int(candidateStart[person + 1]) {
                let slot = Int(candidateSlot[edge])
                let score = Int(candidateScore[edge])
                let covered = personPrices[person] + slotPrices[slot]
                if chosen[edge] {
                    personLoad[person] += 1
                    slotLoad[slot] += 1
                    objective += score
                    dualBound += max(0, score - covered)
                } else if covered < score {
                    throw .uncoveredPair(person: person, slot: slot)
                }
            }
        }
        for person in 0..<personCount {
            if personLoad[person] > personCapacities[person] { throw .personOverCapacity(person: person) }
            if personPrices[person] > 0 && personLoad[person] < personCapacities[person] {
                throw .pricedPersonWithRoom(person: person)
            }
            dualBound += personPrices[person] * personCapacities[person]
        }
        for slot in 0..<slotCount {
            if slotLoad[slot] > slotCapacities[slot] { throw .slotOverCapacity(slot: slot) }
            if slotPrices[slot] > 0 && slotLoad[slot] < slotCapacities[slot] { throw .pricedSlotWithRoom(slot: slot) }
            dualBound += slotPrices[slot] * slotCapacities[slot]
        }
        guard solution.objective == objective, objective == dualBound else {
            throw .objectiveMismatch(claimed: solution.objective, chosen: objective, dualBound: dualBound)
        }
    }

    /// Marks the candidate positions of the chosen pairs, checking that each is a candidate with its score and
    /// chosen once.
    private func chosenPairs(_ assignments: [MatchingCandidate]) throws(MatchingViolation) -> [Bool] {
        var chosen = [Bool](repeating: false, count: candidateCount)
        for pair in assignments {
            guard pair.person >= 0 && pair.person < personCount, pair.slot >= 0 && pair.slot < slotCount else {
                throw .unknownPair(person: pair.person, slot: pair.slot)
            }
            let range = Int(candidateStart[pair.person])..<Int(candidateStart[pair.person + 1])
            guard let edge = range.first(where: { Int(candidateSlot[$0]) == pair.slot }) else {
                throw .unknownPair(person: pair.person, slot: pair.slot)
            }
            guard Int(candidateScore[edge]) == pair.score else {
                throw .scoreMismatch(person: pair.person, slot: pair.slot)
            }
            guard !chosen[edge] else { throw .pairChosenTwice(person: pair.person, slot: pair.slot) }
            chosen[edge] = true
        }
        return chosen
    }
}
