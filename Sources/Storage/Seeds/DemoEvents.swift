import Domain
import Foundation

/// Demo events: the yearly cooperation forums of the action plan with their rotating hosts (2018 Nicehearts;
/// 2019 Hakunila International Society with Sorasod; 2020 the Russian Club), local group meetings, volunteer
/// meet-ups and neighbourhood get-togethers, with attendance counted by sector, and a few coming events that take
/// registrations. Figures are illustrative: some meet the plan's targets and some do not.
extension DemoSeed {
    struct DemoEvent {
        var kind: Event.Kind
        var finnish: String
        var english: String
        var organisers: [String]
        var network: String?
        var place: String?
        var area: String
        var day: String
        var from: String
        var until: String
        var capacity: Int? = nil
        var registration = false
        var cost: Int? = nil
        var counts: [Attendance.Sector: Int] = [:]
    }

    static let localGroup = "Vantaan URBACT-paikallisryhmä"
    static let volunteerNetwork = "Meidän Vantaa -vapaaehtoisverkosto"

    static let demoEvents: [DemoEvent] = [
        .init(
            kind: .cooperationForum, finnish: "Yhteistyöfoorumi 2018", english: "Cooperation forum 2018",
            organisers: ["Nicehearts ry", "Vantaan kaupunki, monikulttuuriset asiat"], network: localGroup,
            place: "Niceheartsin tila", area: "01300", day: "2018-10-18", from: "17:00", until: "20:00",
            cost: 135_000, counts: [.city: 14, .ngo: 22, .migrantLedNGO: 15, .resident: 17, .volunteer: 4]),
        .init(
            kind: .cooperationForum, finnish: "Yhteistyöfoorumi 2019", english: "Cooperation forum 2019",
            organisers: ["Hakunilan kansainvälinen yhdistys", "Sorasod ry"], network: localGroup,
            place: "Hakunilan asukastila", area: "01200", day: "2019-10-10", from: "17:00", until: "20:00",
            cost: 148_000,
            counts: [.city: 10, .ngo: 18, .migrantLedNGO: 19, .resident: 13, .business: 3, .volunteer: 2]),
        .init(
            kind: .cooperationForum, finnish: "Yhteistyöfoorumi 2020", english: "Cooperation forum 2020",
            organisers: ["Vantaan Venäläinen klubi"], network: localGroup, place: "Tikkurilan seurakuntakeskus",
            area: "01300", day: "2020-10-15", from: "17:00", until: "19:30", cost: 162_000,
            counts: [.city: 8, .ngo: 11, .migrantLedNGO: 12, .resident: 9]),
        .init(
            kind: .networkMeeting, finnish: "Paikallisryhmän tapaaminen", english: "Local group meeting",
            organisers: ["Vantaan kaupunki, monikulttuuriset asiat"], network: localGroup, place: "Tikkurilan kirjasto",
            area: "01300", day: "2018-02-14", from: "13:00", until: "15:00",
            counts: [.city: 3, .ngo: 5, .migrantLedNGO: 4]),
        .init(
            kind: .networkMeeting, finnish: "Paikallisryhmän tapaaminen", english: "Local group meeting",
            organisers: ["Vantaan kaupunki, monikulttuuriset asiat"], network: localGroup, place: "Tikkurilan kirjasto",
            area: "01300", day: "2018-06-06", from: "13:00", until: "15:00",
            counts: [.city: 3, .ngo: 4, .migrantLedNGO: 4]),
        .init(
            kind: .networkMeeting, finnish: "Paikallisryhmän tapaaminen", english: "Local group meeting",
            organisers: ["Vantaan kaupunki, monikulttuuriset asiat"], network: localGroup, place: "Myyrinki",
            area: "01600", day: "2018-11-21", from: "13:00", until: "15:00",
            counts: [.city: 2, .ngo: 5, .migrantLedNGO: 3]),
        .init(
            kind: .networkMeeting, finnish: "Paikallisryhmän tapaaminen", english: "Local group meeting",
            organisers: ["Vantaan kaupunki, monikulttuuriset asiat"], network: localGroup, place: "Tikkurilan kirjasto",
            area: "01300", day: "2019-03-13", from: "13:00", until: "15:00",
            counts: [.city: 3, .ngo: 4, .migrantLedNGO: 5]),
        .init(
            kind: .networkMeeting, finnish: "Paikallisryhmän tapaaminen", english: "Local group meeting",
            organisers: ["Vantaan kaupunki, monikulttuuriset asiat"], network: localGroup, place: "Tikkurilan kirjasto",
            area: "01300", day: "2020-09-09", from: "13:00", until: "15:00",
            counts: [.city: 2, .ngo: 3, .migrantLedNGO: 3]),
        .init(
            kind: .volunteerMeetup, finnish: "Vapaaehtoisten kevättapaaminen", english: "Volunteers' spring meet-up",
            organisers: ["Vantaan vapaaehtoiskeskus"], network: volunteerNetwork, place: "Tikkurilan seurakuntakeskus",
            area: "01300", day: "2019-04-11", from: "17:30", until: "19:30", counts: [.volunteer: 38, .ngo: 9]),
        .init(
            kind: .volunteerMeetup, finnish: "Vapaaehtoisten syystapaaminen", english: "Volunteers' autumn meet-up",
            organisers: ["Vantaan vapaaehtoiskeskus", "Nicehearts ry"], network: volunteerNetwork,
            place: "Niceheartsin tila", area: "01300", day: "2019-11-07", from: "17:30", until: "19:30",
            counts: [.volunteer: 27, .ngo: 7]),
        .init(
            kind: .volunteerMeetup, finnish: "Vapaaehtoisten tapaaminen", english: "Volunteers' meet-up",
            organisers: ["Vantaan vapaaehtoiskeskus"], network: volunteerNetwork, place: "Myyrinki", area: "01600",
            day: "2020-09-24", from: "17:30", until: "19:30", counts: [.volunteer: 19, .ngo: 5]),
        .init(
            kind: .neighbourhoodGetTogether, finnish: "Hakunilan naapurustojuhla",
            english: "Hakunila neighbourhood party",
            organisers: ["Hakunilan kansainvälinen yhdistys", "Monimaa ry"], place: "Hakunilan urheilupuisto",
            area: "01200", day: "2019-08-24", from: "12:00", until: "16:00",
            counts: [.resident: 46, .volunteer: 8, .ngo: 6]),
        .init(
            kind: .neighbourhoodGetTogether, finnish: "Koivukylän naapurustopäivä",
            english: "Koivukylä neighbourhood day",
            organisers: ["Koivukylän äitien kerho", "Vantaan Martat"], place: "Koivukylän leikkipuisto", area: "01360",
            day: "2021-08-28", from: "12:00", until: "15:00", counts: [.resident: 33, .volunteer: 5, .ngo: 4]),
        .init(
            kind: .volunteerMeetup, finnish: "Vapaaehtoisten joulutapaaminen", english: "Volunteers' Christmas meet-up",
            organisers: ["Vantaan vapaaehtoiskeskus"], network: volunteerNetwork, place: "Tikkurilan seurakuntakeskus",
            area: "01300", day: "2026-12-10", from: "17:30", until: "19:30", capacity: 60, registration: true),
        .init(
            kind: .cooperationForum, finnish: "Yhteistyöfoorumi 2027", english: "Cooperation forum 2027",
            organisers: ["Sorasod ry", "Vantaan kaupunki, monikulttuuriset asiat"], network: localGroup,
            place: "Myyrinki", area: "01600", day: "2027-03-18", from: "17:00", until: "20:00", capacity: 80,
            registration: true, cost: 140_000),
        .init(
            kind: .training, finnish: "Koulutus: pakolaisten kohtaaminen", english: "Training: meeting refugees",
            organisers: ["Vantaan vapaaehtoiskeskus"], network: volunteerNetwork, place: "Tikkurilan kirjasto",
            area: "01300", day: "2027-01-20", from: "17:00", until: "20:00", capacity: 25, registration: true),
    ]

    /// Adds the demo events (once), with their attendance.
    func ensureEvents(city: City, organisations: [Organisation]) async throws {
        guard
            try await repositories.events.list(city: city.id, filter: EventFilter(statuses: Set(Event.Status.allCases)))
                .isEmpty
        else { return }
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let networks = try await repositories.networks.list(city: city.id)
        let places = try await repositories.places.list(city: city.id)
        let areas = Dictionary(
            uniqueKeysWithValues: try await repositories.areas.list(city: city.id).map { ($0.code, $0.id) })
        for demo in Self.demoEvents {
            let organisers = demo.organisers.compactMap { name in
                organisations.first { $0.name.text(in: .finnish) == name }?.id
            }
            guard !organisers.isEmpty, let day = CalendarDay(demo.day) else { continue }
            var title = LocalizedText(original: demo.finnish, in: .finnish)
            title.set(demo.english, in: .english, status: .upToDate)
            let event = Event(
                cityID: city.id, kind: demo.kind, title: title, organiserIDs: organisers,
                networkID: demo.network.flatMap { name in networks.first { $0.name.text(in: .finnish) == name }?.id },
                placeID: demo.place.flatMap { name in places.first { $0.name.text(in: .finnish) == name }?.id },
                areaID: areas[demo.area],
                start: Schedule.moment(day, minutes: OpeningHours.minutes(demo.from)!, in: zone)!,
                end: Schedule.moment(day, minutes: OpeningHours.minutes(demo.until)!, in: zone)!,
                capacity: demo.capacity, registration: demo.registration, costCents: demo.cost, createdAt: Date())
            try await repositories.events.save(event)
            if !demo.counts.isEmpty {
                try await repositories.events.recordAttendance(event: event.id, counts: demo.counts, attended: [])
            }
        }
    }
}
