/// Dial's bucket queue for Dijkstra over small integer distances: one doubly linked list of nodes per distance,
/// so inserting, lowering a distance and taking the nearest node are O(1) (plus walking past empty buckets, which
/// is bounded by the largest distance per search). A node is in at most one bucket.
struct MatchingBucketQueue {
    static let unreached = Int32.max
    private(set) var distance: [Int32]
    private var head: [Int32]
    private var next: [Int32]
    private var previous: [Int32]
    /// Every node given a distance since the last `reset`, to clear them in time proportional to the search.
    private(set) var touched: [Int32] = []

    init(nodeCount: Int, largestDistance: Int) {
        distance = [Int32](repeating: Self.unreached, count: nodeCount)
        head = [Int32](repeating: -1, count: largestDistance + 1)
        next = [Int32](repeating: -1, count: nodeCount)
        previous = [Int32](repeating: -1, count: nodeCount)
    }

    /// Sets `node`'s distance to `newDistance` if that is lower, moving it to the right bucket.
    @inline(__always)
    mutating func lower(_ node: Int32, to newDistance: Int32) {
        let index = Int(node)
        let old = distance[index]
        guard newDistance < old else { return }
        if old == Self.unreached {
            touched.append(node)
        } else {
            unlink(index, bucket: Int(old))
        }
        distance[index] = newDistance
        let bucket = Int(newDistance)
        let first = head[bucket]
        next[index] = first
        previous[index] = -1
        if first >= 0 { previous[Int(first)] = node }
        head[bucket] = node
    }

    /// Removes and returns a node of distance `bucket`, or `nil` when there is none.
    @inline(__always)
    mutating func pop(bucket: Int) -> Int32? {
        let node = head[bucket]
        guard node >= 0 else { return nil }
        let following = next[Int(node)]
        head[bucket] = following
        if following >= 0 { previous[Int(following)] = -1 }
        return node
    }

    /// Forgets all distances and empties the buckets (nodes still queued at distances `≥ from`).
    mutating func reset(emptyingBucketsFrom from: Int, through last: Int) {
        for node in touched { distance[Int(node)] = Self.unreached }
        touched.removeAll(keepingCapacity: true)
        let last = min(last, head.count - 1)
        if from <= last {
            for bucket in from...last { head[bucket] = -1 }
        }
    }

    private mutating func unlink(_ index: Int, bucket: Int) {
        let before = previous[index]
        let after = next[index]
        if before >= 0 { next[Int(before)] = after } else { head[bucket] = after }
        if after >= 0 { previous[Int(after)] = before }
    }
}
