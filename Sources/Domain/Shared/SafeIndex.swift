extension Array {
    /// The element at `index`, or `nil` when the array is shorter (rows of a spreadsheet often are).
    public subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
