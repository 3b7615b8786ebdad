import Domain
import Foundation
import Storage
import Testing

@Suite("Certificate and award repositories", .serialized)
struct RecognitionRepositoryContract {
    static func certificate(_ world: VolunteeringWorld, issuedOn: CalendarDay) -> Certificate {
        Certificate(
            cityID: world.city.id, personID: world.volunteers[0].id, holderName: "Aino", issuedOn: issuedOn,
            engagements: [
                .init(
                    organisation: world.organisation.name, role: world.opportunity.title, from: issuedOn,
                    through: nil, minutes: 90)
            ], trainings: [])
    }

    @Test("a revoked certificate keeps the time it was first revoked", arguments: TestEngine.available)
    func certificateRevokedOnce(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            let older = Self.certificate(world, issuedOn: VolunteeringWorld.day.adding(days: -30))
            let newer = Self.certificate(world, issuedOn: VolunteeringWorld.day)
            for certificate in [older, newer] { try await repositories.certificates.save(certificate) }
            #expect(
                try await repositories.certificates.certificates(person: world.volunteers[0].id, city: world.city.id)
                    .map(\.id) == [newer.id, older.id])
            try await repositories.certificates.revoke(older.id, at: VolunteeringWorld.moment)
            try await repositories.certificates.revoke(older.id, at: VolunteeringWorld.moment.addingTimeInterval(60))
            #expect(
                try await repositories.certificates.certificate(code: older.code)?.revokedAt
                    == VolunteeringWorld.moment)
            #expect(try await repositories.certificates.certificate(code: newer.code)?.revokedAt == nil)
        }
    }

    @Test("a city's awards are read back whole, newest first", arguments: TestEngine.available)
    func awardsNewestFirst(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await VolunteeringWorld.make(repositories)
            let awards = [-400, 0].map { days in
                Award(
                    cityID: world.city.id, personID: days == 0 ? world.volunteers[0].id : nil,
                    recipientName: days == 0 ? "Aino" : "Sara",
                    title: LocalizedText(original: "Vuoden vapaaehtoinen", in: .finnish),
                    citation: LocalizedText(original: "For the evenings.", in: .english),
                    awardedOn: VolunteeringWorld.day.adding(days: days), createdAt: VolunteeringWorld.moment)
            }
            for award in awards { try await repositories.awards.save(award) }
            #expect(try await repositories.awards.awards(city: world.city.id) == Array(awards.reversed()))
        }
    }
}
