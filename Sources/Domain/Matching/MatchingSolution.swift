/// An optimal matching with the prices that prove it optimal.
///
/// The prices are a solution of the dual linear programme: `personPrices[p] + slotPrices[s] >= score` for every
/// candidate not chosen, `<= score` for every chosen one, and a positive price only on a full person or slot. Any
/// solution with such prices is optimal, because its total score equals the dual bound
/// `Σ capacity × price + Σ (score − personPrice − slotPrice)` over the chosen pairs; `verifyOptimality` checks it.
public struct MatchingSolution: Hashable, Sendable {
    /// The chosen pairs, ordered by person and then by the order of that person's candidates.
    public var assignments: [MatchingCandidate]
    /// The sum of the scores of the chosen pairs.
    public var objective: Int
    public var personPrices: [Int]
    public var slotPrices: [Int]
    /// How often the solver searched for shortest augmenting paths; at most the largest score plus one.
    public var phases: Int
    /// How often it swept the tight pairs for augmenting paths, over all phases.
    public var rounds: Int

    public init(
        assignments: [MatchingCandidate], objective: Int, personPrices: [Int], slotPrices: [Int], phases: Int = 0,
        rounds: Int = 0
    ) {
        self.assignments = assignments
        self.objective = objective
        self.personPrices = personPrices
        self.slotPrices = slotPrices
        self.phases = phases
        self.rounds = rounds
    }
}
