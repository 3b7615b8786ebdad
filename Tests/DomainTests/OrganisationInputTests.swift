import Domain
import Foundation
import Testing

@Suite("Organisation input")
struct OrganisationInputTests {
    static let city = City(
        slug: "vantaa", name: LocalizedText(original: "Vantaa", in: .finnish), timeZone: "Europe/Helsinki",
        defaultLanguage: .finnish, languages: [.finnish, .swedish, .english, .arabic])
    static let area = AreaID()
    static let existing = Organisation(
        cityID: city.id, kind: .ngo, name: LocalizedText(original: "Nicehearts ry", in: .finnish), createdAt: Date())
    static let context = OrganisationInput.Context(
        city: city, areasByCode: ["01300": area], others: [existing])

    static func input(
        name: String = "Monimaa ry",
        languages: String = "fi, ar",
        areas: String = "01300",
        website: String = "www.monimaa.fi",
        email: String = " Info@Monimaa.fi "
    ) -> OrganisationInput {
        OrganisationInput(
            kind: "migrant_led_ngo", names: [.finnish: " \(name) ", .english: ""],
            descriptions: [.finnish: "Monikulttuurinen yhdistys"], languages: languages, areaCodes: areas,
            website: website, email: email, status: "active")
    }

    @Test("a valid input is normalised: trimmed names, empty translations dropped, full web address")
    func validInput() throws {
        // when
        let valid = try Self.input().validate(in: Self.context)
        // then
        #expect(valid.kind == .migrantLedNGO)
        #expect(valid.names == [.finnish: "Monimaa ry"])
        #expect(valid.languages == [.finnish, .arabic])
        #expect(valid.areaIDs == [Self.area])
        #expect(valid.website == "https://www.monimaa.fi")
        #expect(valid.email == "info@monimaa.fi")
    }

    @Test(
        "each bad field is reported under its name",
        arguments: [
            (input(name: ""), "name", "stakeholders.errors.name.missing"),
            (input(name: "  NICEHEARTS   RY "), "name", "stakeholders.errors.name.duplicate"),
            (input(name: String(repeating: "a", count: 201)), "name", "stakeholders.errors.name.too_long"),
            (input(languages: "fi, finnish"), "languages", "stakeholders.errors.languages.invalid"),
            (input(areas: "01300 99999"), "areas", "stakeholders.errors.areas.unknown"),
            (input(website: "not a web address"), "website", "stakeholders.errors.website.invalid"),
            (input(website: "ftp://example.org"), "website", "stakeholders.errors.website.invalid"),
            (input(website: "https://localhost"), "website", "stakeholders.errors.website.invalid"),
            (input(email: "info@"), "email", "stakeholders.errors.email.invalid"),
        ])
    func badField(input: OrganisationInput, field: String, key: String) {
        #expect(throws: ValidationErrors([field: [key]])) { try input.validate(in: Self.context) }
    }

    @Test("an organisation may keep its own name when edited")
    func ownNameIsNoDuplicate() throws {
        let valid = try Self.input(name: "Nicehearts ry").validate(in: Self.context, id: Self.existing.id)
        #expect(valid.names[.finnish] == "Nicehearts ry")
    }

    @Test("an unknown kind and status are both reported")
    func unknownKindAndStatus() {
        var input = Self.input()
        input.kind = "club"
        input.status = "sleeping"
        #expect(
            throws: ValidationErrors([
                "kind": ["stakeholders.errors.kind.invalid"],
                "status": ["stakeholders.errors.status.invalid"],
            ])
        ) { try input.validate(in: Self.context) }
    }
}

@Suite("Translatable text after an edit")
struct LocalizedTextUpdateTests {
    @Test("a changed original outdates its translations; a new translation is up to date")
    func changedOriginal() {
        // given
        var text = LocalizedText(original: "Kielikahvila", in: .finnish)
        text.set("Language café", in: .english, status: .upToDate)
        // when
        let updated = text.updated(
            with: [
                .finnish: "Kielikahvila Tikkurila", .english: "Language café",
                .swedish: "Språkcafé",
            ], original: .finnish)
        // then
        #expect(updated.translations[.finnish] == .init(text: "Kielikahvila Tikkurila", status: .original))
        #expect(updated.translations[.english]?.status == .outdated)
        #expect(updated.translations[.swedish] == .init(text: "Språkcafé", status: .upToDate))
    }

    @Test("a translation left out is removed, an unchanged one keeps its status")
    func removedTranslation() {
        var text = LocalizedText(original: "Kerho", in: .finnish)
        text.set("Klubb", in: .swedish, status: .upToDate)
        text.set("Club", in: .english, status: .outdated)
        let updated = text.updated(with: [.finnish: "Kerho", .english: "Club"], original: .finnish)
        #expect(updated.languages == [.english, .finnish])
        #expect(updated.translations[.english]?.status == .outdated)
    }

    @Test("new text takes the city's language as original, or the first one given")
    func newText() {
        #expect(
            LocalizedText().updated(with: [.english: "Club", .finnish: "Kerho"], original: .finnish)
                .translations[.finnish]?.status == .original)
        #expect(
            LocalizedText().updated(with: [.english: "Club", .swedish: "Klubb"], original: .finnish)
                .translations[.english]?.status == .original)
    }
}

@Suite("Calendar days")
struct CalendarDayTests {
    @Test("ISO dates are read and written back", arguments: ["2018-01-31", "2024-02-29", "2026-12-01"])
    func roundTrip(text: String) throws {
        #expect(try #require(CalendarDay(text)).description == text)
    }

    @Test(
        "impossible or malformed dates are refused",
        arguments: ["2023-02-29", "2026-13-01", "26-01-01", "2026-1-1", "", "tomorrow"])
    func refused(text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test("days order by calendar")
    func order() {
        #expect(CalendarDay("2019-12-31")! < CalendarDay("2020-01-01")!)
    }
}
