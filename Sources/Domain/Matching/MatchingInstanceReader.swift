extension MatchingInstance {
    /// Parses an instance from the bytes of `activities.csv` and `edges.csv` (columns found by header name, others
    /// ignored). Every person gets `personCapacity`. Throws the first problem with its file and line: a missing
    /// column, a malformed or missing number, a negative or repeated activity id, a negative capacity, a person id
    /// outside `0...maximumPersonID`, an activity id not in the activities, a score outside
    /// `1...MatchingProblem.maximumScore`, or a person–activity pair given twice.
    public static func read(
        activities: [UInt8], edges: [UInt8], personCapacity: Int = 1
    ) throws(MatchingInstanceError) -> MatchingInstance {
        let (activityIDs, capacities) = try activities.withUnsafeBufferPointer {
            (bytes) throws(MatchingInstanceError) in try readActivities(bytes)
        }
        let slotLookup = ActivityLookup(activityIDs)
        let pairs = try edges.withUnsafeBufferPointer { (bytes) throws(MatchingInstanceError) in
            try readPairs(bytes, lookup: slotLookup)
        }
        do {
            let problem = try MatchingProblem(
                personCapacities: Array(repeating: personCapacity, count: pairs.personCount),
                slotCapacities: capacities, candidatePersons: pairs.persons, candidateSlots: pairs.slots,
                candidateScores: pairs.scores)
            return MatchingInstance(activityIDs: activityIDs, problem: problem)
        } catch .duplicatePair(let candidate, let person, let slot) {
            let line = edges.withUnsafeBufferPointer { lineOfRow(candidate, in: $0) }
            throw MatchingInstanceError(
                file: edgesFile, line: line, problem: .duplicatePair(person: person, activity: activityIDs[slot]))
        } catch {
            throw MatchingInstanceError(file: edgesFile, line: 1, problem: .tooManyPairs)
        }
    }

    private static func readActivities(
        _ bytes: UnsafeBufferPointer<UInt8>
    ) throws(MatchingInstanceError) -> (ids: [Int], capacities: [Int]) {
        var scanner = MatchingCSVScanner(bytes)
        let columns = ["activity_id", "capacity"]
        let target = try header(of: &scanner, file: activitiesFile, columns: columns)
        var values = [0, 0]
        var ids: [Int] = []
        var capacities: [Int] = []
        var seen = Set<Int>()
        while try row(of: &scanner, into: &values, target: target, file: activitiesFile, columns: columns) {
            let (id, capacity) = (values[0], values[1])
            func fail(_ problem: MatchingInstanceError.Problem) -> MatchingInstanceError {
                MatchingInstanceError(file: activitiesFile, line: scanner.line, problem: problem)
            }
            guard id >= 0 else { throw fail(.negativeActivityID(id)) }
            guard capacity >= 0 else { throw fail(.negativeCapacity(capacity)) }
            guard seen.insert(id).inserted else { throw fail(.duplicateActivity(id)) }
            ids.append(id)
            capacities.append(capacity)
        }
        return (ids, capacities)
    }

    private struct Pairs {
        var persons: [Int32] = []
        var slots: [Int32] = []
        var scores: [Int32] = []
        var personCount = 0
    }

    private static func readPairs(
        _ bytes: UnsafeBufferPointer<UInt8>, lookup: ActivityLookup
    ) throws(MatchingInstanceError) -> Pairs {
        var scanner = MatchingCSVScanner(bytes)
        let columns = ["person_id", "activity_id", "score"]
        let target = try header(of: &scanner, file: edgesFile, columns: columns)
        var pairs = Pairs()
        // About 13 bytes a line in the benchmark files; reserving avoids regrowing three large arrays.
        let expected = bytes.count / 12
        pairs.persons.reserveCapacity(expected)
        pairs.slots.reserveCapacity(expected)
        pairs.scores.reserveCapacity(expected)
        var values = [0, 0, 0]
        var largestPerson = -1
        while try row(of: &scanner, into: &values, target: target, file: edgesFile, columns: columns) {
            let (person, activity, score) = (values[0], values[1], values[2])
            guard person >= 0 && person <= maximumPersonID else {
                throw MatchingInstanceError(file: edgesFile, line: scanner.line, problem: .personOutOfRange(person))
            }
            guard let slot = lookup.slot(of: activity) else {
                throw MatchingInstanceError(file: edgesFile, line: scanner.line, problem: .unknownActivity(activity))
            }
            guard score >= 1 && score <= MatchingProblem.maximumScore else {
                throw MatchingInstanceError(file: edgesFile, line: scanner.line, problem: .scoreOutOfRange(score))
            }
            largestPerson = max(largestPerson, person)
            pairs.persons.append(Int32(truncatingIfNeeded: person))
            pairs.slots.append(slot)
            pairs.scores.append(Int32(truncatingIfNeeded: score))
        }
        pairs.personCount = largestPerson + 1
        return pairs
    }

    /// Maps each wanted column to the header position where it is, throwing on a missing one.
    private static func header(
        of scanner: inout MatchingCSVScanner, file: String, columns: [String]
    ) throws(MatchingInstanceError) -> [Int] {
        guard let names = scanner.readHeader() else {
            throw MatchingInstanceError(file: file, line: 1, problem: .noHeader)
        }
        var target = [Int](repeating: -1, count: names.count)
        for (index, column) in columns.enumerated() {
            guard let position = names.firstIndex(of: column) else {
                throw MatchingInstanceError(file: file, line: scanner.line, problem: .missingColumn(column))
            }
            target[position] = index
        }
        return target
    }

    private static func row(
        of scanner: inout MatchingCSVScanner, into values: inout [Int], target: [Int], file: String,
        columns: [String]
    ) throws(MatchingInstanceError) -> Bool {
        do {
            return try scanner.readRow(into: &values, target: target)
        } catch {
            switch error {
            case .malformedNumber(let field):
                let column = field < target.count && target[field] >= 0 ? columns[target[field]] : "a field"
                throw MatchingInstanceError(file: file, line: scanner.line, problem: .malformedNumber(column: column))
            case .missingField(let field):
                throw MatchingInstanceError(
                    file: file, line: scanner.line, problem: .missingField(column: columns[target[field]]))
            }
        }
    }

    /// The line of the `row`-th data row (0-based), for errors found after parsing.
    private static func lineOfRow(_ row: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var scanner = MatchingCSVScanner(bytes)
        _ = scanner.readHeader()
        var skipped = 0
        while skipped <= row && scanner.skipRow() { skipped += 1 }
        return scanner.line
    }
}

/// Activity id → slot index: a flat table when the ids are compact (the usual 0..<count), a dictionary otherwise.
private struct ActivityLookup {
    private var table: [Int32] = []
    private var dictionary: [Int: Int32] = [:]

    init(_ ids: [Int]) {
        let largest = ids.max() ?? -1
        if largest < 4 * ids.count + 1024 {
            table = [Int32](repeating: -1, count: largest + 1)
            for (slot, id) in ids.enumerated() { table[id] = Int32(slot) }
        } else {
            for (slot, id) in ids.enumerated() { dictionary[id] = Int32(slot) }
        }
    }

    @inline(__always)
    func slot(of id: Int) -> Int32? {
        if id >= 0 && id < table.count {
            let slot = table[id]
            return slot >= 0 ? slot : nil
        }
        return table.isEmpty ? dictionary[id] : nil
    }
}
