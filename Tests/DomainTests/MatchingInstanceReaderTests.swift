import Testing

@testable import Domain

@Suite("Matching instance reader")
struct MatchingInstanceReaderTests {
    let activities = """
        activity_id,x_m,y_m,categories_mask,languages_mask,schedule_mask,capacity
        0,1391,193,288,161,68,2
        1,1323,1062,2883,129,10240,1
        5,10,10,1,1,1,0

        """
    let edges = """
        person_id,activity_id,score
        0,1,7
        0,0,5
        2,0,9

        """

    private func read(activities: String? = nil, edges: String? = nil) throws -> MatchingInstance {
        try MatchingInstance.read(
            activities: Array((activities ?? self.activities).utf8), edges: Array((edges ?? self.edges).utf8))
    }

    private func expectError(
        _ expected: MatchingInstanceError, activities: String? = nil, edges: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(throws: expected, sourceLocation: sourceLocation) {
            try read(activities: activities, edges: edges)
        }
    }

    @Test("reads activities, their capacities and the scored pairs")
    func readsInstance() throws {
        // when
        let instance = try read()
        // then
        #expect(instance.activityIDs == [0, 1, 5])
        #expect(instance.problem.slotCapacities == [2, 1, 0])
        #expect(instance.problem.personCount == 3)
        #expect(
            instance.problem.candidates(of: 0) == [
                .init(person: 0, slot: 1, score: 7), .init(person: 0, slot: 0, score: 5),
            ])
        #expect(instance.problem.candidates(of: 2) == [.init(person: 2, slot: 0, score: 9)])
    }

    @Test("finds columns by name, in any order, with CRLF line ends and a byte-order mark")
    func columnsByName() throws {
        // given
        let shuffled = "\u{FEFF}capacity,note,activity_id\r\n3,\"a, quoted\",0\r\n1,x,1\r\n"
        let pairs = "score,activity_id,person_id\r\n4,1,0\r\n"
        // when
        let instance = try read(activities: shuffled, edges: pairs)
        // then
        #expect(instance.problem.slotCapacities == [3, 1])
        #expect(instance.problem.candidates(of: 0) == [.init(person: 0, slot: 1, score: 4)])
    }

    @Test("an activity id missing from activities.csv names the edges line")
    func unknownActivity() {
        expectError(
            .init(file: "edges.csv", line: 3, problem: .unknownActivity(7)),
            edges: "person_id,activity_id,score\n0,1,7\n1,7,3\n")
    }

    @Test("a negative capacity names the activities line")
    func negativeCapacity() {
        expectError(
            .init(file: "activities.csv", line: 2, problem: .negativeCapacity(-1)),
            activities: "activity_id,capacity\n0,-1\n1,1\n")
    }

    @Test("a person–activity pair given twice names the second line")
    func duplicatePair() {
        expectError(
            .init(file: "edges.csv", line: 5, problem: .duplicatePair(person: 0, activity: 5)),
            edges: "person_id,activity_id,score\n0,5,7\n1,5,3\n\n0,5,2\n")
    }

    @Test("scores outside 1…1,000,000 are rejected", arguments: [0, -3, 1_000_001])
    func scoreOutOfRange(score: Int) {
        expectError(
            .init(file: "edges.csv", line: 2, problem: .scoreOutOfRange(score)),
            edges: "person_id,activity_id,score\n0,1,\(score)\n")
    }

    @Test("a malformed number names its column", arguments: ["1x", "", "2.5", "--1", " 3"])
    func malformedNumber(text: String) {
        expectError(
            .init(file: "edges.csv", line: 3, problem: .malformedNumber(column: "score")),
            edges: "person_id,activity_id,score\n0,1,7\n1,0,\(text)\n")
    }

    @Test("a row that ends too early names the missing column")
    func missingField() {
        expectError(
            .init(file: "edges.csv", line: 2, problem: .missingField(column: "score")),
            edges: "person_id,activity_id,score\n0,1\n")
    }

    @Test("a missing column is reported on the header line", arguments: ["person_id", "activity_id", "score"])
    func missingEdgeColumn(column: String) {
        let header = ["person_id", "activity_id", "score"].filter { $0 != column }.joined(separator: ",")
        expectError(.init(file: "edges.csv", line: 1, problem: .missingColumn(column)), edges: header + "\n1,2\n")
    }

    @Test("activities.csv needs a capacity column")
    func missingCapacityColumn() {
        expectError(
            .init(file: "activities.csv", line: 1, problem: .missingColumn("capacity")),
            activities: "activity_id,x_m\n0,5\n")
    }

    @Test("an activity id given twice is rejected")
    func duplicateActivity() {
        expectError(
            .init(file: "activities.csv", line: 3, problem: .duplicateActivity(0)),
            activities: "activity_id,capacity\n0,1\n0,2\n")
    }

    @Test("an empty file has no header")
    func emptyFile() {
        expectError(.init(file: "edges.csv", line: 1, problem: .noHeader), edges: "")
    }

    @Test("a negative person id is rejected")
    func negativePerson() {
        expectError(
            .init(file: "edges.csv", line: 2, problem: .personOutOfRange(-1)),
            edges: "person_id,activity_id,score\n-1,0,4\n")
    }

    @Test("errors read as file, line and problem")
    func description() {
        let error = MatchingInstanceError(file: "edges.csv", line: 17, problem: .unknownActivity(12))
        #expect(error.description == "edges.csv line 17: activity id 12 is not in activities.csv")
    }
}
