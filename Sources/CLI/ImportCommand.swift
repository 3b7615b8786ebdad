import ArgumentParser
import Domain
import Foundation
import Logging

/// `arrival import areas FILE --city SLUG`: reads postal areas with their demographics (GeoJSON or CSV).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import data from files.",
        subcommands: [ImportAreasCommand.self, ImportOrganisationsCommand.self])
}

struct ImportAreasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas",
        abstract: "Import areas and yearly demographics from a GeoJSON or CSV file (Paavo postal-area shape)."
    )

    @Argument(help: "A .geojson or .csv file.") var file: String
    @Option(help: "The city to import into.") var city: String
    @Option(help: "Keep only rows of this municipality code (e.g. 092 for Vantaa).") var municipality: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        LogfmtLogHandler.bootstrap()
        let logger = Logger(label: "arrival")
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError("Cannot read \(file).")
        }
        let records: [AreaRecord]
        do {
            records = try AreaImport.parse(data, municipality: municipality)
        } catch let error as AreaImportError {
            throw CLIError("\(file): \(error). Nothing was imported.")
        }
        guard !records.isEmpty else { throw CLIError("\(file) has no areas to import. Nothing was imported.") }
        let runtime = try await Runtime.open(database, logger: logger)
        do {
            guard let target = try await runtime.repositories.cities.find(slug: city) else {
                throw CLIError("There is no city \(city). Nothing was imported.")
            }
            let bar = ProgressBar(total: records.count, label: "Importing areas")
            let summary = try await runtime.repositories.areas.importRecords(records, city: target.id) {
                bar.update($0)
            }
            Console.say(
                "Imported \(records.count) areas into \(city): \(summary.created) new, \(summary.updated) updated.")
            await runtime.close()
        } catch {
            await runtime.close()
            throw error
        }
    }
}
