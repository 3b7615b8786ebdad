import Logging
import SQLKit
import Storage
import Testing

@Suite("Migrations")
struct MigrationsTests {
    @Test("every step is recorded once and a second run applies nothing", arguments: TestEngine.available)
    func migrateIsIdempotent(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            // given a migrated database (withTestDatabase migrated it)
            // when migrating again
            let ran = try await Migrator(database: database).migrate(logger: Logger(label: "test"))
            // then nothing runs and every step is recorded
            #expect(ran.isEmpty)
            let applied = try await Migrator(database: database).applied()
            #expect(applied == Set(Migrations.all.map(\.name)))
        }
    }

    @Test("step names are unique and in order")
    func namesAreOrdered() {
        let names = Migrations.all.map(\.name)
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.range(of: #"^\d{4}_[A-Z][A-Za-z]+$"#, options: .regularExpression) != nil })
    }

    @Test("a failing transaction leaves nothing behind", arguments: TestEngine.available)
    func transactionRollsBack(engine: TestEngine) async throws {
        struct Boom: Error {}
        try await withTestDatabase(engine) { database, repositories in
            // given a write inside a transaction that then fails
            await #expect(throws: Boom.self) {
                try await database.transaction { sql in
                    try await sql.insert(into: "outbox_messages")
                        .columns("id", "recipient", "subject", "body", "created_at")
                        .values(SQLBind("x"), SQLBind("a@b.fi"), SQLBind("s"), SQLBind("b"), SQLBind(Int64(1)))
                        .run()
                    throw Boom()
                }
            }
            // then the write is gone
            let remaining = try await repositories.outbox.messages(to: "a@b.fi")
            #expect(remaining.isEmpty)
        }
    }
}
