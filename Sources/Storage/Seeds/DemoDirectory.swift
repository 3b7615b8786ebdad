import Domain
import Foundation

/// Demo places of encounter across Vantaa, of the kinds the action plan names, with some bookings so the monthly
/// use has something to show. Names are illustrative; coordinates are near the named districts.
extension DemoSeed {
    struct DemoPlace {
        var kind: Place.Kind
        var finnish: String
        var english: String
        var owner: String?
        var area: String
        var address: String
        var coordinates: (Double, Double)
        var capacity: Int?
        var accessibility: [Place.Accessibility]
        var hours: String
        var bookable: Bool
    }

    static let demoPlaces: [DemoPlace] = [
        .init(
            kind: .communityCentre, finnish: "Hakunilan asukastila", english: "Hakunila residents' room",
            owner: "Hakunilan kansainvälinen yhdistys", area: "01200", address: "Hakunilantie 48",
            coordinates: (60.2776, 25.1093), capacity: 60, accessibility: [.stepFree, .accessibleToilet],
            hours: "Mo-Fr 09:00-20:00; Sa 10:00-16:00", bookable: true),
        .init(
            kind: .library, finnish: "Tikkurilan kirjasto", english: "Tikkurila library", owner: nil, area: "01300",
            address: "Lummetie 4", coordinates: (60.2925, 25.0405), capacity: 40,
            accessibility: [.stepFree, .accessibleToilet, .hearingLoop, .babyChanging],
            hours: "Mo-Th 09:00-20:00; Fr 09:00-18:00; Sa 10:00-16:00", bookable: true),
        .init(
            kind: .library, finnish: "Myyrmäen kirjasto", english: "Myyrmäki library", owner: nil, area: "01600",
            address: "Paalutori 3", coordinates: (60.2612, 24.8546), capacity: nil,
            accessibility: [.stepFree, .hearingLoop], hours: "Mo-Th 09:00-20:00; Fr 09:00-18:00; Sa 10:00-16:00",
            bookable: false),
        .init(
            kind: .parishHall, finnish: "Tikkurilan seurakuntakeskus", english: "Tikkurila parish centre",
            owner: "Tikkurilan seurakunta", area: "01300", address: "Unikkotie 5", coordinates: (60.2931, 25.0372),
            capacity: 120, accessibility: [.stepFree, .accessibleToilet, .quietRoom, .babyChanging],
            hours: "Mo-Fr 10:00-21:00; Su 12:00-18:00", bookable: true),
        .init(
            kind: .ngoPremises, finnish: "Niceheartsin tila", english: "Nicehearts premises", owner: "Nicehearts ry",
            area: "01300", address: "Kielotie 20", coordinates: (60.2917, 25.0444), capacity: 30,
            accessibility: [.stepFree], hours: "Mo-Fr 12:00-20:00", bookable: true),
        .init(
            kind: .school, finnish: "Hakunilan koulun liikuntasali", english: "Hakunila school gym",
            owner: "Hakunilan koulu", area: "01200", address: "Kannuskuja 4", coordinates: (60.2765, 25.1121),
            capacity: 80, accessibility: [.stepFree, .accessibleToilet], hours: "Mo-Fr 17:00-21:00; Sa 09:00-15:00",
            bookable: true),
        .init(
            kind: .sportsVenue, finnish: "Korson urheilukenttä", english: "Korso sports field",
            owner: "Korson Urheiluseura", area: "01450", address: "Urheilutie 2", coordinates: (60.3505, 25.0861),
            capacity: 200, accessibility: [.accessibleParking], hours: "Mo-Su 07:00-22:00", bookable: true),
        .init(
            kind: .park, finnish: "Hakunilan urheilupuisto", english: "Hakunila sports park", owner: nil,
            area: "01200", address: "Hakunilantie 50", coordinates: (60.2787, 25.1150), capacity: nil,
            accessibility: [.stepFree, .accessibleParking], hours: "Mo-Su 00:00-24:00", bookable: false),
        .init(
            kind: .playground, finnish: "Koivukylän leikkipuisto", english: "Koivukylä playground", owner: nil,
            area: "01360", address: "Karhunkierros 3", coordinates: (60.3235, 25.0607), capacity: nil,
            accessibility: [.babyChanging], hours: "Mo-Fr 09:00-16:00", bookable: false),
        .init(
            kind: .communityCentre, finnish: "Myyrinki", english: "Myyrinki meeting centre", owner: nil, area: "01600",
            address: "Myyrmäentie 2", coordinates: (60.2620, 24.8550), capacity: 150,
            accessibility: [.stepFree, .accessibleToilet, .hearingLoop],
            hours: "Mo-Fr 08:00-21:00; Sa 10:00-15:00", bookable: true),
    ]

    /// Adds the demo places (once) and a season of bookings at three of them.
    func ensureDirectory(city: City, organisations: [Organisation]) async throws {
        guard try await repositories.places.list(city: city.id).isEmpty else { return }
        let areas = try await repositories.areas.list(city: city.id)
        let areaIDs = Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0.id) })
        func organisation(_ finnish: String) -> OrganisationID? {
            organisations.first { $0.name.text(in: .finnish) == finnish }?.id
        }
        var stored: [Place] = []
        for demo in Self.demoPlaces {
            var name = LocalizedText(original: demo.finnish, in: .finnish)
            name.set(demo.english, in: .english, status: .upToDate)
            let place = Place(
                cityID: city.id, kind: demo.kind, name: name, ownerID: demo.owner.flatMap(organisation),
                address: demo.address + ", Vantaa", areaID: areaIDs[demo.area], latitude: demo.coordinates.0,
                longitude: demo.coordinates.1, capacity: demo.capacity, accessibility: demo.accessibility,
                hours: try OpeningHours.parse(weekly: demo.hours, exceptions: "", appointmentOnly: false),
                bookable: demo.bookable, createdAt: Date())
            try await repositories.places.save(place)
            stored.append(place)
        }
        try await seedBookings(city: city, places: stored, organisation: organisation)
    }

    /// Weekly language cafés and monthly meetings over the last three months and the next month.
    private func seedBookings(
        city: City, places: [Place], organisation: (String) -> OrganisationID?
    ) async throws {
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let today = CalendarDay(Date(), in: zone)
        let plans: [(place: String, booker: String, weekday: Int, from: Int, until: Int, every: Int, purpose: String)] =
            [
                ("Hakunilan asukastila", "Monimaa ry", 2, 17 * 60, 19 * 60, 7, "Kielikahvila"),
                (
                    "Tikkurilan seurakuntakeskus", "Vantaan Järjestörinki", 4, 18 * 60, 20 * 60, 28,
                    "Verkoston tapaaminen"
                ),
                (
                    "Hakunilan koulun liikuntasali", "Somalinuorten tuki ry", 3, 18 * 60, 20 * 60, 7,
                    "Nuorten liikuntavuoro"
                ),
            ]
        for plan in plans {
            guard let place = places.first(where: { $0.name.text(in: .finnish) == plan.place }),
                let booker = organisation(plan.booker)
            else { continue }
            var day = today.adding(days: -91)
            while day.isoWeekday != plan.weekday { day = day.adding(days: 1) }
            while day < today.adding(days: 30) {
                guard let start = BookingInput.moment(day, minutes: plan.from, in: zone),
                    let end = BookingInput.moment(day, minutes: plan.until, in: zone)
                else { break }
                let booking = Booking(
                    placeID: place.id, organisationID: booker, start: start, end: end, purpose: plan.purpose,
                    requestedBy: nil, createdAt: Date())
                try await repositories.bookings.create(booking)
                _ = try await repositories.bookings.confirm(booking.id, at: Date())
                day = day.adding(days: plan.every)
            }
        }
        // One request waiting for the owner's answer.
        let day = today.adding(days: 10)
        if let place = places.first(where: { $0.name.text(in: .finnish) == "Niceheartsin tila" }),
            let booker = organisation("Sorasod ry"), let start = BookingInput.moment(day, minutes: 17 * 60, in: zone),
            let end = BookingInput.moment(day, minutes: 19 * 60, in: zone)
        {
            try await repositories.bookings.create(
                Booking(
                    placeID: place.id, organisationID: booker, start: start, end: end, purpose: "Naisten ryhmä",
                    requestedBy: nil, createdAt: Date()))
        }
    }
}
