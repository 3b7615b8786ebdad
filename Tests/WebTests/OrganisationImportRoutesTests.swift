import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Organisation spreadsheet import and export")
struct OrganisationImportRoutesTests {
    static let goodFile = Array(
        "\u{FEFF}kind;name_fi;name_en;languages;areas\r\nschool;Länsimäen koulu;Länsimäki school;fi sv;01200\r\n"
            .utf8)

    @Test("a coordinator uploads a file, sees the dry run, then imports it")
    func coordinatorImports() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            #expect(try await browser.get("/vantaa/organisations/import").status == .ok)
            let review = try await browser.upload(
                "/vantaa/organisations/import?lang=en", file: "file", filename: "schools.csv", data: Self.goodFile)
            #expect(review.status == .ok)
            #expect(review.body.contains("Ready to import: 1 new and 0 updated organisations."))
            #expect(
                try await app.repositories.organisations.list(city: app.vantaa.id).count
                    == TestApp.demoOrganisationCount)
            let csv = String(decoding: Self.goodFile, as: UTF8.self)
            let done = try await browser.post(
                "/vantaa/organisations/import/commit",
                [
                    ("csv", csv), ("column_0", "kind"), ("column_1", "name_fi"), ("column_2", "name_en"),
                    ("column_3", "languages"), ("column_4", "areas"),
                ])
            #expect(done.status == .seeOther)
            let all = try await app.repositories.organisations.list(city: app.vantaa.id)
            let school = try #require(all.first { $0.name.text(in: .finnish) == "Länsimäen koulu" })
            #expect(school.kind == .school)
            #expect(school.languages == [.finnish, .swedish])
        }
    }

    @Test("the mapping step lets a file with unknown headers be read")
    func mappingStep() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            let csv = "Nimi,Tyyppi\nKorson kerho,informal_group\n"
            let review = try await browser.upload(
                "/vantaa/organisations/import?lang=en", file: "file", filename: "x.csv", data: Array(csv.utf8))
            #expect(review.status == .unprocessableContent)
            #expect(review.body.contains("This column is required but no column of the file is mapped to it."))
            let checked = try await browser.post(
                "/vantaa/organisations/import/check?lang=en",
                [("csv", csv), ("column_0", "name_fi"), ("column_1", "kind")])
            #expect(checked.status == .ok)
            #expect(checked.body.contains("Ready to import: 1 new and 0 updated organisations."))
            #expect(
                try await app.repositories.organisations.list(city: app.vantaa.id).count
                    == TestApp.demoOrganisationCount)
        }
    }

    @Test("a file with problems lists each by line and column and nothing is written")
    func problemsWriteNothing() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            let csv = "kind,name_fi,email\nngo,Uusi,uusi@example.fi\nngo,Nicehearts ry,\nclub,Kolmas,bad@\n"
            let page = try await browser.post(
                "/vantaa/organisations/import/commit?lang=en",
                [("csv", csv), ("column_0", "kind"), ("column_1", "name_fi"), ("column_2", "email")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("3 problems found."))
            #expect(
                page.body.contains(
                    "<td>3</td><td>name_fi</td><td>Another organisation in this city already has this name.</td>"))
            #expect(page.body.contains("<td>4</td><td>email</td>"))
            #expect(
                try await app.repositories.organisations.list(city: app.vantaa.id).count
                    == TestApp.demoOrganisationCount)
        }
    }

    @Test("a file that is not UTF-8 is named as such")
    func wrongEncoding() async throws {
        try await TestApp.run { _, browser in
            try await browser.signIn(.coordinator)
            let latin1: [UInt8] = Array("kind,name_fi\nngo,".utf8) + [0x4B, 0xE4, 0x70, 0x79, 0x6C, 0xE4] + [10]
            let page = try await browser.upload(
                "/vantaa/organisations/import?lang=en", file: "file", filename: "latin1.csv", data: latin1)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("The file is not UTF-8 text."))
        }
    }

    @Test("export then import changes nothing: every row updates its own organisation")
    func exportImportIsLossless() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            let export = try await browser.get("/vantaa/organisations/export.csv")
            #expect(export.status == .ok)
            #expect(export.headers[.contentType] == "text/csv; charset=utf-8")
            let before = try await app.repositories.organisations.list(city: app.vantaa.id)
            let review = try await browser.upload(
                "/vantaa/organisations/import?lang=en", file: "file", filename: "export.csv",
                data: Array(export.body.utf8))
            #expect(
                review.body.contains(
                    "Ready to import: 0 new and \(TestApp.demoOrganisationCount) updated organisations."))
            let check = try await app.services.organisationUseCases.importSpreadsheet(
                actor: .commandLine(), city: app.vantaa, data: Data(export.body.utf8))
            #expect(check.plan.problems == [])
            #expect(try await app.repositories.organisations.list(city: app.vantaa.id) == before)
            #expect(try await browser.get("/vantaa/organisations/export.csv").body == export.body)
        }
    }

    @Test("only coordinators import and export", arguments: [RoleKind.organisationEditor, .volunteer, .resident])
    func othersAreRefused(role: RoleKind) async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(role)
            #expect(try await browser.get("/vantaa/organisations/export.csv").status == .forbidden)
            #expect(try await browser.get("/vantaa/organisations/import").status == .forbidden)
            let page = try await browser.upload(
                "/vantaa/organisations/import", file: "file", filename: "x.csv", data: Self.goodFile)
            #expect(page.status == .forbidden)
            let commit = try await browser.post(
                "/vantaa/organisations/import/commit", [("csv", String(decoding: Self.goodFile, as: UTF8.self))])
            #expect(commit.status == .forbidden)
            #expect(
                try await app.repositories.organisations.list(city: app.vantaa.id).count
                    == TestApp.demoOrganisationCount)
        }
    }

    @Test("a coordinator's export writes names that look like formulas with an apostrophe, and imports them back")
    func coordinatorExportsFormulaNamesNeutralised() async throws {
        try await TestApp.run { app, browser in
            // given
            var nicehearts = try await app.rename(organisation: "Nicehearts ry", to: "=SUM(A1)")
            nicehearts.description = LocalizedText(original: "-x", in: .finnish)
            try await app.repositories.organisations.update(nicehearts)
            try await app.rename(organisation: "Vantaan työllisyyspalvelut", to: TestApp.formula)
            try await browser.signIn(.coordinator)
            let before = try await app.repositories.organisations.list(city: app.vantaa.id)
            // when
            let export = try await browser.get("/vantaa/organisations/export.csv")
            // then
            #expect(export.status == .ok)
            #expect(export.body.contains(",'=SUM(A1),") && export.body.contains(",'-x,"))
            #expect(export.body.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","))
            #expect(!export.body.contains(",=") && !export.body.contains(",\"=") && !export.body.contains(",-x,"))
            // when the file is imported back
            let review = try await browser.upload(
                "/vantaa/organisations/import?lang=en", file: "file", filename: "export.csv",
                data: Array(export.body.utf8))
            let check = try await app.services.organisationUseCases.importSpreadsheet(
                actor: .commandLine(), city: app.vantaa, data: Data(export.body.utf8))
            // then nothing changes
            #expect(
                review.body.contains(
                    "Ready to import: 0 new and \(TestApp.demoOrganisationCount) updated organisations."))
            #expect(check.plan.problems == [])
            #expect(try await app.repositories.organisations.list(city: app.vantaa.id) == before)
            #expect(try await browser.get("/vantaa/organisations/export.csv").body == export.body)
        }
    }

    @Test("a coordinator uploads a file named only by filename* (RFC 5987) and sees the dry run")
    func coordinatorUploadsFileNamedByExtendedFilename() async throws {
        try await TestApp.run { _, browser in
            // given
            try await browser.signIn(.coordinator)
            // when
            let review = try await browser.upload(
                "/vantaa/organisations/import?lang=en", file: "file", filename: "", data: Self.goodFile,
                disposition: "form-data; name=\"file\"; filename*=UTF-8''koulut%20%E2%80%93%20Ty%C3%B6t.csv")
            // then
            #expect(review.status == .ok)
            #expect(review.body.contains("Ready to import: 1 new and 0 updated organisations."))
        }
    }
}
