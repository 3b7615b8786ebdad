import Foundation
import Logging
import SQLKit
import Storage
import Testing

@Suite("Throwaway databases")
struct ThrowawayDatabaseTests {
    @Test("a throwaway SQLite database leaves no file behind once closed")
    func noFileLeft() async throws {
        // given a throwaway database that has been written to
        let database = try await Database.open(.init(location: .sqliteMemory), logger: Logger(label: "test"))
        try await database.sql.raw("CREATE TABLE notes (id INTEGER PRIMARY KEY)").run()
        try await database.sql.raw("INSERT INTO notes (id) VALUES (1)").run()
        let row = try await database.sql.raw("PRAGMA database_list").all().first
        let path = try #require(try row?.decode(column: "file", as: String.self))
        #expect(FileManager.default.fileExists(atPath: path))
        // when it is closed
        try await database.close()
        // then neither it nor its write-ahead log is left
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: path + suffix)) }
    }
}
