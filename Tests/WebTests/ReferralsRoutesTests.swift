import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Referrals: caseworkers, host organisations, newcomers and coordinators")
struct ReferralsRoutesTests {
    static func person(_ app: TestApp, _ role: RoleKind) async throws -> Person {
        try #require(try await app.repositories.persons.find(email: TestApp.demoAccount(role).email))
    }

    static func organisation(_ app: TestApp, _ finnish: String) async throws -> Organisation {
        try #require(
            try await app.repositories.organisations.list(city: app.vantaa.id).first {
                $0.name.text(in: .finnish) == finnish
            })
    }

    /// The Nicehearts language café: referral-eligible, 40 € per participant, Tuesday evenings, in Arabic.
    static func cafe(_ app: TestApp) async throws -> Activity {
        let query = ActivityQuery(city: app.vantaa.id, readerLanguage: .finnish)
        return try #require(
            try await app.repositories.activities.search(query, offset: 0, limit: 500).first {
                $0.title.text(in: .finnish) == "Kielikahvila Tikkurilassa"
            })
    }

    /// A newcomer of the demo caseworker's office with a waiting referral to the café.
    static func waitingReferral(_ app: TestApp) async throws -> (Newcomer, Referral) {
        let office = try await organisation(app, "Vantaan työllisyyspalvelut")
        let caseworker = try await person(app, .caseworker)
        let cafe = try await cafe(app)
        let newcomer = Newcomer(
            cityID: app.vantaa.id, organisationID: office.id, caseworkerID: caseworker.id, languages: [.arabic],
            availability: WeeklyAvailability([(1, 2)]), createdAt: Date())
        try await app.repositories.referrals.save(newcomer, accessCode: "ABCD-EFGH-JKLM")
        let referral = Referral(
            cityID: app.vantaa.id, newcomerID: newcomer.id, activityID: cafe.id,
            hostOrganisationID: cafe.organisationID,
            status: .referred, score: 15, reasons: [.sharedLanguage("ar")], referredBy: caseworker.id, createdAt: Date()
        )
        try await app.repositories.referrals.create([referral], messages: [])
        return (newcomer, referral)
    }

    static var today: String { CalendarDay(Date(), in: TimeZone(identifier: "Europe/Helsinki")!).description }

    @Test("a caseworker records a newcomer, gets the code once and explained suggestions, and refers; the host is told")
    func caseworkerRefers() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.caseworker)
            let before = try await app.repositories.referrals.newcomers(city: app.vantaa.id, organisations: nil).count
            // when the caseworker records a newcomer who speaks Arabic and is free on Tuesday evenings in Tikkurila
            let page = try await browser.post(
                "/vantaa/newcomers/new?lang=en",
                [
                    ("interests", "language-learning"), ("languages", "ar, en"), ("area", "01300"),
                    ("availability", "1-2"),
                ])
            #expect(page.status == .created)
            #expect(
                page.body.range(
                    of: #"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"#, options: .regularExpression) != nil)
            #expect(page.body.contains("Language café in Tikkurila"))
            #expect(page.body.contains("speaks العربية"))
            #expect(page.body.contains("Tuesday evening"))
            let newcomers = try await app.repositories.referrals.newcomers(city: app.vantaa.id, organisations: nil)
            #expect(newcomers.count == before + 1)
            let newcomer = try #require(newcomers.max { $0.createdAt < $1.createdAt })
            #expect(newcomer.name.isEmpty && newcomer.contactConsentAt == nil)
            // and refers them to the café
            let cafe = try await Self.cafe(app)
            let referred = try await browser.post(
                "/vantaa/newcomers/\(newcomer.id)/referrals", [("activity", cafe.id.description)])
            #expect(referred.status == .seeOther)
            let referrals = try await app.repositories.referrals.referrals(
                ReferralFilter(city: app.vantaa.id, newcomerIDs: [newcomer.id]))
            #expect(referrals.map(\.status) == [.referred])
            #expect(referrals.first?.reasons.contains(.sharedTime(day: 1, part: 2)) == true)
            let mail = try await app.repositories.outbox.messages(to: TestApp.demoAccount(.organisationEditor).email)
            #expect(mail.contains { $0.body.contains("/vantaa/referrals") })
            // referring twice to the same activity is refused with the reason
            let again = try await browser.post(
                "/vantaa/newcomers/\(newcomer.id)/referrals?lang=en", [("activity", cafe.id.description)])
            #expect(again.status == .unprocessableContent)
            #expect(again.body.contains("already has an open referral"))
        }
    }

    @Test("a name without consent is refused with the reason, and nothing is written")
    func nameNeedsConsent() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.caseworker)
            let before = try await app.repositories.referrals.newcomers(city: app.vantaa.id, organisations: nil).count
            let page = try await browser.post(
                "/vantaa/newcomers/new?lang=en",
                [
                    ("interests", "language-learning"), ("languages", "ar"), ("availability", "1-2"),
                    ("name", "Samira K."),
                ])
            #expect(page.status == .unprocessableContent)
            #expect(
                page.body.contains("only be kept with the newcomer&#39;s consent")
                    || page.body.contains("only be kept with the newcomer's consent"))
            #expect(
                try await app.repositories.referrals.newcomers(city: app.vantaa.id, organisations: nil).count == before)
        }
    }

    @Test(
        "a newcomer of another organisation is refused to caseworkers, editors and coordinators",
        arguments: [RoleKind.caseworker, .organisationEditor, .coordinator, .resident])
    func otherOrganisationIsForbidden(role: RoleKind) async throws {
        try await TestApp.run { app, browser in
            let other = try await Self.organisation(app, "Nicehearts ry")
            let newcomer = Newcomer(
                cityID: app.vantaa.id, organisationID: other.id, caseworkerID: nil, name: "Amal", contact: "040",
                contactConsentAt: Date(), languages: [.arabic], createdAt: Date())
            try await app.repositories.referrals.save(newcomer, accessCode: nil)
            try await browser.signIn(role)
            let page = try await browser.get("/vantaa/newcomers/\(newcomer.id)")
            #expect(page.status == .forbidden)
            #expect(!page.body.contains("Amal"))
            let erase = try await browser.post("/vantaa/newcomers/\(newcomer.id)/erase")
            #expect(erase.status == .forbidden)
            #expect(try await app.repositories.referrals.newcomer(id: newcomer.id)?.name == "Amal")
        }
    }

    @Test(
        "the host accepts, records participation once with its fee, and the ledger exports it; the caseworker is told")
    func hostAcceptsAndRecords() async throws {
        try await TestApp.run { app, browser in
            let (newcomer, referral) = try await Self.waitingReferral(app)
            try await browser.signIn(.organisationEditor)
            let overview = try await browser.get("/vantaa/referrals?lang=en")
            #expect(overview.body.contains(newcomer.pseudonym))
            #expect(try await browser.post("/vantaa/referrals/\(referral.id)/accept").status == .seeOther)
            #expect(try await app.repositories.referrals.referral(id: referral.id)?.status == .accepted)
            let mail = try await app.repositories.outbox.messages(to: TestApp.demoAccount(.caseworker).email)
            #expect(mail.contains { $0.body.contains("/vantaa/newcomers/\(newcomer.id)") })
            // a day in the future is refused, and nothing is recorded
            let future = CalendarDay(Self.today)!.adding(days: 3).description
            let refused = try await browser.post(
                "/vantaa/referrals/\(referral.id)/participation?lang=en", [("day", future)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("cannot be in the future"))
            // today twice: one fee
            for _ in 0..<2 {
                #expect(
                    try await browser.post("/vantaa/referrals/\(referral.id)/participation", [("day", Self.today)])
                        .status == .seeOther)
            }
            let csv = try await browser.get("/vantaa/referrals/ledger.csv?from=\(Self.today)&through=\(Self.today)")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.body.split(separator: "\r\n").filter { $0.contains(newcomer.pseudonym) }
            #expect(lines.count == 1 && lines[0].contains("40.00"))
            // the caseworker's organisation reads no ledger
            try await browser.signIn(.caseworker)
            #expect(try await browser.get("/vantaa/referrals/ledger").status == .forbidden)
        }
    }

    @Test("the newcomer sees their referral with their code and withdraws it; a wrong code shows nothing")
    func newcomerWithdraws() async throws {
        try await TestApp.run { app, browser in
            let (_, referral) = try await Self.waitingReferral(app)
            let wrong = try await browser.post("/vantaa/my-referrals?lang=en", [("code", "ABCD-EFGH-JKLN")])
            #expect(wrong.status == .unprocessableContent)
            #expect(!wrong.body.contains("Language café in Tikkurila"))
            let mine = try await browser.post("/vantaa/my-referrals?lang=en", [("code", "abcd efgh jklm")])
            #expect(mine.status == .ok)
            #expect(mine.body.contains("Language café in Tikkurila"))
            #expect(mine.body.contains("has not answered yet"))
            let withdrawn = try await browser.post(
                "/vantaa/my-referrals/withdraw?lang=en",
                [("code", "ABCD-EFGH-JKLM"), ("referral", referral.id.description)])
            #expect(withdrawn.status == .ok)
            #expect(withdrawn.body.contains("You withdrew from this."))
            #expect(try await app.repositories.referrals.referral(id: referral.id)?.status == .withdrawn)
            let twice = try await browser.post(
                "/vantaa/my-referrals/withdraw?lang=en",
                [("code", "ABCD-EFGH-JKLM"), ("referral", referral.id.description)])
            #expect(twice.status == .unprocessableContent)
        }
    }

    @Test("a round tells nobody until the coordinator confirms it; then the referrals are sent")
    func roundIsReviewedFirst() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            let editor = TestApp.demoAccount(.organisationEditor).email
            let mailBefore = try await app.repositories.outbox.messages(to: editor).count
            let from = CalendarDay(Self.today)!.adding(days: -7).description
            let run = try await browser.post("/vantaa/matching-rounds", [("from", from), ("through", Self.today)])
            #expect(run.status == .seeOther)
            let round = try #require(try await app.repositories.referrals.rounds(city: app.vantaa.id).first)
            let proposals = try await app.repositories.referrals.referrals(
                ReferralFilter(city: app.vantaa.id, roundID: round.id))
            #expect(!proposals.isEmpty && proposals.allSatisfy { $0.status == .proposed })
            #expect(try await app.repositories.outbox.messages(to: editor).count == mailBefore)
            // a second round while this one waits is refused
            let second = try await browser.post(
                "/vantaa/matching-rounds?lang=en", [("from", from), ("through", Self.today)])
            #expect(second.status == .unprocessableContent)
            #expect(second.body.contains("still waiting for review"))
            // the host sees none of the proposals
            try await browser.signIn(.organisationEditor)
            let hosted = try await app.services.referralUseCases.hosted(
                actor: Actor(
                    person: try await Self.person(app, .organisationEditor),
                    roles: try await app.repositories.roles.roles(
                        of: try await Self.person(app, .organisationEditor).id)),
                city: app.vantaa.id)
            #expect(hosted.allSatisfy { $0.referral.roundID != round.id })
            try await browser.signIn(.coordinator)
            let review = try await browser.get("/vantaa/matching-rounds/\(round.id)?lang=en")
            #expect(review.status == .ok && review.body.contains("Nothing has been sent"))
            #expect(try await browser.post("/vantaa/matching-rounds/\(round.id)/confirm").status == .seeOther)
            let sent = try await app.repositories.referrals.referrals(
                ReferralFilter(city: app.vantaa.id, roundID: round.id))
            #expect(sent.allSatisfy { $0.status == .referred })
            let nicehearts = try await Self.organisation(app, "Nicehearts ry")
            #expect(
                try await app.repositories.outbox.messages(to: editor).count
                    == mailBefore + sent.filter { $0.hostOrganisationID == nicehearts.id }.count)
        }
    }

    @Test("monitoring hides counts under ten and is for coordinators only")
    func monitoring() async throws {
        try await TestApp.run { _, browser in
            try await browser.signIn(.coordinator)
            let page = try await browser.get("/vantaa/referrals/monitoring?lang=en")
            #expect(page.status == .ok)
            // the demo has fewer than ten referred newcomers: every count is hidden
            #expect(page.body.contains("hidden: fewer than 10 people"))
            #expect(!page.body.contains("<td>4</td>") && !page.body.contains("<td>3</td>"))
            try await browser.signIn(.caseworker)
            #expect(try await browser.get("/vantaa/referrals/monitoring").status == .forbidden)
        }
    }

    @Test("the host's fee ledger CSV writes an organisation name that looks like a formula with an apostrophe")
    func hostLedgerNeutralisesFormulas() async throws {
        try await TestApp.run { app, browser in
            // given
            let (newcomer, referral) = try await Self.waitingReferral(app)
            try await app.rename(organisation: "Nicehearts ry", to: TestApp.formula)
            try await browser.signIn(.organisationEditor)
            #expect(try await browser.post("/vantaa/referrals/\(referral.id)/accept").status == .seeOther)
            #expect(
                try await browser.post("/vantaa/referrals/\(referral.id)/participation", [("day", Self.today)])
                    .status == .seeOther)
            // when
            let csv = try await browser.get("/vantaa/referrals/ledger.csv?from=\(Self.today)&through=\(Self.today)")
            // then
            #expect(csv.status == .ok)
            let lines = csv.body.split(separator: "\r\n").filter { $0.contains(newcomer.pseudonym) }
            #expect(lines.count == 1)
            #expect(lines.first?.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",") == true)
            #expect(!csv.body.contains(",=") && !csv.body.contains(",\"="))
        }
    }
}
