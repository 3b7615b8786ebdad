import Domain
import Foundation

/// Demo referrals: newcomers recorded by the employment services' caseworker, referred to the referral-eligible
/// demo activities and in every state (waiting, accepted and taking part with its fee, declined with a reason,
/// withdrawn), and a pool of newcomers not yet referred for a matching round. Newcomers are recorded and matched
/// through the same use cases as the pages.
extension DemoSeed {
    /// The access code of the first demo newcomer, printed in the README so anyone can try the newcomer's page.
    public static let demoAccessCode = "7KQ4-M2XD-9PHT"

    struct DemoNewcomer {
        var interests: [String]
        var languages: String
        var area: String
        var times: [String]
        var name: String = ""
        var contact: String = ""
    }

    static let demoNewcomers: [DemoNewcomer] = [
        .init(
            interests: ["language-learning", "meeting-people"], languages: "ar, en", area: "01300",
            times: ["1-2", "3-2"]),
        .init(
            interests: ["language-learning"], languages: "ar", area: "01350", times: ["1-2", "5-0"], name: "Samira K.",
            contact: "+358 40 000 0001"),
        .init(interests: ["work-and-study"], languages: "fi, en", area: "01300", times: ["2-0", "2-1"]),
        .init(interests: ["language-learning", "meeting-people"], languages: "fa, en", area: "01370", times: ["1-2"]),
        .init(interests: ["language-learning"], languages: "so", area: "01200", times: ["1-0", "3-0"]),
        .init(interests: ["sports", "meeting-people"], languages: "so, en", area: "01200", times: ["5-0", "5-1"]),
        .init(interests: ["work-and-study"], languages: "ru, en", area: "01600", times: ["2-0"]),
        .init(interests: ["language-learning"], languages: "uk, en", area: "01300", times: ["1-2", "3-2"]),
        .init(interests: ["sports"], languages: "ar, fi", area: "01350", times: ["5-0"]),
        .init(
            interests: ["language-learning", "work-and-study"], languages: "ti, en", area: "01200",
            times: ["2-0", "1-0"]),
        .init(interests: ["meeting-people"], languages: "ar", area: "01600", times: ["1-2"]),
        .init(interests: ["language-learning"], languages: "so, ar", area: "01200", times: ["1-0", "3-0", "1-2"]),
    ]

    /// Adds the demo newcomers and referrals (once, when the city has no newcomers).
    func ensureReferrals(city: City) async throws {
        guard try await repositories.referrals.newcomers(city: city.id, organisations: nil).isEmpty,
            let caseworker = try await actor(DemoSeed.accounts.first { $0.role == .caseworker }!.email)
        else { return }
        let useCases = ReferralUseCases(
            referrals: repositories.referrals, activities: repositories.activities, places: repositories.places,
            areas: repositories.areas, organisations: repositories.organisations, roles: repositories.roles,
            persons: repositories.persons)
        var newcomers: [Newcomer] = []
        for demo in Self.demoNewcomers {
            let input = NewcomerInput(
                interests: demo.interests, languages: demo.languages, area: demo.area, availability: demo.times,
                name: demo.name, contact: demo.contact, consent: !demo.name.isEmpty)
            newcomers.append(try await useCases.record(actor: caseworker, city: city, organisation: "", input: input).0)
        }
        try await repositories.referrals.save(newcomers[0], accessCode: Self.demoAccessCode)
        // Each of the first five is referred to the activity that fits them best. The demo writes the outcomes
        // straight to the repository: it has no one to email.
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let today = CalendarDay(Date(), in: zone)
        for (index, newcomer) in newcomers.prefix(5).enumerated() {
            guard
                let best = try await useCases.suggestions(actor: caseworker, city: city, id: newcomer.id, limit: 1)
                    .first
            else { continue }
            let referral = Referral(
                cityID: city.id, newcomerID: newcomer.id, activityID: best.activity.id,
                hostOrganisationID: best.activity.organisationID, status: .referred, score: best.fit.score,
                reasons: best.fit.reasons, referredBy: caseworker.person.id, createdAt: Date())
            try await repositories.referrals.create([referral], messages: [])
            switch index {
            case 1, 4:
                _ = try await repositories.referrals.move(
                    referral.id, from: [.referred], to: .accepted, reason: "", at: Date(), messages: [])
                let fee = FeeLedgerEntry(
                    cityID: city.id, organisationID: referral.hostOrganisationID, activityID: best.activity.id,
                    newcomerID: newcomer.id, referralID: referral.id, pseudonym: newcomer.pseudonym,
                    amountCents: best.activity.referralFeeCents, day: today, createdAt: Date())
                _ = try await repositories.referrals.recordParticipation(
                    referral.id, day: today, fee: best.activity.referralFeeCents > 0 ? fee : nil, at: Date())
            case 2:
                _ = try await repositories.referrals.move(
                    referral.id, from: [.referred], to: .declined,
                    reason: "The group is full this month; we can take them from January.", at: Date(), messages: [])
            case 3:
                _ = try await repositories.referrals.move(
                    referral.id, from: [.referred], to: .withdrawn, reason: "", at: Date(), messages: [])
            default: break
            }
        }
    }

    /// The demo account with its roles.
    func actor(_ email: String) async throws -> Actor? {
        guard let person = try await repositories.persons.find(email: email) else { return nil }
        return Actor(person: person, roles: try await repositories.roles.roles(of: person.id))
    }
}
