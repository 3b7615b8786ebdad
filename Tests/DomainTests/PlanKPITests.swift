import Foundation
import Testing

@testable import Domain

@Suite("KPIs: status from target, due date and trend; rules over platform records; checked input")
struct PlanKPITests {
    static let action = PlanActionID()

    static func kpi(
        _ target: KPI.Target, _ direction: KPI.Direction = .atLeast, period: KPI.Period = .yearly, due: String
    )
        -> KPI
    {
        KPI(
            actionID: action, description: LocalizedText(original: "KPI", in: .english), target: target,
            direction: direction, period: period, due: CalendarDay(due)!)
    }

    static func readings(_ values: [(Int, Double)]) -> [KPIReading] {
        values.map { KPIReading(year: $0.0, value: $0.1, records: []) }
    }

    @Test(
        "yearly KPIs",
        arguments: [
            // every year met, due passed → met
            ([(2018, 72.0), (2019, 65)], "2019-12-31", KPIStatus.met),
            // one year missed, due passed → off track
            ([(2018, 72), (2019, 65), (2020, 40)], "2020-12-31", .offTrack),
            // before due: latest met → on track
            ([(2025, 40), (2026, 61)], "2028-12-31", .onTrack),
            // before due: latest missed but better than before → at risk
            ([(2025, 30), (2026, 45)], "2028-12-31", .atRisk),
            // before due: latest missed and worse → off track
            ([(2025, 55), (2026, 45)], "2028-12-31", .offTrack),
            // nothing yet, before due → not measured; after → off track
            ([], "2028-12-31", .notMeasured),
            ([], "2020-12-31", .offTrack),
        ])
    func yearly(values: [(Int, Double)], due: String, expected: KPIStatus) {
        let kpi = Self.kpi(.number(60), due: due)
        #expect(KPIStatus.of(kpi, readings: Self.readings(values), today: CalendarDay("2026-11-22")!) == expected)
    }

    @Test(
        "whole-period KPIs follow the trend to the due year",
        arguments: [
            ([(2025, 100.0)], KPIStatus.met),
            ([(2024, 40), (2025, 70)], .onTrack),  // +30 a year reaches 100 by 2027
            ([(2024, 40), (2025, 45)], .atRisk),  // moving, too slowly
            ([(2024, 50), (2025, 45)], .offTrack),  // moving away
        ])
    func whole(values: [(Int, Double)], expected: KPIStatus) {
        let kpi = Self.kpi(.number(100), period: .whole, due: "2027-12-31")
        #expect(KPIStatus.of(kpi, readings: Self.readings(values), today: CalendarDay("2026-01-10")!) == expected)
    }

    @Test("an at-most target counts lower values as better, and yes/no targets need a yes")
    func directions() {
        let cost = Self.kpi(.number(1_500), .atMost, due: "2020-12-31")
        #expect(cost.meets(1_480) && !cost.meets(1_620))
        #expect(
            KPIStatus.of(
                cost, readings: Self.readings([(2018, 1_350), (2019, 1_480)]), today: CalendarDay("2021-01-01")!)
                == .met)
        let done = Self.kpi(.yes, due: "2019-12-31")
        #expect(done.meets(1) && !done.meets(0))
    }

    static func facts() -> (PlanFacts, NetworkID, OrganisationID) {
        let network = NetworkID()
        let member = OrganisationID()
        let outsider = OrganisationID()
        func event(
            _ kind: Event.Kind, _ day: String, _ attendance: Int, by organiser: OrganisationID,
            network: NetworkID? = nil, cost: Int? = nil, sectors: Set<Attendance.Sector> = [.city]
        ) -> PlanFacts.EventFact {
            .init(
                id: EventID(), kind: kind, networkID: network, organiserIDs: [organiser], day: CalendarDay(day)!,
                attendance: attendance, sectors: sectors, costCents: cost)
        }
        let events = [
            event(
                .cooperationForum, "2018-10-18", 72, by: outsider, network: network, cost: 135_000,
                sectors: [.city, .ngo, .resident]),
            event(.cooperationForum, "2019-10-10", 65, by: member, cost: 148_000, sectors: [.ngo, .business]),
            event(.cooperationForum, "2019-05-02", 30, by: outsider),  // neither for the network nor by a member
            event(.networkMeeting, "2019-03-13", 12, by: member),
            event(.volunteerMeetup, "2019-04-11", 47, by: member),
        ]
        let memberships = [
            network: [
                NetworkMembership(
                    networkID: network, organisationID: member, role: .member, since: CalendarDay("2018-01-01")),
                NetworkMembership(
                    networkID: network, organisationID: outsider, role: .member, since: CalendarDay("2018-01-01"),
                    until: CalendarDay("2018-06-30")),
            ]
        ]
        let place = PlaceID()
        let bookings = [
            PlanFacts.BookingFact(
                id: BookingID(), placeID: place, placeKind: .library, day: CalendarDay("2019-02-01")!),
            PlanFacts.BookingFact(id: BookingID(), placeID: place, placeKind: .park, day: CalendarDay("2019-03-01")!),
        ]
        return (
            PlanFacts(events: events, memberships: memberships, bookings: bookings, today: CalendarDay("2026-11-22")!),
            network, member
        )
    }

    static func read(_ rule: KPIRule, _ year: Int, _ facts: PlanFacts) -> KPIReading? {
        rule.reading(
            year: year, from: CalendarDay(year: year, month: 1, day: 1)!,
            until: CalendarDay(year: year, month: 12, day: 31)!,
            facts: facts)
    }

    @Test("rules count events held for a network or by its members, and link every record they used")
    func rules() throws {
        let (facts, network, member) = Self.facts()
        let attendance = try #require(
            Self.read(.eventAttendance(kind: .cooperationForum, network: network), 2019, facts))
        #expect(attendance.value == 65 && attendance.records.count == 1)
        #expect(Self.read(.eventAttendance(kind: .cooperationForum, network: nil), 2019, facts)?.value == 30)
        #expect(Self.read(.eventCost(kind: .cooperationForum, network: network), 2018, facts)?.value == 1_350)
        #expect(Self.read(.sectorsAttending(kind: .cooperationForum, network: network), 2018, facts)?.value == 3)
        #expect(
            Self.read(.eventCount(kind: .cooperationForum, network: nil, minimumAttendance: 60), 2019, facts)?.value
                == 1)
        #expect(Self.read(.networkMeetings(network: network), 2019, facts)?.value == 1)
        #expect(Self.read(.networkMeetings(network: network), 2020, facts)?.value == 0)
        let members = try #require(Self.read(.networkMembers(network: network), 2019, facts))
        #expect(members.value == 1 && members.records == [.membership(network: network, organisation: member)])
        #expect(Self.read(.placeBookings(placeKind: .library), 2019, facts)?.value == 1)
        #expect(Self.read(.placeBookings(placeKind: nil), 2019, facts)?.value == 2)
        #expect(Self.read(.eventAttendance(kind: .celebration, network: nil), 2019, facts) == nil)
    }

    @Test("a rule reads back from its text, and unknown parts are refused")
    func ruleText() {
        let rule = KPIRule.eventCount(kind: .volunteerMeetup, network: NetworkID(), minimumAttendance: 20)
        #expect(KPIRule(text: rule.text) == rule)
        #expect(KPIRule(text: "event_count kind=picnic") == nil)
        #expect(KPIRule(text: "event_count") == nil)
        #expect(KPIRule(text: "network_members network=not-an-id") == nil)
        #expect(KPIRule(text: "place_bookings") == .placeBookings(placeKind: nil))
    }

    @Test("a target of the wrong type, an unknown network or event kind, and a reversed period are refused by field")
    func badInput() {
        var kpi = Self.kpi(.yes, due: "2020-12-31")
        let original = kpi
        let wrongTarget = KPIInput(
            descriptions: [.english: "x"], targetType: "number", target: "many", due: "2020-12-31")
        #expect(throws: ValidationErrors(["target": ["plans.errors.target.not_number"]])) {
            try wrongTarget.apply(to: &kpi, networks: [], original: .english)
        }
        let yesWithNumber = KPIInput(descriptions: [.english: "x"], targetType: "yes", target: "3", due: "2020-12-31")
        #expect(throws: ValidationErrors(["target": ["plans.errors.target.yes_with_number"]])) {
            try yesWithNumber.apply(to: &kpi, networks: [], original: .english)
        }
        let unknownRule = KPIInput(
            descriptions: [.english: "x"], target: "2", due: "2020-12-31", measure: "network_meetings",
            network: NetworkID().description)
        #expect(throws: ValidationErrors(["network": ["plans.errors.rule.network"]])) {
            try unknownRule.apply(to: &kpi, networks: [], original: .english)
        }
        let unknownKind = KPIInput(
            descriptions: [.english: "x"], target: "2", due: "2020-12-31", measure: "event_count", eventKind: "picnic")
        #expect(throws: ValidationErrors(["event_kind": ["plans.errors.rule.event_kind"]])) {
            try unknownKind.apply(to: &kpi, networks: [], original: .english)
        }
        #expect(kpi == original)
        var plan = ActionPlan(
            cityID: CityID(), title: .init(), goal: .init(), firstYear: 0, lastYear: 0, createdAt: Date())
        #expect(throws: ValidationErrors(["last_year": ["plans.errors.period.reversed"]])) {
            try PlanInput(titles: [.english: "Plan"], firstYear: "2022", lastYear: "2018").apply(
                to: &plan, original: .english)
        }
    }

    @Test("risk severity grows with likelihood × impact")
    func severity() {
        #expect(Risk.severity(likelihood: 1, impact: 4) == .low)
        #expect(Risk.severity(likelihood: 3, impact: 3) == .medium)
        #expect(Risk.severity(likelihood: 4, impact: 4) == .high)
        #expect(Risk.severity(likelihood: 4, impact: 5) == .critical)
    }
}
