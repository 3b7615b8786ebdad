import ArgumentParser
import Domain
import Foundation
import Logging
import Web

/// `arrival admin create --email …`: creates the first platform administrator (or promotes an existing account).
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Manage platform administrators.", subcommands: [CreateAdminCommand.self])
}

struct CreateAdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract:
            "Create a platform administrator. The password comes from ARRIVAL_ADMIN_PASSWORD or is generated and printed once."
    )

    @Option(help: "Email address of the administrator.") var email: String
    @Option(help: "Name shown to others.") var name: String = "Administrator"
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        LogfmtLogHandler.bootstrap()
        let normalised = EmailAddress.normalise(email)
        guard EmailAddress.isPlausible(normalised) else { throw CLIError("\(email) is not an email address.") }
        let given = ProcessInfo.processInfo.environment["ARRIVAL_ADMIN_PASSWORD"]
        let password = given ?? SecureToken.generate(byteCount: 15)
        var errors = ValidationErrors()
        PasswordPolicy.check(password, into: &errors, field: "password")
        guard errors.isEmpty else { throw CLIError("ARRIVAL_ADMIN_PASSWORD must be 10 to 72 bytes long.") }
        let runtime = try await Runtime.open(database, logger: Logger(label: "arrival"))
        let repositories = runtime.repositories
        do {
            var person = try await repositories.persons.find(email: normalised)
            if person == nil {
                let created = Person(
                    email: normalised, displayName: name, passwordHash: try await BcryptHasher().hash(password),
                    preferredLanguage: .english, createdAt: Date())
                try await repositories.persons.create(
                    created,
                    consent: Consent(
                        personID: created.id, purpose: Consent.accountPurpose, textVersion: Consent.accountTextVersion,
                        givenAt: Date()))
                person = created
                Console.say(
                    given == nil ? "Created \(normalised) with password: \(password)" : "Created \(normalised).")
            }
            guard let person else { throw CLIError("Could not create \(normalised).") }
            let roles = try await repositories.roles.roles(of: person.id)
            if roles.contains(where: { $0.kind == .platformAdmin }) {
                Console.say("\(normalised) is already a platform administrator.")
            } else {
                try await repositories.roles.grant(
                    RoleAssignment(
                        personID: person.id, kind: .platformAdmin, cityID: nil, grantedBy: nil, grantedAt: Date()))
                Console.say("\(normalised) is now a platform administrator.")
            }
            await runtime.close()
        } catch {
            await runtime.close()
            throw error
        }
    }
}
