import Foundation
import Testing

/// The shape every feature keeps, read from the sources: handlers reach data only through use cases, and register
/// their routes only through the route table.
@Suite("Layering")
struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources").standardized

    /// The Swift files below `folder` of `Sources`, with their text.
    static func files(in folder: String) throws -> [(name: String, text: String)] {
        let root = sources.appendingPathComponent(folder)
        var found: [(String, String)] = []
        let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let file = walk?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            found.append(
                (
                    file.path.replacingOccurrences(of: sources.path + "/", with: ""),
                    try String(
                        contentsOf: file, encoding: .utf8)
                ))
        }
        #expect(found.count > 10, "no sources found below \(root.path)")
        return found
    }

    /// Background jobs that are handed a repository by the command that starts them, not by `AppServices`.
    static let backgroundJobs: Set<String> = ["Web/Operations/OutboxDelivery.swift"]

    @Test("no handler, page or middleware names a repository")
    func webReachesDataThroughUseCases() throws {
        let repository = try Regex(#"\w+Repository\b"#)
        let offenders = try Self.files(in: "Web").filter { file in
            !Self.backgroundJobs.contains(file.name) && file.text.contains(repository)
        }.map(\.name)
        #expect(offenders.isEmpty, "repositories named in \(offenders)")
    }

    @Test("no use case hands out its repositories")
    func useCasesKeepTheirRepositories() throws {
        let pattern = try Regex(#"public (var|let) \w+: any \w+Repository"#)
        let offenders = try Self.files(in: "Domain").filter { $0.name.hasSuffix("UseCases.swift") }
            .filter { $0.text.contains(pattern) }.map(\.name)
        #expect(offenders.isEmpty, "use cases with public repositories: \(offenders)")
    }

    @Test("no controller registers a path written by hand")
    func noStringPatterns() throws {
        let pattern = try Regex(#"router\.(get|post|put|patch|delete|on|group)\(\s*"|RouterPath\("#)
        let offenders = try Self.files(in: "Web").filter { file in
            file.name != "Web/Application/RouterEndpoints.swift" && file.text.contains(pattern)
        }.map(\.name)
        #expect(offenders.isEmpty, "string route patterns in \(offenders)")
    }
}
