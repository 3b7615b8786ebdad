/// Solves maximum-weight bipartite b-matching exactly.
///
/// The method is primal-dual min-cost flow (successive shortest paths, costs = −score). Each phase runs Dijkstra
/// backwards from the sink over reduced costs with Dial's bucket queue, stops at the nearest person with room, and
/// raises the potentials of the nodes nearer than that; then it augments along *all* tight paths at once, with
/// layered blocking-flow rounds (Dinic / Hopcroft–Karp style) over the pairs the search kept. The sink's potential
/// rises from −(largest score) to 0 by at least 1 per phase, so there are at most `largestScore + 1` phases. It
/// stops when the cheapest augmenting path no longer has a negative cost; the final potentials are the dual prices
/// returned with the solution, which `MatchingProblem.verifyOptimality` checks.
///
/// Memory is flat arrays only: about 30 bytes per candidate pair and 60 bytes per person or slot.
public enum MatchingSolver {
    /// Returns an optimal matching of `problem` with its dual certificate.
    ///
    /// - Parameter progress: called after every phase with `done` rising to `total` (score levels settled out of
    ///   the largest score), for a progress bar.
    public static func solve(
        _ problem: MatchingProblem, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> MatchingSolution {
        var network = MatchingFlowNetwork(problem)
        let total = Int(network.largestScore)
        var queue = MatchingBucketQueue(
            nodeCount: network.personCount + network.slotCount, largestDistance: total)
        var search = MatchingPathSearch(nodeCount: network.personCount + network.slotCount)
        var tight = MatchingTightPairs(slotCount: network.slotCount)
        var phases = 0
        var rounds = 0
        progress?(0, total)
        while network.sinkPotential < 0 {
            phases += 1
            let improving = network.raisePotentials(queue: &queue, tight: &tight)
            progress?(total + Int(network.sinkPotential), total)
            guard improving else { break }
            rounds += network.augmentAlongTightPaths(search: &search, tight: tight)
        }
        return network.solution(phases: phases, rounds: rounds)
    }
}
