import Domain
import Foundation
import Testing

@Suite("Opening hours and bookings")
struct OpeningHoursTests {
    static let helsinki = TimeZone(identifier: "Europe/Helsinki")!

    static func at(_ day: String, _ clock: String) -> Date {
        BookingInput.moment(CalendarDay(day)!, minutes: OpeningHoursTests.minutes(clock), in: helsinki)!
    }

    static func minutes(_ clock: String) -> Int {
        let parts = clock.split(separator: ":").map { Int($0)! }
        return parts[0] * 60 + parts[1]
    }

    @Test("the written form is read and written back, days with equal hours joined")
    func roundTrip() throws {
        let hours = try OpeningHours.parse(
            weekly: "mo-we 09:00-17:00; Th 09:00-12:00,13:00-20:00\nFr 09:00-17:00; su 12:00-24:00",
            exceptions: "2026-12-24 closed; 2026-12-31 10:00-14:00", appointmentOnly: false)
        #expect(hours.weekly[1] == [.init(start: 540, end: 1020)])
        #expect(hours.weekly[4]?.count == 2)
        #expect(hours.weekly[6] == nil)
        #expect(hours.weeklyText == "Mo-We 09:00-17:00; Th 09:00-12:00,13:00-20:00; Fr 09:00-17:00; Su 12:00-24:00")
        #expect(hours.exceptionsText == "2026-12-24 closed; 2026-12-31 10:00-14:00")
        let again = try OpeningHours.parse(
            weekly: hours.weeklyText, exceptions: hours.exceptionsText, appointmentOnly: false)
        #expect(again == hours)
        let stored = try JSONDecoder().decode(OpeningHours.self, from: JSONEncoder().encode(hours))
        #expect(stored == hours)
        // An example copied from a right-to-left page brings its direction marks along.
        let copied = try OpeningHours.parse(
            weekly: "\u{2066}Mo-We 09:00-17:00\u{2069}", exceptions: "\u{2066}2026-12-24 closed\u{2069}",
            appointmentOnly: false)
        #expect(copied.weekly[2] == hours.weekly[2] && copied.exceptions == [CalendarDay("2026-12-24")!: []])
    }

    @Test(
        "bad hours are reported under their field",
        arguments: [
            ("Mo 9-17", "", "hours"), ("Xx 09:00-17:00", "", "hours"), ("Mo 17:00-09:00", "", "hours"),
            ("Fr-Mo 09:00-10:00", "", "hours"), ("Mo 09:00-25:00", "", "hours"),
            ("", "24.12.2026 closed", "exceptions"),
            ("", "2026-12-24 maybe", "exceptions"),
        ])
    func invalid(weekly: String, exceptions: String, field: String) {
        do {
            _ = try OpeningHours.parse(weekly: weekly, exceptions: exceptions, appointmentOnly: false)
            Issue.record("accepted \(weekly) / \(exceptions)")
        } catch {
            #expect(!error.messages(for: field).isEmpty)
        }
    }

    @Test("a booking fits only inside the hours of its day, exceptions first, in the city's time zone")
    func covers() throws {
        let hours = try OpeningHours.parse(
            weekly: "Mo-Fr 09:00-17:00; Sa 22:00-24:00; Su 00:00-02:00", exceptions: "2026-12-24 closed",
            appointmentOnly: false)
        // 2026-12-01 is a Tuesday.
        #expect(
            hours.covers(
                start: Self.at("2026-12-01", "09:00"), end: Self.at("2026-12-01", "17:00"), timeZone: Self.helsinki))
        #expect(
            !hours.covers(
                start: Self.at("2026-12-01", "16:00"), end: Self.at("2026-12-01", "17:30"), timeZone: Self.helsinki))
        #expect(
            !hours.covers(
                start: Self.at("2026-12-24", "10:00"), end: Self.at("2026-12-24", "11:00"), timeZone: Self.helsinki))
        #expect(
            !hours.covers(
                start: Self.at("2026-12-05", "10:00"), end: Self.at("2026-12-05", "11:00"), timeZone: Self.helsinki))
        // Saturday night into Sunday morning, through midnight.
        #expect(
            hours.covers(
                start: Self.at("2026-12-05", "23:00"), end: Self.at("2026-12-06", "01:00"), timeZone: Self.helsinki))
        // The same clock times are read in Helsinki time: 09:00 in Helsinki is 07:00 UTC in winter.
        #expect(
            !hours.covers(
                start: Self.at("2026-12-01", "08:30"), end: Self.at("2026-12-01", "10:00"), timeZone: Self.helsinki))
        let summer = BookingInput.moment(CalendarDay("2026-07-01")!, minutes: 9 * 60, in: Self.helsinki)!
        #expect(summer == Date(timeIntervalSince1970: 1_782_885_600))
    }

    @Test(
        "a booking time is the clock on that day, also on the days the clocks change; 24:00 is the next midnight",
        arguments: [
            // The last Sunday of March: Helsinki moves from UTC+2 to UTC+3 at 03:00.
            ("2027-03-28", 14 * 60 + 30, "2027-03-28T11:30:00Z"),
            ("2027-03-27", 14 * 60 + 30, "2027-03-27T12:30:00Z"),
            // The last Sunday of October: back to UTC+2.
            ("2026-10-25", 18 * 60, "2026-10-25T16:00:00Z"),
            ("2026-10-31", 24 * 60, "2026-10-31T22:00:00Z"),
        ])
    func clockTimes(day: String, minutes: Int, utc: String) throws {
        let moment = BookingInput.moment(CalendarDay(day)!, minutes: minutes, in: Self.helsinki)
        #expect(moment == ISO8601DateFormatter().date(from: utc))
    }

    @Test("appointment-only places and places with unknown hours take any booking")
    func appointmentOnly() {
        let start = Self.at("2026-12-06", "03:00")
        #expect(OpeningHours(appointmentOnly: true).covers(start: start, end: start + 3600, timeZone: Self.helsinki))
        #expect(OpeningHours().covers(start: start, end: start + 3600, timeZone: Self.helsinki))
        #expect(!OpeningHours().covers(start: start, end: start, timeZone: Self.helsinki))
    }

    static let place = Place(
        cityID: CityID(), kind: .communityCentre, name: LocalizedText(original: "Asukastila", in: .finnish),
        hours: try! OpeningHours.parse(weekly: "Mo-Fr 09:00-20:00", exceptions: "", appointmentOnly: false),
        bookable: true, createdAt: Date())
    static let booker = OrganisationID()

    @Test(
        "a booking request names every problem",
        arguments: [
            (
                BookingInput(
                    organisation: booker.description, day: "2026-12-01", from: "18:00", until: "17:00", purpose: "x"),
                "until"
            ),
            (
                BookingInput(
                    organisation: booker.description, day: "2026-12-01", from: "19:00", until: "21:00", purpose: "x"),
                "from"
            ),
            (
                BookingInput(
                    organisation: booker.description, day: "2026-11-02", from: "18:00", until: "19:00", purpose: "x"),
                "day"
            ),
            (
                BookingInput(
                    organisation: OrganisationID().description, day: "2026-12-01", from: "18:00", until: "19:00",
                    purpose: "x"), "organisation"
            ),
            (
                BookingInput(
                    organisation: booker.description, day: "1.12.2026", from: "18:00", until: "19:00", purpose: "x"),
                "day"
            ),
            (
                BookingInput(
                    organisation: booker.description, day: "2026-12-01", from: "6pm", until: "19:00", purpose: "x"),
                "from"
            ),
            (
                BookingInput(
                    organisation: booker.description, day: "2026-12-01", from: "18:00", until: "19:00", purpose: " "),
                "purpose"
            ),
        ])
    func invalidBooking(input: BookingInput, field: String) {
        do {
            _ = try input.validate(
                place: Self.place, organisations: [Self.booker], timeZone: Self.helsinki,
                now: Self.at("2026-11-22", "12:00"))
            Issue.record("accepted \(input)")
        } catch {
            #expect(!error.messages(for: field).isEmpty)
        }
    }

    @Test("a valid request becomes a period in the city's time zone")
    func validBooking() throws {
        let valid = try BookingInput(
            organisation: Self.booker.description, day: "2026-12-01", from: "18:00", until: "19:30",
            purpose: " Kielikahvila "
        ).validate(
            place: Self.place, organisations: [Self.booker], timeZone: Self.helsinki,
            now: Self.at("2026-11-22", "12:00"))
        #expect(valid.start == Self.at("2026-12-01", "18:00"))
        #expect(valid.end.timeIntervalSince(valid.start) == 5400)
        #expect(valid.purpose == "Kielikahvila")
    }

    @Test("monthly use counts confirmed bookings and their hours in the month they start")
    func usage() {
        func booking(_ day: String, hours: Double, status: Booking.Status = .confirmed) -> Booking {
            let start = Self.at(day, "18:00")
            return Booking(
                placeID: Self.place.id, organisationID: Self.booker, start: start, end: start + hours * 3600,
                purpose: "x", status: status, requestedBy: nil, createdAt: start)
        }
        let months = PlaceUsage.monthly(
            [
                booking("2026-01-05", hours: 2), booking("2026-01-12", hours: 1.5), booking("2026-03-01", hours: 2),
                booking("2026-03-02", hours: 2, status: .requested), booking("2025-12-31", hours: 2),
            ], year: 2026, timeZone: Self.helsinki)
        #expect(months.count == 12)
        #expect(months[0].bookings == 2 && months[0].hours == 3.5)
        #expect(months[1].bookings == 0)
        #expect(months[2].bookings == 1)
    }
}
