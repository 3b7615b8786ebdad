import ArgumentParser

/// The `arrival` command: serve, migrate, demo, import, admin.
@main
struct Arrival: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arrival",
        abstract: "Plan and run local integration work: a city, its organisations, volunteers and newcomers.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, DemoCommand.self, ImportCommand.self, ExportCommand.self,
            AdminCommand.self, MatchCommand.self,
        ]
    )
}
