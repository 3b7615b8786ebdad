import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("HSDS 3.0 services")
struct HSDSServicesTests {
    static func json(_ page: Browser.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    @Test("every demo activity as a full HSDS service validates against the published service schema")
    func fullServices() async throws {
        try await TestApp.run { app, browser in
            let schema = try HSDSSchema.load("service")
            let all = ActivityQuery(city: app.vantaa.id, readerLanguage: .finnish)
            for activity in try await app.repositories.activities.search(all, offset: 0, limit: 100) {
                let page = try await browser.get("/api/v1/cities/vantaa/hsds/services/\(activity.id)?lang=en")
                #expect(page.status == .ok)
                let value = try Self.json(page)
                #expect(HSDSSchema.problems(value, against: schema) == [], "\(activity.title.text(in: .finnish))")
            }
        }
    }

    @Test("a weekly café keeps its rule, time zone offset, languages and place")
    func weeklyCafe() async throws {
        try await TestApp.run { app, browser in
            let cafe = try await ActivitiesRoutesTests.activity(app, finnishTitle: "Kielikahvila Tikkurilassa")
            let value = try Self.json(try await browser.get("/api/v1/cities/vantaa/hsds/services/\(cafe.id)?lang=fi"))
            let schedule = try #require((value["schedules"] as? [[String: Any]])?.first)
            #expect(schedule["freq"] as? String == "WEEKLY" && schedule["byday"] as? String == "TU")
            #expect(schedule["dtstart"] as? String == "2026-01-13")
            #expect(schedule["opens_at"] as? String == "17:30" && schedule["closes_at"] as? String == "19:00")
            #expect(schedule["timezone"] as? Double == 2)
            let codes = (value["languages"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(codes == ["fi", "ar", "en"])
            let location = (value["service_at_locations"] as? [[String: Any]])?.first?["location"] as? [String: Any]
            #expect(location?["name"] as? String == "Niceheartsin tila")
            #expect((value["organization"] as? [String: Any])?["name"] as? String == "Nicehearts ry")
        }
    }

    @Test("the list is paged the HSDS way and its items validate against the list schema")
    func pagedList() async throws {
        try await TestApp.run { _, browser in
            let first = try Self.json(try await browser.get("/api/v1/cities/vantaa/hsds/services?per_page=5"))
            #expect(first["page_number"] as? Int == 1 && first["size"] as? Int == 5)
            #expect(first["first_page"] as? Bool == true && first["last_page"] as? Bool == false)
            let total = try #require(first["total_items"] as? Int)
            #expect(first["total_pages"] as? Int == (total + 4) / 5)
            let schema = try HSDSSchema.load("service_list")
            for item in first["contents"] as? [Any] ?? [] {
                #expect(HSDSSchema.problems(item, against: schema) == [])
            }
            #expect(try await browser.get("/api/v1/cities/vantaa/hsds/services?page=0").status == .unprocessableContent)
        }
    }

    @Test("the schema check tells JSON booleans from the numbers 0 and 1")
    func booleansAreNotNumbers() throws {
        let values = try #require(try JSONSerialization.jsonObject(with: Data("[0, 1, true, 2.5]".utf8)) as? [Any])
        #expect(values.map { HSDSSchema.matches($0, type: "number") } == [true, true, false, true])
        #expect(values.map { HSDSSchema.matches($0, type: "boolean") } == [false, false, true, false])
        #expect(values.map { HSDSSchema.matches($0, type: "integer") } == [true, true, false, false])
    }

    @Test("CRC-32 gives the standard check value")
    func crc() {
        #expect(ZipArchive.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
    }

    /// The stored entries of a ZIP, read back through its central directory.
    static func entries(_ zip: Data) throws -> [String: Data] {
        let bytes = [UInt8](zip)
        func le16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func le32(_ at: Int) -> Int { le16(at) | le16(at + 2) << 16 }
        let end = bytes.count - 22
        try #require(end >= 0 && le32(end) == 0x0605_4b50, "no ZIP end record in \(bytes.count) bytes")
        var cursor = le32(end + 16)
        var result: [String: Data] = [:]
        for _ in 0..<le16(end + 10) {
            #expect(le32(cursor) == 0x0201_4b50)
            let size = le32(cursor + 20)
            let nameLength = le16(cursor + 28)
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            let local = le32(cursor + 42)
            let start = local + 30 + le16(local + 26)
            let contents = Data(bytes[start..<(start + size)])
            #expect(ZipArchive.crc32(contents) == UInt32(le32(cursor + 16)), "\(name)")
            result[name] = contents
            cursor += 46 + nameLength
        }
        return result
    }

    @Test("the tabular package holds every core table with the official columns and one row per service")
    func tabularPackage() async throws {
        try await TestApp.run { app, browser in
            let page = try await browser.get("/api/v1/cities/vantaa/hsds/tabular.zip")
            try #require(page.status == .ok, "\(page.status): \(page.body.prefix(300))")
            #expect(page.headers[.contentType] == "application/zip")
            let entries = try Self.entries(page.bytes)
            #expect(Set(entries.keys) == Set(HSDSTabular.headers.map(\.file) + ["datapackage.json"]))
            let services = String(decoding: try #require(entries["services.csv"]), as: UTF8.self)
            let lines = services.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == HSDSTabular.headers[1].columns.joined(separator: ","))
            let published = try await app.repositories.activities.count(
                ActivityQuery(city: app.vantaa.id, readerLanguage: .finnish))
            #expect(lines.count == published + 1)
            let description = try #require(entries["datapackage.json"])
            let package = try #require(try JSONSerialization.jsonObject(with: description) as? [String: Any])
            #expect((package["resources"] as? [Any])?.count == HSDSTabular.headers.count)
        }
    }

    @Test("every CSV of the tabular package writes a text that looks like a formula with an apostrophe")
    func tabularPackageNeutralisesFormulas() async throws {
        try await TestApp.run { app, browser in
            // given
            try await app.rename(organisation: "Nicehearts ry", to: TestApp.formula)
            var activity = try await ReferralsRoutesTests.cafe(app)
            activity.title = LocalizedText(original: "=SUM(A1)", in: .finnish)
            activity.description = LocalizedText(original: "-x", in: .finnish)
            try await app.repositories.activities.save(activity)
            // when
            let page = try await browser.get("/api/v1/cities/vantaa/hsds/tabular.zip")
            // then
            try #require(page.status == .ok)
            let entries = try Self.entries(page.bytes)
            let organisations = String(decoding: try #require(entries["organizations.csv"]), as: UTF8.self)
            #expect(organisations.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","))
            let services = String(decoding: try #require(entries["services.csv"]), as: UTF8.self)
            #expect(services.contains(",'=SUM(A1),") && services.contains(",'-x,"))
            for (name, data) in entries where name.hasSuffix(".csv") {
                let text = String(decoding: data, as: UTF8.self)
                #expect(!text.contains(",=") && !text.contains(",\"=") && !text.contains(",-x,"), "\(name)")
            }
        }
    }
}
