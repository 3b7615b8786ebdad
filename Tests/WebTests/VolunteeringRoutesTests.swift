import Domain
import Foundation
import Hummingbird
import Testing

@testable import Web

@Suite("Volunteering: volunteers, organisations, trainers and the city")
struct VolunteeringRoutesTests {
    static func person(_ app: TestApp, _ role: RoleKind) async throws -> Person {
        try #require(try await app.repositories.persons.find(email: TestApp.demoAccount(role).email))
    }

    /// A demo opportunity by its Finnish title.
    static func opportunity(_ app: TestApp, _ finnish: String) async throws -> Opportunity {
        try #require(
            try await app.repositories.opportunities.opportunities(
                OpportunityQuery(city: app.vantaa.id, statuses: Set(Opportunity.Status.allCases))
            ).first { $0.title.text(in: .finnish) == finnish })
    }

    static func applications(_ app: TestApp, _ opportunity: Opportunity) async throws -> [VolunteerApplication] {
        try await app.repositories.volunteerApplications.applications(
            ApplicationFilter(city: app.vantaa.id, opportunities: [opportunity.id]))
    }

    static var today: CalendarDay { CalendarDay(Date(), in: TimeZone(identifier: "Europe/Helsinki")!) }

    @Test("anyone finds open opportunities with filters; closed ones are not listed")
    func publicListing() async throws {
        try await TestApp.run { _, browser in
            let page = try await browser.get("/vantaa/volunteering?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("Language café host"))
            #expect(!page.body.contains("Help with errands"))
            let arabic = try await browser.get("/vantaa/volunteering?lang=en&language=ar&without_training=yes")
            #expect(arabic.body.contains("Language café host"))
            #expect(!arabic.body.contains("Youth sports coach"))
            #expect(!arabic.body.contains("Neighbourhood evening organiser"))
            let found = try await browser.get("/vantaa/volunteering?lang=en&q=homework")
            #expect(found.body.contains("Homework club helper") && !found.body.contains("Language café host"))
            let wrong = try await browser.get("/vantaa/volunteering?lang=en&category=astronomy")
            #expect(wrong.status == .unprocessableContent)
            // someone not signed in learns how to start, rather than being sent away
            let start = try await browser.get("/vantaa/volunteer?lang=en")
            #expect(start.status == .ok)
            #expect(start.body.contains("/account/sign-in?next=/vantaa/volunteer"))
        }
    }

    @Test("a volunteer applies once, the organisation's editor is emailed; applying twice changes nothing")
    func volunteerApplies() async throws {
        try await TestApp.run { app, browser in
            // given a resident who makes a volunteer profile
            try await browser.signIn(.resident)
            #expect(
                try await browser.post("/vantaa/volunteer/profile", [("languages", "ar:native")]).status == .seeOther)
            let cafe = try await Self.opportunity(app, "Kielikahvilan vetäjä")
            let editor = try await Self.person(app, .organisationEditor)
            let before = try await Self.applications(app, cafe).count
            let mailBefore = try await app.repositories.outbox.messages(to: editor.email).count
            // when they apply to the Nicehearts café
            let page = try await browser.post(
                "/vantaa/opportunities/\(cafe.id)/apply?lang=en", [("message", "I can help on Tuesdays.")])
            // then the application is stored and Nicehearts' editor is emailed about it
            #expect(page.status == .seeOther)
            #expect(try await Self.applications(app, cafe).count == before + 1)
            let mail = try await app.repositories.outbox.messages(to: editor.email)
            #expect(mail.count == mailBefore + 1)
            #expect(mail.contains { $0.subject.contains("Kielikahvilan vetäjä") })
            // and applying again is refused with the reason, storing and sending nothing
            let again = try await browser.post("/vantaa/opportunities/\(cafe.id)/apply?lang=en")
            #expect(again.status == .unprocessableContent)
            #expect(again.body.contains("You have already applied to this opportunity."))
            #expect(try await Self.applications(app, cafe).count == before + 1)
            #expect(try await app.repositories.outbox.messages(to: editor.email).count == mailBefore + 1)
        }
    }

    @Test(
        "applying without the required training is refused with the training and its next session; a trainer's record opens it"
    )
    func trainingGate() async throws {
        try await TestApp.run { app, browser in
            // given a volunteer with a profile who holds no coaching training
            try await browser.signIn(.resident)
            let profile = try await browser.post(
                "/vantaa/volunteer/profile?lang=en", [("languages", "fi:native, ar:good"), ("availability", "6-1")])
            #expect(profile.status == .seeOther)
            let coach = try await Self.opportunity(app, "Nuorten liikuntaohjaaja")
            let before = try await Self.applications(app, coach).count
            // when they apply
            let refused = try await browser.post("/vantaa/opportunities/\(coach.id)/apply?lang=en")
            // then it is refused with the training named and when it is next given, and nothing is stored
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("This role needs trainings you have not completed yet"))
            #expect(refused.body.contains("Safe coaching"))
            #expect(refused.body.contains("next session"))
            #expect(try await Self.applications(app, coach).count == before)
            // a coordinator records the completion (R3's training: coordinators act for every organisation)
            let resident = try await Self.person(app, .resident)
            let training = try #require(coach.requiredTrainingIDs.first)
            let trainer = Browser(client: browser.client)
            try await trainer.signIn(.coordinator)
            let recorded = try await trainer.post(
                "/vantaa/trainings/\(training)/completions",
                [("email", resident.email), ("day", Self.today.description)])
            #expect(recorded.status == .seeOther)
            let future = try await trainer.post(
                "/vantaa/trainings/\(training)/completions",
                [("email", resident.email), ("day", Self.today.adding(days: 3).description)])
            #expect(future.status == .unprocessableContent)
            // and now applying works
            let applied = try await browser.post("/vantaa/opportunities/\(coach.id)/apply?lang=en")
            #expect(applied.status == .seeOther)
            #expect(try await Self.applications(app, coach).count == before + 1)
        }
    }

    @Test("an editor accepts up to the number wanted, then is refused; declining needs a reason")
    func editorDecides() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.organisationEditor)
            let cafe = try await Self.opportunity(app, "Kielikahvilan vetäjä")
            // the café wants 3: Amina is active, Leila accepted, Sara applied
            let sara = try #require(try await Self.applications(app, cafe).first { $0.status == .applied })
            let noReason = try await browser.post(
                "/vantaa/volunteering/applications/\(sara.id)/decide?lang=en", [("to", "declined")])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.body.contains("Give the reason."))
            let accepted = try await browser.post(
                "/vantaa/volunteering/applications/\(sara.id)/decide", [("to", "accepted")])
            #expect(accepted.status == .seeOther)
            let sarasMail = try await app.repositories.outbox.messages(to: "sara.lindqvist@demo.arrival.example")
            #expect(sarasMail.count == 1)
            // a fourth volunteer applies, and accepting them would pass the three wanted
            let volunteer = Browser(client: browser.client)
            try await volunteer.signIn(.coordinator)
            _ = try await volunteer.post("/vantaa/volunteer/profile", [("languages", "fi")])
            #expect(try await volunteer.post("/vantaa/opportunities/\(cafe.id)/apply").status == .seeOther)
            let fourth = try #require(try await Self.applications(app, cafe).first { $0.status == .applied })
            let full = try await browser.post(
                "/vantaa/volunteering/applications/\(fourth.id)/decide?lang=en", [("to", "accepted")])
            #expect(full.status == .unprocessableContent)
            #expect(full.body.contains("All the places this opportunity wants are taken."))
            #expect(try await app.repositories.volunteerApplications.application(id: fourth.id)?.status == .applied)
            // an editor of another organisation cannot decide it
            let homework = try await Self.opportunity(app, "Läksykerhon apuohjaaja")
            let other = try #require(try await Self.applications(app, homework).first)
            let foreign = try await browser.post(
                "/vantaa/volunteering/applications/\(other.id)/decide", [("to", "accepted")])
            #expect(foreign.status == .forbidden)
        }
    }

    @Test(
        "a volunteer logs hours; bad hours are refused and nothing is stored; the organisation corrects and exports them"
    )
    func hoursFlow() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.volunteer)
            let amina = try await Self.person(app, .volunteer)
            let cafe = try await Self.opportunity(app, "Kielikahvilan vetäjä")
            let engagement = try #require(
                try await Self.applications(app, cafe).first { $0.personID == amina.id && $0.status == .active })
            let path = "/vantaa/volunteer/applications/\(engagement.id)/hours?lang=en"
            let count = {
                try await app.repositories.hours.hours(HoursFilter(city: app.vantaa.id, persons: [amina.id]))
                    .count
            }
            let before = try await count()
            for (day, hours, message) in [
                (Self.today.adding(days: 1).description, "2", "The day cannot be in the future."),
                (Self.today.description, "-2", "The hours must be more than zero."),
                (Self.today.description, "25", "A day has at most 24 hours."),
                (Self.today.description, "lots", "Write the hours as 2, 1.5 or 1:30."),
            ] {
                let refused = try await browser.post(path, [("day", day), ("hours", hours)])
                #expect(refused.status == .unprocessableContent, "\(hours)")
                #expect(refused.body.contains(message), "\(message)")
            }
            #expect(try await count() == before)
            let logged = try await browser.post(path, [("day", Self.today.description), ("hours", "20")])
            #expect(logged.status == .seeOther)
            let tooMuch = try await browser.post(path, [("day", Self.today.description), ("hours", "5")])
            #expect(tooMuch.status == .unprocessableContent)
            #expect(tooMuch.body.contains("That would be more than 24 hours on one day."))
            #expect(try await count() == before + 1)
            // the editor approves it corrected to 3 hours
            let entry = try #require(
                try await app.repositories.hours.hours(HoursFilter(city: app.vantaa.id, persons: [amina.id]))
                    .first { $0.minutes == 1_200 })
            let editor = Browser(client: browser.client)
            try await editor.signIn(.organisationEditor)
            let approved = try await editor.post(
                "/vantaa/volunteering/hours/\(entry.id)/decide", [("decision", "approve"), ("hours", "3")])
            #expect(approved.status == .seeOther)
            let twice = try await editor.post(
                "/vantaa/volunteering/hours/\(entry.id)/decide", [("decision", "reject"), ("hours", "")])
            #expect(twice.status == .unprocessableContent)
            #expect(try await app.repositories.hours.hoursEntry(id: entry.id)?.countedMinutes == 180)
            // the CSV has the month's line with the demo's six café evenings plus the corrected entry
            let csv = try await editor.get(
                "/vantaa/volunteering/hours.csv?from=\(Self.today.adding(days: -60))&through=\(Self.today)")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.body.contains("Amina Volunteer"))
            #expect(csv.body.contains(",total,"))
            // the resident cannot approve hours
            let resident = Browser(client: browser.client)
            try await resident.signIn(.resident)
            let logged2 = try #require(
                try await app.repositories.hours.hours(
                    HoursFilter(city: app.vantaa.id, persons: [amina.id], statuses: [.logged])
                ).first)
            #expect(
                try await resident.post("/vantaa/volunteering/hours/\(logged2.id)/decide", [("decision", "approve")])
                    .status == .forbidden)
        }
    }

    @Test("an organisation reads a volunteer who applied to it, never their background; others are refused")
    func readingVolunteers() async throws {
        try await TestApp.run { app, browser in
            let amina = try await Self.person(app, .volunteer)
            try await browser.signIn(.organisationEditor)
            let page = try await browser.get("/vantaa/volunteers/\(amina.id)?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("Amina Volunteer") && page.body.contains("interpreting"))
            #expect(!page.body.contains("settled") && !page.body.contains("more than five years"))
            // Mikko applied only to the homework club, which is not the editor's organisation
            let mikko = try #require(
                try await app.repositories.persons.find(email: "mikko.virtanen@demo.arrival.example"))
            #expect(try await browser.get("/vantaa/volunteers/\(mikko.id)").status == .forbidden)
            let resident = Browser(client: browser.client)
            try await resident.signIn(.resident)
            #expect(try await resident.get("/vantaa/volunteers/\(amina.id)").status == .forbidden)
        }
    }

    @Test("a volunteer's certificate verifies by its code for anyone until withdrawn")
    func certificates() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.volunteer)
            let issued = try await browser.post("/vantaa/volunteer/certificates")
            #expect(issued.status == .seeOther)
            let location = try #require(issued.location)
            let amina = try await Self.person(app, .volunteer)
            let certificate = try #require(
                try await app.repositories.certificates.certificates(person: amina.id, city: app.vantaa.id).first)
            #expect(location.hasSuffix(certificate.code))
            #expect(certificate.totalMinutes == 6 * 150 + 240 + 300)
            let anyone = Browser(client: browser.client)
            let page = try await anyone.get("/vantaa/certificates?lang=en&code=\(certificate.code.lowercased())")
            #expect(page.status == .ok)
            #expect(page.body.contains("Amina Volunteer") && page.body.contains("Language café host"))
            #expect(page.body.contains("24:00"))
            let wrong = try await anyone.get("/vantaa/certificates?lang=en&code=AAAA-BBBB-CCCC")
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("No valid certificate has this code."))
            let revoked = try await browser.post("/vantaa/volunteer/certificates/\(certificate.id)/revoke")
            #expect(revoked.status == .seeOther)
            #expect(try await anyone.get("/vantaa/certificates/\(certificate.code)").status == .notFound)
        }
    }

    @Test("feedback is given once per engagement and shown to the organisation without the name when asked")
    func feedback() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.volunteer)
            let amina = try await Self.person(app, .volunteer)
            let cafe = try await Self.opportunity(app, "Kielikahvilan vetäjä")
            let engagement = try #require(
                try await Self.applications(app, cafe).first { $0.personID == amina.id })
            let path = "/vantaa/volunteer/applications/\(engagement.id)/feedback?lang=en"
            #expect(try await browser.get(path).status == .ok)
            let incomplete = try await browser.post(path, [("rating", "9")])
            #expect(incomplete.status == .unprocessableContent)
            let given = try await browser.post(
                path,
                [
                    ("rating", "4"), ("skills_fit", "partly"), ("change", "More Arabic speakers on Tuesdays"),
                    ("anonymous", "yes"),
                ])
            #expect(given.status == .seeOther)
            #expect(
                try await browser.post(path, [("rating", "4"), ("skills_fit", "yes")]).status == .unprocessableContent)
            let editor = Browser(client: browser.client)
            try await editor.signIn(.organisationEditor)
            let desk = try await editor.get("/vantaa/volunteering/manage?lang=en")
            #expect(desk.body.contains("More Arabic speakers on Tuesdays"))
            #expect(desk.body.contains("Anonymous"))
            let stored = try await app.repositories.volunteerFeedback.feedback(city: app.vantaa.id, organisations: nil)
            #expect(stored.contains { $0.change == "More Arabic speakers on Tuesdays" && $0.personID == nil })
        }
    }

    @Test("housekeeping suspends an engagement whose required training expired and tells the volunteer")
    func expiredTrainingSuspends() async throws {
        try await TestApp.run { app, _ in
            // given a resident active as a welcome guide whose city training (valid two years) expired
            let resident = try await Self.person(app, .resident)
            let guide = try await Self.opportunity(app, "Tervetulo-opas uusille asukkaille")
            let trainingID = try #require(guide.requiredTrainingIDs.first)
            let training = try #require(try await app.repositories.trainings.training(id: trainingID))
            let completed = Self.today.adding(days: -800)
            try await app.repositories.trainings.record(
                TrainingCompletion(
                    trainingID: training.id, personID: resident.id, completedOn: completed,
                    expiresOn: training.expiry(completedOn: completed), recordedBy: nil, createdAt: Date()))
            let application = VolunteerApplication(
                cityID: app.vantaa.id, opportunityID: guide.id, organisationID: guide.organisationID,
                personID: resident.id, status: .active, startedOn: completed, createdAt: Date())
            #expect(try await app.repositories.volunteerApplications.apply(application, messages: []))
            let before = try await app.repositories.outbox.messages(to: resident.email).count
            // when housekeeping runs
            let housekeeping = Housekeeping(
                services: app.services, config: TestApp.config, logger: .init(label: "test"))
            let suspended = try await housekeeping.runOnce()
            // then only that engagement is suspended, with the training as the reason, and the resident is told
            #expect(suspended == 1)
            let now = try #require(try await app.repositories.volunteerApplications.application(id: application.id))
            #expect(now.status == .suspended && now.reason.contains("Pakolaisten"))
            #expect(try await app.repositories.outbox.messages(to: resident.email).count == before + 1)
            // the demo volunteer, whose training is valid, stays active, and a second run changes nothing
            #expect(try await housekeeping.runOnce() == 0)
        }
    }

    @Test("ideas come from anyone; only coordinators read and assess them, rejecting with reasons")
    func ideas() async throws {
        try await TestApp.run { app, browser in
            let sent = try await browser.post(
                "/vantaa/volunteering/ideas?lang=en",
                [("text", "Reading buddies for children at Tikkurila library"), ("area", "")])
            #expect(sent.status == .seeOther)
            let short = try await browser.post("/vantaa/volunteering/ideas?lang=en", [("text", "bikes")])
            #expect(short.status == .unprocessableContent)
            let idea = try #require(
                try await app.repositories.volunteeringIdeas.ideas(city: app.vantaa.id).first {
                    $0.text.contains("Reading buddies")
                })
            #expect(idea.authorID == nil)
            try await browser.signIn(.resident)
            #expect(!(try await browser.get("/vantaa/volunteering/ideas?lang=en").body.contains("Reading buddies")))
            #expect(
                try await browser.post("/vantaa/volunteering/ideas/\(idea.id)/assess", [("status", "accepted")]).status
                    == .forbidden)
            let coordinator = Browser(client: browser.client)
            try await coordinator.signIn(.coordinator)
            #expect(try await coordinator.get("/vantaa/volunteering/ideas?lang=en").body.contains("Reading buddies"))
            let noReason = try await coordinator.post(
                "/vantaa/volunteering/ideas/\(idea.id)/assess", [("status", "rejected"), ("assessment", "")])
            #expect(noReason.status == .unprocessableContent)
            let assessed = try await coordinator.post(
                "/vantaa/volunteering/ideas/\(idea.id)/assess",
                [("status", "accepted"), ("assessment", "The library will host it from March.")])
            #expect(assessed.status == .seeOther)
            #expect(try await app.repositories.volunteeringIdeas.idea(id: idea.id)?.status == .accepted)
        }
    }

    @Test("coordinators give awards with the volunteer's consent; the recognition page is public")
    func awards() async throws {
        try await TestApp.run { app, browser in
            let fields = [
                ("recipient_name", "Leila Hassan"), ("recipient_email", "leila.hassan@demo.arrival.example"),
                ("title_fi", "Vuoden tulokas 2026"), ("awarded_on", Self.today.description),
            ]
            try await browser.signIn(.organisationEditor)
            #expect(
                try await browser.post("/vantaa/recognition/awards", fields + [("consent", "yes")]).status == .forbidden
            )
            let coordinator = Browser(client: browser.client)
            try await coordinator.signIn(.coordinator)
            let noConsent = try await coordinator.post("/vantaa/recognition/awards?lang=en", fields)
            #expect(noConsent.status == .unprocessableContent)
            #expect(try await app.repositories.awards.awards(city: app.vantaa.id).count == 1)
            #expect(
                try await coordinator.post("/vantaa/recognition/awards", fields + [("consent", "yes")]).status
                    == .seeOther)
            let page = try await Browser(client: browser.client).get("/vantaa/recognition?lang=fi")
            #expect(page.body.contains("Vuoden tulokas 2026") && page.body.contains("Sara Lindqvist"))
        }
    }

    @Test("the page and the API read the same filters and find the same opportunities")
    func pageAndAPIShareFilters() async throws {
        try await TestApp.run { _, browser in
            let filters = "language=ar&without_training=yes"
            let page = try await browser.get("/vantaa/volunteering?lang=en&\(filters)")
            let api = try OrganisationsAPITests.json(
                try await browser.get("/api/v1/cities/vantaa/opportunities?lang=en&\(filters)"))
            let titles = Set((api["items"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String })
            #expect(titles.contains("Language café host") && !titles.contains("Youth sports coach"))
            #expect(titles.allSatisfy { page.body.contains($0) })
            #expect(!titles.contains("Neighbourhood evening organiser"))
            let wrong = try await browser.get("/api/v1/cities/vantaa/opportunities?category=astronomy")
            #expect(wrong.status == .unprocessableContent && wrong.body.contains("directory.errors.category.unknown"))
        }
    }

    @Test("the API lists open opportunities; engagements name only volunteers who agreed and need a role")
    func api() async throws {
        try await TestApp.run { app, browser in
            let list = try await browser.get("/api/v1/cities/vantaa/opportunities?lang=en&language=so")
            #expect(list.status == .ok)
            #expect(list.body.contains("Homework club helper") && !list.body.contains("Language café host"))
            #expect(try await browser.get("/api/v1/cities/vantaa/volunteering/engagements").status == .forbidden)
            try await browser.signIn(.organisationEditor)
            let engagements = try await browser.get("/api/v1/cities/vantaa/volunteering/engagements")
            #expect(engagements.status == .ok)
            // Amina shares her engagement; Leila did not agree, so a pseudonym stands in
            #expect(engagements.body.contains("Amina Volunteer"))
            let leila = try #require(
                try await app.repositories.persons.find(email: "leila.hassan@demo.arrival.example"))
            #expect(engagements.body.contains(VolunteerProfile.pseudonym(leila.id)))
            #expect(!engagements.body.contains("Leila"))
            let document = try await browser.get("/api/v1/openapi.json")
            #expect(document.body.contains(#""operationId":"listEngagements""#))
        }
    }

    @Test("only coordinators see the monitoring, and the demo's six volunteers are all hidden")
    func monitoring() async throws {
        try await TestApp.run { _, browser in
            try await browser.signIn(.organisationEditor)
            #expect(try await browser.get("/vantaa/volunteering/monitoring").status == .forbidden)
            let coordinator = Browser(client: browser.client)
            try await coordinator.signIn(.coordinator)
            let page = try await coordinator.get("/vantaa/volunteering/monitoring?lang=en")
            #expect(page.status == .ok)
            #expect(page.body.contains("By background") && page.body.contains("Safe coaching"))
            // six volunteers: every count is under ten, so none is shown as a number
            #expect(!page.body.contains(#"<td>6</td>"#))
            #expect(page.body.contains("–"))
        }
    }

    @Test("a volunteer takes their data away and erases it")
    func dataRights() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.volunteer)
            let amina = try await Self.person(app, .volunteer)
            let export = try await browser.get("/vantaa/volunteer/export.json")
            #expect(export.status == .ok)
            #expect(export.body.contains(#""background":"settled_migrant""#))
            let unconfirmed = try await browser.post("/vantaa/volunteer/erase")
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(try await app.repositories.volunteerProfiles.profile(person: amina.id, city: app.vantaa.id) != nil)
            let erased = try await browser.post("/vantaa/volunteer/erase", [("confirm", "yes")])
            #expect(erased.status == .seeOther)
            #expect(try await app.repositories.volunteerProfiles.profile(person: amina.id, city: app.vantaa.id) == nil)
            #expect(
                try await app.repositories.volunteerApplications.applications(
                    ApplicationFilter(city: app.vantaa.id, persons: [amina.id])
                ).isEmpty)
        }
    }

    @Test("an organisation's volunteer hours CSV writes a name that looks like a formula with an apostrophe")
    func editorHoursCSVNeutralisesFormulas() async throws {
        try await TestApp.run { app, browser in
            // given
            try await app.rename(organisation: "Nicehearts ry", to: TestApp.formula)
            try await browser.signIn(.organisationEditor)
            // when
            let csv = try await browser.get(
                "/vantaa/volunteering/hours.csv?from=\(Self.today.adding(days: -60))&through=\(Self.today)")
            // then
            #expect(csv.status == .ok)
            #expect(csv.body.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,total,"))
            #expect(!csv.body.contains(",=") && !csv.body.contains(",\"="))
        }
    }
}
