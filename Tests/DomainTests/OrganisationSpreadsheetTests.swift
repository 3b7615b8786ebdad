import Domain
import Foundation
import Testing

@Suite("Organisation spreadsheets")
struct OrganisationSpreadsheetTests {
    static let city = OrganisationInputTests.city
    static let area = OrganisationInputTests.area
    static let existing = OrganisationInputTests.existing
    static let context = OrganisationInputTests.context

    static func plan(_ text: String) throws -> OrganisationSpreadsheet.Plan {
        let table = try CSVTable.parse(text)
        return OrganisationSpreadsheet.plan(
            table, mapping: .init(suggestedFor: table.header), context: context, existing: [existing], now: Date())
    }

    @Test("a clean file with a byte-order mark and semicolons becomes organisations")
    func cleanFile() throws {
        // given
        let text =
            "\u{FEFF}kind;name_fi;name_en;languages;areas;website\r\n"
            + "migrant_led_ngo;Monimaa ry;Many Lands;fi ar;01300;monimaa.fi\r\n"
            + "Migrant-led NGO;\"Sorasod; ry\";;;;\r\n"
        // when
        let plan = try Self.plan(text)
        // then
        #expect(plan.problems == [])
        #expect(plan.created == 2)
        #expect(plan.organisations.map { $0.name.text(in: .finnish) } == ["Monimaa ry", "Sorasod; ry"])
        #expect(plan.organisations[0].areaIDs == [Self.area])
        #expect(plan.organisations[1].kind == .migrantLedNGO)
    }

    @Test("every problem is named by line and column, and nothing is planned")
    func everyProblem() throws {
        let text = """
            kind,name_fi,email,website,areas,last_confirmed
            ngo,Nicehearts ry,info@example.fi,,,
            castle,Linna,,,,
            ngo,Kerho,not-an-email,,,
            ngo,Kerho,,http://,,
            ngo,Alue,,,99999,yesterday
            ngo,Lyhyt rivi
            """
        let plan = try Self.plan(text)
        let found = plan.problems.map { "\($0.line) \($0.column ?? "-") \($0.key)" }
        #expect(
            found == [
                "2 name_fi stakeholders.errors.name.duplicate",
                "3 kind stakeholders.errors.kind.invalid",
                "4 email stakeholders.errors.email.invalid",
                "5 name_fi stakeholders.errors.name.duplicate",
                "5 website stakeholders.errors.website.invalid",
                "6 last_confirmed stakeholders.import.bad_date",
                "6 areas stakeholders.errors.areas.unknown",
                "7 - stakeholders.import.column_count",
            ])
        #expect(plan.problems.first { $0.line == 3 }?.value == "castle")
        #expect(plan.organisations.isEmpty)
        #expect(plan.created == 0)
    }

    @Test("a file without a kind or a name column is refused as a whole")
    func missingColumns() throws {
        let plan = try Self.plan("nimi,www\nKerho,kerho.fi\n")
        #expect(
            plan.problems.map(\.key) == ["stakeholders.import.missing_column", "stakeholders.import.missing_column"])
        #expect(plan.problems.map(\.column) == ["kind", "name_fi"])
    }

    @Test("a chosen mapping reads columns with any header")
    func chosenMapping() throws {
        let table = try CSVTable.parse("Nimi,Tyyppi,Sivut\nKerho,ngo,kerho.fi\n")
        let mapping = OrganisationSpreadsheet.Mapping(columns: [0: .name(.finnish), 1: .kind, 2: .website])
        let plan = OrganisationSpreadsheet.plan(
            table, mapping: mapping, context: Self.context, existing: [Self.existing], now: Date())
        #expect(plan.problems == [])
        #expect(plan.organisations.first?.website == "https://kerho.fi")
    }

    @Test("a row with a known id updates that organisation and may keep its name")
    func updatesByID() throws {
        let plan = try Self.plan("id,kind,name_fi,status\n\(Self.existing.id),ngo,Nicehearts ry,inactive\n")
        #expect(plan.problems == [])
        #expect(plan.updated == 1)
        #expect(plan.organisations.first?.id == Self.existing.id)
        #expect(plan.organisations.first?.status == .inactive)
    }

    @Test("the export quotes what needs quoting and reads back the same")
    func exportReadsBack() throws {
        var organisation = Organisation(
            cityID: Self.city.id, kind: .religiousCommunity,
            name: LocalizedText(original: "Seurakunta, \"Tikkurila\"", in: .finnish),
            description: LocalizedText(original: "Rivi 1\nRivi 2", in: .finnish), languages: [.finnish, .swedish],
            areaIDs: [Self.area], website: "https://example.fi", email: "a@example.fi", status: .inactive,
            lastConfirmedAt: Date(timeIntervalSince1970: 1_700_000_000), createdAt: Date())
        organisation.name.set("Församling", in: .swedish, status: .upToDate)
        let text = OrganisationSpreadsheet.export(
            [organisation], languages: Self.city.languages, areaCodes: [Self.area: "01300"])
        let table = try CSVTable.parse(text)
        let context = OrganisationInput.Context(city: Self.city, areasByCode: ["01300": Self.area], others: [])
        let plan = OrganisationSpreadsheet.plan(
            table, mapping: .init(suggestedFor: table.header), context: context, existing: [], now: Date())
        #expect(plan.problems == [])
        let read = try #require(plan.organisations.first)
        #expect(read.name == organisation.name)
        #expect(read.description == organisation.description)
        #expect(read.languages == organisation.languages)
        #expect(read.areaIDs == organisation.areaIDs)
        #expect(read.status == .inactive)
        #expect(read.lastConfirmedAt == organisation.lastConfirmedAt)
        #expect(
            OrganisationSpreadsheet.export([read], languages: Self.city.languages, areaCodes: [Self.area: "01300"])
                .split(separator: "\r\n").dropFirst().first?.split(separator: ",").dropFirst().joined()
                == text.split(separator: "\r\n").dropFirst().first?.split(separator: ",").dropFirst().joined())
    }

    @Test("names that look like formulas go out with an apostrophe and read back as they were")
    func formulaNamesRoundTrip() throws {
        // given
        var organisation = Organisation(
            cityID: Self.city.id, kind: .ngo, name: LocalizedText(original: "=SUM(A1)", in: .finnish),
            description: LocalizedText(original: "-x", in: .finnish), website: "https://example.fi",
            createdAt: Date())
        organisation.name.set("@Förening", in: .swedish, status: .upToDate)
        // when
        let text = OrganisationSpreadsheet.export([organisation], languages: Self.city.languages, areaCodes: [:])
        let table = try CSVTable.parse(text)
        let context = OrganisationInput.Context(city: Self.city, areasByCode: [:], others: [])
        let plan = OrganisationSpreadsheet.plan(
            table, mapping: .init(suggestedFor: table.header), context: context, existing: [], now: Date())
        // then
        let row = try #require(table.rows.first?.fields)
        #expect(row.contains("'=SUM(A1)") && row.contains("'-x") && row.contains("'@Förening"))
        #expect(!row.contains { $0.hasPrefix("=") || $0.hasPrefix("-") || $0.hasPrefix("@") })
        #expect(plan.problems == [])
        let read = try #require(plan.organisations.first)
        #expect(read.name == organisation.name)
        #expect(read.description == organisation.description)
    }
}
