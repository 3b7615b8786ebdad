import ArgumentParser
import Domain
import Foundation
import Logging

/// `arrival export organisations --city SLUG`: the registry as the spreadsheet the import reads.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export data to files.", subcommands: [ExportOrganisationsCommand.self])
}

struct ExportOrganisationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisations",
        abstract: "Write every organisation of a city as CSV (UTF-8 with a byte-order mark), the import's columns.")

    @Option(help: "The city to export.") var city: String
    @Option(name: .shortAndLong, help: "The file to write; without it the CSV goes to standard output.")
    var output: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        LogfmtLogHandler.bootstrap()
        let runtime = try await Runtime.open(database, logger: Logger(label: "arrival"))
        do {
            guard let target = try await runtime.repositories.cities.find(slug: city) else {
                throw CLIError("There is no city \(city).")
            }
            let useCases = OrganisationUseCases(
                organisations: runtime.repositories.organisations, areas: runtime.repositories.areas)
            let text = try await useCases.exportSpreadsheet(actor: .commandLine(), city: target)
            await runtime.close()
            let data = Data(("\u{FEFF}" + text).utf8)
            if let output {
                try data.write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(data)
            }
        } catch {
            await runtime.close()
            throw error
        }
    }
}
