import Domain
import Foundation
import Testing

@Suite("Partner call input")
struct PartnerCallInputTests {
    static let poster = OrganisationID()
    static let partner = OrganisationID()
    static let area = AreaID()
    static let today = CalendarDay("2026-11-22")!

    static func input(
        organisation: OrganisationID = poster, title: String = " Kumppani kielikahvilaan ", needs: String = "Tila",
        areas: String = "01300", deadline: String = "2026-12-31"
    ) -> PartnerCallInput {
        PartnerCallInput(
            organisation: organisation.description, titles: [.finnish: title, .english: ""], needs: [.finnish: needs],
            offers: [.english: "Coffee"], areaCodes: areas, deadline: deadline)
    }

    func validate(_ input: PartnerCallInput) throws(ValidationErrors) -> PartnerCallInput.Valid {
        try input.validate(organisations: [Self.poster], areasByCode: ["01300": Self.area], today: Self.today)
    }

    @Test("a valid call is trimmed, keeps only the languages given, and resolves its areas")
    func valid() throws {
        let valid = try validate(Self.input())
        #expect(valid.organisationID == Self.poster)
        #expect(valid.titles == [.finnish: "Kumppani kielikahvilaan"])
        #expect(valid.areaIDs == [Self.area])
        #expect(valid.deadline == CalendarDay("2026-12-31"))
    }

    @Test(
        "each bad field is reported under its name",
        arguments: [
            (input(organisation: partner), "organisation"),
            (input(title: "  "), "title"),
            (input(title: String(repeating: "a", count: 201)), "title"),
            (input(needs: ""), "needs"),
            (input(areas: "01300 99999"), "areas"),
            (input(deadline: "31.12.2026"), "deadline"),
            (input(deadline: "2026-11-21"), "deadline"),
        ])
    func invalid(input: PartnerCallInput, field: String) {
        #expect(throws: ValidationErrors.self) { try validate(input) }
        do {
            _ = try validate(input)
        } catch {
            #expect(!error.messages(for: field).isEmpty)
        }
    }

    @Test("a deadline today is still fine, and no deadline at all too")
    func deadlineToday() throws {
        #expect(try validate(Self.input(deadline: "2026-11-22")).deadline == Self.today)
        #expect(try validate(Self.input(deadline: "")).deadline == nil)
    }

    @Test(
        "closing needs an outcome; a partner only with 'partner found', never the poster itself",
        arguments: [
            ("partner_found", partner.description, true),
            ("partner_found", "", true),
            ("no_partner", "", true),
            ("no_partner", partner.description, false),
            ("partner_found", poster.description, false),
            ("", "", false),
            ("partner_found", OrganisationID().description, false),
        ])
    func closing(outcome: String, partner: String, valid: Bool) {
        let closing = PartnerCallClosing(outcome: outcome, partner: partner, note: "")
        let result = try? closing.validate(organisations: [Self.poster, Self.partner], poster: Self.poster)
        #expect((result != nil) == valid)
    }

    @Test("a call is current while open and not past its deadline")
    func current() {
        var call = PartnerCall(
            cityID: CityID(), organisationID: Self.poster, title: .init(), needs: .init(),
            deadline: CalendarDay("2026-11-22"), createdAt: Date())
        #expect(call.isCurrent(on: Self.today))
        #expect(!call.isCurrent(on: Self.today.adding(days: 1)))
        call.status = .closed
        #expect(!call.isCurrent(on: Self.today))
    }
}

@Suite("Staleness list")
struct StalenessTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let calendar = Calendar(identifier: .gregorian)

    static func organisation(confirmedDaysAgo: Double?, status: Organisation.Status = .active) -> Organisation {
        Organisation(
            cityID: CityID(), kind: .ngo, name: LocalizedText(original: "X", in: .finnish), status: status,
            lastConfirmedAt: confirmedDaysAgo.map { now - $0 * 86_400 }, createdAt: now)
    }

    @Test("every reason is named, the most troubled entries come first, archived ones are left out")
    func reasons() {
        let fresh = Self.organisation(confirmedDaysAgo: 30)
        let old = Self.organisation(confirmedDaysAgo: 400)
        let never = Self.organisation(confirmedDaysAgo: nil)
        let bounced = Self.organisation(confirmedDaysAgo: 100)
        let archived = Self.organisation(confirmedDaysAgo: nil, status: .archived)
        let all = [fresh, old, never, bounced, archived]
        let request = ConfirmationRequest(
            roundID: .init(), organisationID: bounced.id, recipient: "a@b.example", messageID: .init(),
            status: .bounced)
        let list = Staleness.list(
            organisations: all, withContacts: [fresh.id, old.id, bounced.id, archived.id],
            withAddress: [fresh.id, old.id, bounced.id], latestRequests: [bounced.id: request], now: Self.now,
            calendar: Self.calendar)
        #expect(list.map(\.organisation.id) == [never.id, old.id, bounced.id])
        #expect(list[0].reasons == [.neverConfirmed, .noContactPerson, .noAddress])
        #expect(list[1].reasons == [.notConfirmedThisYear])
        #expect(list[2].reasons == [.bounced])
    }

    @Test("twelve months is counted on the calendar: 364 days ago is current, 367 days ago is not")
    func twelveMonths() {
        let recent = Self.organisation(confirmedDaysAgo: 364)
        let stale = Self.organisation(confirmedDaysAgo: 367)
        let list = Staleness.list(
            organisations: [recent, stale], withContacts: [recent.id, stale.id], withAddress: [recent.id, stale.id],
            latestRequests: [:], now: Self.now, calendar: Self.calendar)
        #expect(list.map(\.organisation.id) == [stale.id])
    }

    @Test("adding days crosses months, leap days and years")
    func addingDays() {
        #expect(CalendarDay("2028-02-28")!.adding(days: 1) == CalendarDay("2028-02-29"))
        #expect(CalendarDay("2026-12-31")!.adding(days: 1) == CalendarDay("2027-01-01"))
        #expect(CalendarDay("2026-11-22")!.adding(days: 60) == CalendarDay("2027-01-21"))
        #expect(CalendarDay("2026-03-01")!.adding(days: -1) == CalendarDay("2026-02-28"))
    }
}
