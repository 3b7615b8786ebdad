import Domain
import Foundation
import Storage
import Testing

@Suite("Referral repository: newcomers, referrals, participation, the fee ledger and rounds")
struct ReferralRepositoryContract {
    /// A city with a caseworker office, a host organisation and one paid, referral-eligible activity.
    struct World {
        var city: City
        var office: Organisation
        var host: Organisation
        var activity: Activity
    }

    static func world(_ repositories: SQLRepositories) async throws -> World {
        let city = try await Fixtures.storedCity(repositories)
        let office = Fixtures.organisation("Vantaan työllisyyspalvelut", city: city.id)
        let host = Fixtures.organisation("Nicehearts ry", city: city.id)
        for organisation in [office, host] { try await repositories.organisations.create(organisation) }
        let activity = Activity(
            cityID: city.id, organisationID: host.id, kind: .languageCafe,
            title: LocalizedText(original: "Kielikahvila", in: .finnish), languages: [.arabic], capacity: 10,
            referralEligible: true, referralFeeCents: 4_000, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        try await repositories.activities.save(activity)
        return World(city: city, office: office, host: host, activity: activity)
    }

    static func newcomer(_ world: World, at seconds: Double = 1_700_000_000) -> Newcomer {
        Newcomer(
            cityID: world.city.id, organisationID: world.office.id, caseworkerID: nil, languages: [.arabic],
            availability: WeeklyAvailability([(1, 2)]), createdAt: Date(timeIntervalSince1970: seconds))
    }

    static func referral(_ world: World, _ newcomer: Newcomer, status: Referral.Status = .accepted) -> Referral {
        Referral(
            cityID: world.city.id, newcomerID: newcomer.id, activityID: world.activity.id,
            hostOrganisationID: world.host.id, status: status, score: 19,
            reasons: [.sharedLanguage("ar"), .sharedTime(day: 1, part: 2), .distance(metres: 1_250)], referredBy: nil,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func fee(_ world: World, _ newcomer: Newcomer, _ referral: Referral, day: CalendarDay) -> FeeLedgerEntry {
        FeeLedgerEntry(
            cityID: world.city.id, organisationID: world.host.id, activityID: world.activity.id,
            newcomerID: newcomer.id, referralID: referral.id, pseudonym: newcomer.pseudonym, amountCents: 4_000,
            day: day, createdAt: Date(timeIntervalSince1970: 1_700_100_000))
    }

    @Test(
        "a newcomer is found by id and by access code; erasing keeps the pseudonym only",
        arguments: TestEngine.available)
    func newcomerLifecycle(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await Self.world(repositories)
            var newcomer = Self.newcomer(world)
            newcomer.name = "Samira K."
            newcomer.contact = "+358 40 000 0001"
            newcomer.contactConsentAt = Date(timeIntervalSince1970: 1_700_000_000)
            try await repositories.referrals.save(newcomer, accessCode: "7KQ4-M2XD-9PHT")
            #expect(try await repositories.referrals.newcomer(id: newcomer.id) == newcomer)
            #expect(try await repositories.referrals.newcomer(accessCode: "7KQ4-M2XD-9PHT")?.id == newcomer.id)
            #expect(try await repositories.referrals.newcomer(accessCode: "7KQ4-M2XD-9PHX") == nil)
            let open = Self.referral(world, newcomer, status: .referred)
            try await repositories.referrals.create([open], messages: [])
            // when their personal data is erased
            try await repositories.referrals.erase(newcomer.id, at: Date(timeIntervalSince1970: 1_700_200_000))
            // then only the pseudonym stays, the code opens nothing and the open referral is withdrawn
            let erased = try #require(try await repositories.referrals.newcomer(id: newcomer.id))
            #expect(erased.pseudonym == newcomer.pseudonym)
            #expect(erased.name.isEmpty && erased.contact.isEmpty && erased.contactConsentAt == nil)
            #expect(erased.languages.isEmpty && erased.availability.count == 0 && erased.erasedAt != nil)
            #expect(try await repositories.referrals.newcomer(accessCode: "7KQ4-M2XD-9PHT") == nil)
            #expect(try await repositories.referrals.referral(id: open.id)?.status == .withdrawn)
        }
    }

    @Test(
        "a decision moves a referral only from the expected status, with its messages", arguments: TestEngine.available)
    func conditionalMove(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await Self.world(repositories)
            let newcomer = Self.newcomer(world)
            try await repositories.referrals.save(newcomer, accessCode: nil)
            let referral = Self.referral(world, newcomer, status: .referred)
            try await repositories.referrals.create([referral], messages: [])
            #expect(try await repositories.referrals.referral(id: referral.id) == referral)
            let message = OutboxMessage(
                recipient: "caseworker@example.org", subject: "Accepted", body: "…", createdAt: Date())
            #expect(
                try await repositories.referrals.move(
                    referral.id, from: [.referred], to: .accepted, reason: "", at: Date(), messages: [message]))
            // a second decision from the same starting point changes nothing and queues nothing
            #expect(
                !(try await repositories.referrals.move(
                    referral.id, from: [.referred], to: .declined, reason: "Full", at: Date(), messages: [message])))
            #expect(try await repositories.referrals.referral(id: referral.id)?.status == .accepted)
            #expect(try await repositories.outbox.messages(to: "caseworker@example.org").count == 1)
            #expect(try await repositories.referrals.activeCounts(city: world.city.id) == [world.activity.id: 1])
        }
    }

    @Test("fifty concurrent recordings of a first participation add exactly one fee", arguments: TestEngine.available)
    func oneFeeUnderConcurrency(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await Self.world(repositories)
            let newcomer = Self.newcomer(world)
            try await repositories.referrals.save(newcomer, accessCode: nil)
            // two accepted referrals of the same newcomer to the same activity (one made again after a mistake)
            let first = Self.referral(world, newcomer)
            let second = Self.referral(world, newcomer)
            try await repositories.referrals.create([first, second], messages: [])
            let day = CalendarDay(year: 2026, month: 11, day: 17)!
            let outcomes = try await withThrowingTaskGroup(of: ParticipationOutcome.self) { group in
                for index in 0..<50 {
                    let referral = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        try await repositories.referrals.recordParticipation(
                            referral.id, day: day.adding(days: index % 5),
                            fee: Self.fee(world, newcomer, referral, day: day.adding(days: index % 5)), at: Date())
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let ledger = try await repositories.referrals.ledger(
                city: world.city.id, organisation: world.host.id, from: day, through: day.adding(days: 10))
            #expect(ledger.count == 1)
            #expect(ledger.first?.amountCents == 4_000 && ledger.first?.pseudonym == newcomer.pseudonym)
            #expect(outcomes.filter { if case .recorded(let fee) = $0 { fee != nil } else { false } }.count == 1)
            // each referral's five days were each recorded once, the rest found them known
            #expect(outcomes.filter { if case .recorded = $0 { true } else { false } }.count == 10)
            #expect(outcomes.filter { $0 == .alreadyRecorded }.count == 40)
            #expect(try await repositories.referrals.referral(id: first.id)?.firstParticipation == day)
        }
    }

    @Test("participation is refused for a referral that is not accepted", arguments: TestEngine.available)
    func participationNeedsAcceptance(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await Self.world(repositories)
            let newcomer = Self.newcomer(world)
            try await repositories.referrals.save(newcomer, accessCode: nil)
            let referral = Self.referral(world, newcomer, status: .referred)
            try await repositories.referrals.create([referral], messages: [])
            let day = CalendarDay(year: 2026, month: 11, day: 17)!
            let outcome = try await repositories.referrals.recordParticipation(
                referral.id, day: day, fee: Self.fee(world, newcomer, referral, day: day), at: Date())
            #expect(outcome == .notAccepted)
            #expect(
                try await repositories.referrals.ledger(
                    city: world.city.id, organisation: nil, from: day, through: day
                ).isEmpty)
        }
    }

    @Test(
        "a round's proposals stay proposed until confirmed; a decided round cannot be decided again",
        arguments: TestEngine.available)
    func rounds(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { _, repositories in
            let world = try await Self.world(repositories)
            let newcomers = [Self.newcomer(world), Self.newcomer(world, at: 1_700_000_100)]
            for newcomer in newcomers { try await repositories.referrals.save(newcomer, accessCode: nil) }
            let day = CalendarDay(year: 2026, month: 11, day: 1)!
            let round = MatchingRound(
                cityID: world.city.id, from: day, through: day.adding(days: 20), objective: 38, poolSize: 2,
                createdBy: nil, createdAt: Date(timeIntervalSince1970: 1_700_000_500))
            var proposals = newcomers.map { Self.referral(world, $0, status: .proposed) }
            for index in proposals.indices { proposals[index].roundID = round.id }
            try await repositories.referrals.save(round, proposals: proposals)
            #expect(try await repositories.referrals.round(id: round.id) == round)
            #expect(try await repositories.referrals.activeCounts(city: world.city.id).isEmpty)
            try await repositories.referrals.removeProposal(proposals[1].id)
            let message = OutboxMessage(
                recipient: "host@example.org", subject: "Referred", body: "…", createdAt: Date())
            #expect(try await repositories.referrals.confirm(round.id, at: Date(), messages: [message]))
            #expect(!(try await repositories.referrals.confirm(round.id, at: Date(), messages: [message])))
            #expect(!(try await repositories.referrals.discard(round.id, at: Date())))
            let listed = try await repositories.referrals.referrals(
                ReferralFilter(city: world.city.id, roundID: round.id))
            #expect(listed.map(\.status) == [.referred])
            #expect(try await repositories.outbox.messages(to: "host@example.org").count == 1)
            #expect(try await repositories.referrals.rounds(city: world.city.id).first?.status == .confirmed)
        }
    }
}
