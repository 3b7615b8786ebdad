/// Counts of people as they may be shown: a count under `threshold` could single someone out, so it is hidden
/// (`nil`), and so is whatever would let it be worked out again.
public enum SmallCounts {
    /// Counts under this are hidden.
    public static let threshold = 10

    /// One count on its own.
    public static func shown(_ count: Int) -> Int? {
        count < threshold ? nil : count
    }

    /// Cells that split a total between them (each person in exactly one cell). Every cell under the threshold is
    /// hidden; when the total is shown and exactly one cell is hidden, the smallest shown cell is hidden too
    /// (secondary suppression), since the total minus the shown cells would give the hidden one away.
    public static func partition(_ cells: [Int]) -> (cells: [Int?], total: Int?) {
        var shown = cells.map(Self.shown)
        let total = Self.shown(cells.reduce(0, +))
        if total != nil, shown.filter({ $0 == nil }).count == 1,
            let smallest = shown.indices.filter({ shown[$0] != nil }).min(by: { cells[$0] < cells[$1] })
        {
            shown[smallest] = nil
        }
        return (shown, total)
    }
}
