import Domain
import Foundation
import Testing

@Suite("Area import")
struct AreaImportTests {
    static let header =
        "pno,nimi,namn,kunta,vuosi,he_vakiy,foreign_language_pct\n"

    @Test("reads the CSV rows of one municipality with both names and the foreign-language share")
    func readsCSV() throws {
        let csv =
            Self.header + "01200,Hakunila,Håkansböle,092,2026,9000,40.0\n00100,Keskusta,Centrum,091,2026,18492,9.5\n"
        let records = try AreaImport.parse(Data(csv.utf8), municipality: "092")
        #expect(records.count == 1)
        #expect(records[0].names[.swedish] == "Håkansböle")
        #expect(records[0].foreignLanguageSpeakers == 3600)
    }

    @Test(
        "names the line and the problem in bad CSV",
        arguments: [
            ("01200,Hakunila,H,092,2026,many,4\n", "line 2: he_vakiy is not a whole number: many"),
            ("01200,Hakunila,H,092,2026,10,400\n", "line 2: foreign_language_pct is not a percentage: 400"),
            ("01200,Hakunila,H,092,2026\n", "line 2: has 5 fields, the header has 7"),
            (",Hakunila,H,092,2026,10,4\n", "line 2: missing pno"),
            (
                "01200,Hakunila,H,092,2026,10,4\n01200,Hakunila,H,092,2026,10,4\n",
                "area 01200: appears twice for year 2026"
            ),
        ])
    func reportsCSVProblems(rows: String, message: String) {
        #expect(throws: (any Error).self) { try AreaImport.parse(Data((Self.header + rows).utf8)) }
        do {
            _ = try AreaImport.parse(Data((Self.header + rows).utf8))
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test("an optional parent column nests areas, but never in themselves")
    func readsParents() throws {
        let csv =
            "pno,nimi,kunta,vuosi,he_vakiy,parent\nH,Hakunilan suuralue,092,2026,30000,\n01200,Hakunila,092,2026,9000,H\n"
        let records = try AreaImport.parse(Data(csv.utf8))
        #expect(records.map(\.parentCode) == [nil, "H"])
        #expect(throws: AreaImportError(location: "line 2", problem: "lies in itself")) {
            try AreaImport.parse(Data("pno,nimi,kunta,vuosi,he_vakiy,parent\nH,X,092,2026,1,H\n".utf8))
        }
    }

    @Test("a missing column is reported on line 1")
    func missingColumn() {
        #expect(throws: AreaImportError(location: "line 1", problem: "missing column he_vakiy")) {
            try AreaImport.parse(Data("pno,nimi,kunta,vuosi\n01200,Hakunila,092,2026\n".utf8))
        }
    }

    @Test("reads GeoJSON features with their polygons")
    func readsGeoJSON() throws {
        let json = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"pno":"01200","nimi":"Hakunila",
            "kunta":"092","vuosi":2026,"he_vakiy":9000,"foreign_language_pct":40.0},
            "geometry":{"type":"Polygon","coordinates":[[[25.1,60.2],[25.2,60.2],[25.2,60.3],[25.1,60.2]]]}}]}
            """
        let records = try AreaImport.parse(Data(json.utf8))
        #expect(records.first?.code == "01200")
        #expect(records.first?.geometry?.contains("Polygon") == true)
    }

    @Test("a bad GeoJSON feature is named by position and code")
    func reportsGeoJSONProblems() {
        let json = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"pno":"01200","nimi":"Hakunila",
            "kunta":"092","vuosi":2026,"he_vakiy":9000},"geometry":{"type":"Point","coordinates":[25.1,60.2]}}]}
            """
        #expect(
            throws: AreaImportError(
                location: "feature 1 (01200)", problem: "geometry must be a Polygon or MultiPolygon")
        ) {
            try AreaImport.parse(Data(json.utf8))
        }
    }

    @Test("the real Paavo statistics file reads completely, with Vantaa's 37 postal areas")
    func readsRealFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/data/demographics-fi/capital_region_postal_stats.csv")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            print("note: \(url.path) not found; the real-data import check did not run.")
            return
        }
        let vantaa = try AreaImport.parse(data, municipality: "092")
        #expect(vantaa.count == 37)
        #expect(vantaa.allSatisfy { $0.population >= 0 && $0.year == 2026 })
        // An industrial area with nobody living there has no foreign-language share at all.
        let empty = try #require(vantaa.first { $0.code == "01770" })
        #expect(empty.population == 0)
        #expect(empty.foreignLanguageShare == nil)
        #expect(vantaa.first { $0.code == "01200" }?.names[.swedish] != nil)
    }
}
