import ArgumentParser
import Domain
import Foundation
import Logging
import Web

/// `arrival import organisations FILE --city SLUG`: the spreadsheet import of the registry, all or nothing.
struct ImportOrganisationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisations",
        abstract: "Import organisations from a CSV file (UTF-8, `,` or `;`), all or nothing.",
        discussion: """
            Columns are recognised by their headers, as the export writes them: id, kind, name_fi, name_sv, …, \
            description_fi, …, languages, areas, website, email, status, last_confirmed. A row whose id is an \
            organisation of the city updates it; every other row creates one. Any problem is reported by line \
            and column and nothing is written.
            """
    )

    @Argument(help: "A .csv file.") var file: String
    @Option(help: "The city to import into.") var city: String
    @Flag(help: "Check the file and report, without writing anything.") var dryRun = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        LogfmtLogHandler.bootstrap()
        let logger = Logger(label: "arrival")
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Cannot read \(file).") }
        let runtime = try await Runtime.open(database, logger: logger)
        do {
            guard let target = try await runtime.repositories.cities.find(slug: city) else {
                throw CLIError("There is no city \(city). Nothing was imported.")
            }
            let useCases = OrganisationUseCases(
                organisations: runtime.repositories.organisations, areas: runtime.repositories.areas)
            let actor = Actor.commandLine()
            let check: OrganisationUseCases.SpreadsheetCheck
            if dryRun {
                check = try await useCases.checkSpreadsheet(actor: actor, city: target, data: data)
            } else {
                let total = Counted()
                check = try await useCases.importSpreadsheet(
                    actor: actor, city: target, data: data,
                    progress: { ProgressBar(total: total.value, label: "Importing organisations").update($0) },
                    planned: { total.set($0) })
            }
            await runtime.close()
            try report(check)
        } catch {
            await runtime.close()
            throw error
        }
    }

    private func report(_ check: OrganisationUseCases.SpreadsheetCheck) throws {
        let t = Translator(language: .english, catalogs: try Catalog.bundled())
        let plan = check.plan
        guard plan.problems.isEmpty else {
            for problem in plan.problems {
                var place = problem.line == 0 ? "\(file)" : "\(file):\(problem.line)"
                if let column = problem.column { place += " [\(column)]" }
                let value = problem.value.map { " (\"\($0)\")" } ?? ""
                FileHandle.standardError.write(Data("\(place): \(t(problem.key))\(value)\n".utf8))
            }
            throw CLIError("\(plan.problems.count) problem(s) found. Nothing was imported.")
        }
        let verb = dryRun ? "Would import" : "Imported"
        Console.say(
            "\(verb) \(plan.organisations.count) organisations into \(city): \(plan.created) new, \(plan.updated) updated."
        )
    }
}

/// A number a `@Sendable` callback can read after another set it.
final class Counted: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0
    var value: Int { lock.withLock { stored } }
    func set(_ value: Int) { lock.withLock { stored = value } }
}
