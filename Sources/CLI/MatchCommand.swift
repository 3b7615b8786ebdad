import ArgumentParser
import Domain
import Foundation

/// `arrival match --instance DIR`: solves a matching instance in the benchmark format (`activities.csv`,
/// `edges.csv`) exactly, and prints the objective, the number assigned, read and solve times and peak memory as
/// `key: value` lines. `--verify` checks the solution's dual certificate; `--assignment-out` writes the pairs.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match people to activities with the best total score, within every capacity."
    )

    @Option(help: "A folder with activities.csv and edges.csv (the format of shared/bench/matching).")
    var instance: String

    @Option(help: "Write the chosen pairs to this file as person_id,activity_id rows.")
    var assignmentOut: String?

    @Option(help: "How many activities one person may get.")
    var personCapacity = 1

    @Flag(help: "Check that the solution is optimal with its dual certificate (prices).")
    var verify = false

    func validate() throws {
        guard personCapacity >= 0 else { throw ValidationError("--person-capacity must be 0 or more") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let readStart = clock.now
        let activities = try Self.contents(of: instance, MatchingInstance.activitiesFile)
        let edges = try Self.contents(of: instance, MatchingInstance.edgesFile)
        let parsed: MatchingInstance
        do {
            parsed = try MatchingInstance.read(activities: activities, edges: edges, personCapacity: personCapacity)
        } catch {
            throw CLIError("\(instance)/\(error). Nothing was solved.")
        }
        let readTime = readStart.duration(to: clock.now)
        let problem = parsed.problem
        Console.say(
            "Read \(problem.candidateCount) pairs of \(problem.personCount) people and \(problem.slotCount) "
                + "activities.")

        let solveStart = clock.now
        let bar = isatty(STDERR_FILENO) == 1 ? ProgressBar(total: problem.largestScore, label: "Solving") : nil
        let solution = MatchingSolver.solve(problem) { done, _ in bar?.update(done) }
        let solveTime = solveStart.duration(to: clock.now)

        Console.say("objective: \(solution.objective)")
        Console.say("assigned: \(solution.assignments.count)")
        Console.say("phases: \(solution.phases) (\(solution.rounds) augmentation rounds)")
        Console.say("read_s: \(Self.seconds(readTime))")
        Console.say("solve_s: \(Self.seconds(solveTime))")
        if verify {
            let verifyStart = clock.now
            do {
                try problem.verifyOptimality(of: solution)
            } catch {
                throw CLIError("The solution failed its optimality check: \(error).")
            }
            Console.say(
                "verified: optimal (dual certificate checked in \(Self.seconds(verifyStart.duration(to: clock.now))) s)"
            )
        }
        Console.say("peak_rss_mb: \(Self.peakResidentMegabytes())")
        if let assignmentOut {
            try Self.writeAssignments(solution, activityIDs: parsed.activityIDs, to: assignmentOut)
        }
    }

    private static func contents(of directory: String, _ file: String) throws -> [UInt8] {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(file).path
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("Cannot read \(path).") }
        return [UInt8](data)
    }

    private static func writeAssignments(
        _ solution: MatchingSolution, activityIDs: [Int], to path: String
    ) throws {
        var text = "person_id,activity_id\n"
        text.reserveCapacity(16 * solution.assignments.count + 32)
        for pair in solution.assignments {
            text += "\(pair.person),\(activityIDs[pair.slot])\n"
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("Cannot write \(path): \(error.localizedDescription)")
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return String(format: "%.3f", Double(whole) + Double(attoseconds) / 1e18)
    }

    /// The process's peak resident memory (`ru_maxrss`, kilobytes on Linux, bytes on macOS) in megabytes.
    private static func peakResidentMegabytes() -> String {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let bytes = Double(usage.ru_maxrss) * 1024
        #else
            getrusage(RUSAGE_SELF, &usage)
            let bytes = Double(usage.ru_maxrss)
        #endif
        return String(format: "%.1f", bytes / 1_048_576)
    }
}
