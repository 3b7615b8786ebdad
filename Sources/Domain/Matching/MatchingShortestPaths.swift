/// What one shortest-path search leaves for the augmentation that follows: the slots it settled (the only ones
/// that can lie on a tight path in this phase) and, for each, the pairs that may be tight into it.
struct MatchingTightPairs {
    /// Slots settled by the search, in order of distance.
    var slots: [Int32] = []
    /// `pairs[start[s]..<end[s]]` are the slot positions of the pairs that may be tight into settled slot `s`.
    var start: [Int32]
    var end: [Int32]
    var pairs: [Int32] = []
    /// A slot's pairs are from this phase's search only when its `phaseOf` entry equals `phase`.
    var phaseOf: [Int32]
    var phase: Int32 = 0

    init(slotCount: Int) {
        start = [Int32](repeating: 0, count: slotCount)
        end = [Int32](repeating: 0, count: slotCount)
        phaseOf = [Int32](repeating: 0, count: slotCount)
    }

    /// The pairs kept for `slot`, empty when the slot was not settled in this phase.
    @inline(__always)
    func range(of slot: Int) -> Range<Int> {
        phaseOf[slot] == phase ? Int(start[slot])..<Int(end[slot]) : 0..<0
    }
}

extension MatchingFlowNetwork {
    /// One primal-dual step: Dijkstra *backwards from the sink* over reduced costs, with Dial's buckets, until the
    /// nearest open person is settled at distance `D` (or the bypass arc at `−sinkPotential` is as near), then every
    /// node nearer than `D` to the sink has its potential raised by `D − distance`. Afterwards all residual reduced
    /// costs are still ≥ 0, the arcs of every shortest augmenting path are tight (reduced cost 0), and only the
    /// nodes near the sink were touched, so late phases cost little.
    ///
    /// Returns `false` when the bypass is a cheapest path, that is, when no augmenting path has a negative cost:
    /// the flow is then optimal and the potentials are its dual certificate.
    mutating func raisePotentials(queue: inout MatchingBucketQueue, tight: inout MatchingTightPairs) -> Bool {
        let personCount = self.personCount
        let bypass = -sinkPotential
        tight.phase &+= 1
        tight.slots.removeAll(keepingCapacity: true)
        tight.pairs.removeAll(keepingCapacity: true)
        for slot in 0..<slotCount where slotLoad[slot] < slotCapacity[slot] {
            let distance = slotPotential[slot] &- sinkPotential
            if distance < bypass { queue.lower(Int32(personCount + slot), to: distance) }
        }
        var nearest = bypass
        var level: Int32 = 0
        while level <= nearest && level < bypass {
            guard let node = queue.pop(bucket: Int(level)) else {
                level += 1
                continue
            }
            if node >= personCount {
                settle(slot: Int(node) - personCount, at: level, bound: nearest, queue: &queue, tight: &tight)
            } else {
                let person = Int(node)
                let load = personLoad[person]
                if load < personCapacity[person] { nearest = min(nearest, level) }
                if load > 0 { settle(person: person, at: level, bound: nearest, queue: &queue) }
            }
        }
        let raise = nearest
        for node in queue.touched {
            let distance = queue.distance[Int(node)]
            guard distance < raise else { continue }
            if node >= personCount {
                slotPotential[Int(node) - personCount] &+= raise &- distance
            } else {
                personPotential[Int(node)] &+= raise &- distance
            }
        }
        sinkPotential &+= raise
        queue.reset(emptyingBucketsFrom: Int(level), through: Int(bypass))
        keepOnlyTightPairs(&tight)
        return sinkPotential < 0
    }

    /// Drops the kept pairs that did not become tight (in either direction: `personPotential − score` equals
    /// `slotPotential`), so that the augmentation rounds scan only arcs they can use.
    private func keepOnlyTightPairs(_ tight: inout MatchingTightPairs) {
        var kept = 0
        for slot in tight.slots {
            let index = Int(slot)
            let potential = slotPotential[index]
            let first = kept
            for entry in Int(tight.start[index])..<Int(tight.end[index]) {
                let position = Int(tight.pairs[entry])
                if personPotential[Int(slotPairPerson[position])] &- slotPairScore[position] == potential {
                    tight.pairs[kept] = Int32(position)
                    kept += 1
                }
            }
            tight.start[index] = Int32(first)
            tight.end[index] = Int32(kept)
        }
        tight.pairs.removeLast(tight.pairs.count - kept)
    }

    /// Relaxes the arcs into a settled slot (person → slot over unused pairs) and keeps the slot positions of its
    /// pairs that may be tight after the update: the used ones and the unused ones within `bound`.
    @inline(__always)
    private func settle(
        slot: Int, at level: Int32, bound: Int32, queue: inout MatchingBucketQueue, tight: inout MatchingTightPairs
    ) {
        tight.slots.append(Int32(slot))
        tight.phaseOf[slot] = tight.phase
        tight.start[slot] = Int32(tight.pairs.count)
        let shifted = level &- slotPotential[slot]
        for position in Int(slotPairStart[slot])..<Int(slotPairStart[slot + 1]) {
            if slotPairUsed[position] {
                tight.pairs.append(Int32(position))
                continue
            }
            let person = slotPairPerson[position]
            let reached = shifted &+ personPotential[Int(person)] &- slotPairScore[position]
            if reached <= bound {
                tight.pairs.append(Int32(position))
                queue.lower(person, to: reached)
            }
        }
        tight.end[slot] = Int32(tight.pairs.count)
    }

    /// Relaxes the arcs into a settled person (slot → person over the pairs they hold).
    @inline(__always)
    private func settle(person: Int, at level: Int32, bound: Int32, queue: inout MatchingBucketQueue) {
        let shifted = level &- personPotential[person]
        let personCount = Int32(self.personCount)
        let first = Int(holdingStart[person])
        for holding in first..<(first + Int(personLoad[person])) {
            let slot = holdings[3 * holding + 1]
            let reached = shifted &+ holdings[3 * holding + 2] &+ slotPotential[Int(slot)]
            if reached <= bound { queue.lower(personCount &+ slot, to: reached) }
        }
    }
}
