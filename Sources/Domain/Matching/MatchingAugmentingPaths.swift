/// Scratch space of the layered search for tight augmenting paths, allocated once per solve.
struct MatchingPathSearch {
    /// Tight arcs from a node to the sink (−1: cannot reach it, or a dead end in this round).
    var level: [Int32]
    /// Where the scan of a node's arcs goes on: a pair (edge) for people, a member index for slots.
    var cursor: [Int32]
    /// Nodes given a level this round (the breadth-first queue), to clear them afterwards.
    var reached: [Int32] = []
    /// The open people among `reached`: where the depth-first searches start.
    var sources: [Int32] = []
    /// The path being explored: person, slot, person, slot, …
    var path: [Int32] = []

    init(nodeCount: Int) {
        level = [Int32](repeating: -1, count: nodeCount)
        cursor = [Int32](repeating: 0, count: nodeCount)
    }

    /// Forgets the levels of the last round.
    mutating func clear() {
        for node in reached { level[Int(node)] = -1 }
        reached.removeAll(keepingCapacity: true)
        sources.removeAll(keepingCapacity: true)
    }
}

extension MatchingFlowNetwork {
    /// Augments along tight paths (reduced cost 0 on every arc) until none is left, as in Dinic's algorithm turned
    /// around: a breadth-first search backwards from the sink over tight arcs gives every node its number of arcs
    /// to the sink, then depth-first searches from the open people follow only arcs one level down, with
    /// current-arc pointers and dead ends pruned: a blocking flow. Only the slots and pairs kept by the last
    /// shortest-path search are looked at. Returns the number of rounds.
    mutating func augmentAlongTightPaths(search: inout MatchingPathSearch, tight: MatchingTightPairs) -> Int {
        var rounds = 0
        while true {
            rounds += 1
            search.clear()
            layerTowardsSink(search: &search, tight: tight)
            if search.sources.isEmpty { return rounds }
            for person in search.sources {
                let index = Int(person)
                while personLoad[index] < personCapacity[index] && augment(from: person, search: &search) {}
            }
        }
    }

    /// Levels every node that reaches the sink over tight arcs and collects the open people among them.
    private func layerTowardsSink(search: inout MatchingPathSearch, tight: MatchingTightPairs) {
        let personCount = self.personCount
        for slot in tight.slots {
            let index = Int(slot)
            if slotLoad[index] < slotCapacity[index] && slotPotential[index] == sinkPotential {
                search.level[personCount + index] = 1
                search.cursor[personCount + index] = 0
                search.reached.append(Int32(personCount + index))
            }
        }
        var head = 0
        while head < search.reached.count {
            let node = Int(search.reached[head])
            head += 1
            let next = search.level[node] + 1
            if node >= personCount {
                // Into a slot: from people whose unused pair with it is tight.
                let slot = node - personCount
                let potential = slotPotential[slot]
                for index in tight.range(of: slot) {
                    let position = Int(tight.pairs[index])
                    let person = Int(slotPairPerson[position])
                    if search.level[person] < 0 && !slotPairUsed[position]
                        && personPotential[person] &- slotPairScore[position] == potential
                    {
                        search.level[person] = next
                        search.cursor[person] = edgeStart[person]
                        search.reached.append(Int32(person))
                    }
                }
            } else {
                // Into a person: from the slots holding them through a tight pair.
                let person = node
                let load = Int(personLoad[person])
                if load < personCapacity[person] { search.sources.append(Int32(person)) }
                let potential = personPotential[person]
                let first = Int(holdingStart[person])
                for holding in first..<(first + load) {
                    let slotNode = personCount + Int(holdings[3 * holding + 1])
                    let score = holdings[3 * holding + 2]
                    if search.level[slotNode] < 0 && score &+ slotPotential[slotNode - personCount] == potential {
                        search.level[slotNode] = next
                        search.cursor[slotNode] = 0
                        search.reached.append(Int32(slotNode))
                    }
                }
            }
        }
    }

    /// Searches one layered tight path from `root` to a slot with room and shifts one unit of flow along it.
    private mutating func augment(from root: Int32, search: inout MatchingPathSearch) -> Bool {
        let personCount = Int32(self.personCount)
        search.path.removeAll(keepingCapacity: true)
        search.path.append(root)
        while let top = search.path.last {
            let node = Int(top)
            let wanted = search.level[node] - 1
            var descended = false
            if top < personCount {
                let potential = personPotential[node]
                var edge = Int(search.cursor[node])
                let end = Int(edgeStart[node + 1])
                while edge < end {
                    let slot = Int(edgeSlot[edge])
                    let slotNode = Int(personCount) + slot
                    if search.level[slotNode] == wanted && !edgeUsed[edge]
                        && potential &- edgeScore[edge] == slotPotential[slot]
                    {
                        search.cursor[node] = Int32(edge)
                        if wanted == 1 {
                            shift(along: search, finalEdge: edge, sink: slot)
                            if slotLoad[slot] == slotCapacity[slot] { search.level[slotNode] = -1 }
                            return true
                        }
                        search.path.append(Int32(slotNode))
                        descended = true
                        break
                    }
                    edge += 1
                }
                if !descended { search.cursor[node] = Int32(end) }
            } else {
                let slot = node - Int(personCount)
                let potential = slotPotential[slot]
                let first = Int(memberStart[slot])
                var member = Int(search.cursor[node])
                let load = Int(slotLoad[slot])
                while member < load {
                    let position = Int(members[first + member])
                    let person = Int(slotPairPerson[position])
                    if search.level[person] == wanted && slotPairScore[position] &+ potential == personPotential[person]
                    {
                        search.cursor[node] = Int32(member)
                        search.path.append(Int32(person))
                        descended = true
                        break
                    }
                    member += 1
                }
                if !descended { search.cursor[node] = Int32(load) }
            }
            if !descended {
                // A dead end for the rest of the round; the parent moves on to its next arc.
                search.level[node] = -1
                search.path.removeLast()
                if let parent = search.path.last { search.cursor[Int(parent)] += 1 }
            }
        }
        return false
    }

    /// Applies the path in `search` (whose cursors point at the chosen arcs) plus the last pair into `sink`: each
    /// slot on the path swaps the person who leads to it for the person after it, who moves on to the next slot.
    private mutating func shift(along search: MatchingPathSearch, finalEdge: Int, sink: Int) {
        let personCount = self.personCount
        let path = search.path
        let root = Int(path[0])
        var depth = 0
        while depth + 1 < path.count {
            let entering = Int(search.cursor[Int(path[depth])])
            let slot = Int(path[depth + 1]) - personCount
            let memberIndex = Int(memberStart[slot]) + Int(search.cursor[slot + personCount])
            let leaving = Int(slotPairEdge[Int(members[memberIndex])])
            setUsed(entering, true)
            setUsed(leaving, false)
            members[memberIndex] = edgeSlotPosition[entering]
            // The person let go keeps their load: they take the next pair on the path instead.
            let mover = Int(path[depth + 2])
            let next = depth + 3 < path.count ? Int(search.cursor[mover]) : finalEdge
            let first = Int(holdingStart[mover])
            for holding in first..<(first + Int(personLoad[mover])) where holdings[3 * holding] == Int32(leaving) {
                hold(holding, edge: next)
                break
            }
            depth += 2
        }
        setUsed(finalEdge, true)
        members[Int(memberStart[sink]) + Int(slotLoad[sink])] = edgeSlotPosition[finalEdge]
        slotLoad[sink] += 1
        let rootEntering = path.count > 1 ? Int(search.cursor[root]) : finalEdge
        hold(Int(holdingStart[root]) + Int(personLoad[root]), edge: rootEntering)
        personLoad[root] += 1
    }
}
