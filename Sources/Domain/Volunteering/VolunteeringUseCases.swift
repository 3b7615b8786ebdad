import Foundation

/// The volunteer's side of volunteering: their private profile, ranked suggestions, applying (refused until
/// required trainings are held), withdrawing, logging hours, feedback, certificates, and their data to take away
/// or erase. The organisations' and the city's side is in `VolunteerManagementUseCases`.
public struct VolunteeringUseCases: Sendable {
    var volunteerProfiles: any VolunteerProfileRepository
    var trainings: any TrainingRepository
    var opportunities: any OpportunityRepository
    var volunteerApplications: any VolunteerApplicationRepository
    var hours: any HoursRepository
    var certificates: any CertificateRepository
    var awards: any AwardRepository
    var volunteerFeedback: any VolunteerFeedbackRepository
    var volunteeringIdeas: any VolunteeringIdeaRepository
    var activities: any ActivityRepository
    var areas: any AreaRepository
    var organisations: any OrganisationRepository
    var roles: any RoleRepository
    var persons: any PersonRepository
    public var now: @Sendable () -> Date

    public init(
        volunteerProfiles: any VolunteerProfileRepository, trainings: any TrainingRepository,
        opportunities: any OpportunityRepository, volunteerApplications: any VolunteerApplicationRepository,
        hours: any HoursRepository, certificates: any CertificateRepository, awards: any AwardRepository,
        volunteerFeedback: any VolunteerFeedbackRepository, volunteeringIdeas: any VolunteeringIdeaRepository,
        activities: any ActivityRepository, areas: any AreaRepository, organisations: any OrganisationRepository,
        roles: any RoleRepository, persons: any PersonRepository, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.volunteerProfiles = volunteerProfiles
        self.trainings = trainings
        self.opportunities = opportunities
        self.volunteerApplications = volunteerApplications
        self.hours = hours
        self.certificates = certificates
        self.awards = awards
        self.volunteerFeedback = volunteerFeedback
        self.volunteeringIdeas = volunteeringIdeas
        self.activities = activities
        self.areas = areas
        self.organisations = organisations
        self.roles = roles
        self.persons = persons
        self.now = now
    }

    /// What a message is about; the web layer writes it in the recipient's language.
    public enum NoticeKind: Hashable, Sendable {
        /// To the organisation's editors.
        case applied
        case withdrawn
        /// To the volunteer, after the organisation moved their application.
        case moved(VolunteerApplication.Status, reason: String)
    }

    /// Writes a message about an application to an opportunity, in a language.
    public typealias Notice =
        @Sendable (NoticeKind, VolunteerApplication, Opportunity, LanguageCode) -> (subject: String, body: String)

    /// Applying was refused because required trainings are not held; each comes with its next session, if known.
    public struct TrainingsMissing: Error, Hashable, Sendable {
        public var trainings: [Training]
    }

    // MARK: Profile

    public func profile(actor: Actor?, city: CityID) async throws -> VolunteerProfile? {
        guard let actor else { throw NotPermitted() }
        return try await volunteerProfiles.profile(person: actor.person.id, city: city)
    }

    /// Creates or changes the actor's profile; the first one makes them a volunteer in the city.
    @discardableResult
    public func saveProfile(actor: Actor?, city: CityID, input: VolunteerProfileInput) async throws
        -> VolunteerProfile
    {
        guard let actor else { throw NotPermitted() }
        var profile =
            try await volunteerProfiles.profile(person: actor.person.id, city: city)
            ?? VolunteerProfile(cityID: city, personID: actor.person.id, createdAt: now())
        let categories = try await activities.categories(city: city)
        let areas = try await areas.list(city: city)
        try input.apply(
            to: &profile, categoriesByCode: Dictionary(categories.map { ($0.code, $0.id) }) { first, _ in first },
            areasByCode: Dictionary(areas.map { ($0.code, $0.id) }) { first, _ in first }, now: now())
        try await volunteerProfiles.save(profile)
        if !actor.holds(.volunteer, in: city) {
            try await roles.grant(
                RoleAssignment(
                    personID: actor.person.id, kind: .volunteer, cityID: city, grantedBy: actor.person.id,
                    grantedAt: now()))
        }
        return profile
    }

    // MARK: Opportunities

    /// Opportunities open to everyone, filtered.
    public func opportunities(_ query: OpportunityQuery) async throws -> [Opportunity] {
        var query = query
        query.statuses = [.open]
        query.organisations = nil
        return try await opportunities.opportunities(query)
    }

    /// One opportunity: open ones for everyone, closed ones for those who manage its organisation.
    public func opportunity(actor: Actor?, city: CityID, id: OpportunityID) async throws -> Opportunity {
        guard let opportunity = try await opportunities.opportunity(id: id), opportunity.cityID == city else {
            throw NotFound()
        }
        guard
            opportunity.status == .open
                || Authorization.allows(actor, .editOrganisation(city, opportunity.organisationID))
        else { throw NotFound() }
        return opportunity
    }

    /// Open opportunities ranked for the actor, leaving out those they already applied to.
    public func suggestions(actor: Actor?, city: CityID, limit: Int = 10) async throws -> [OpportunitySuggestion] {
        guard let actor, let profile = try await volunteerProfiles.profile(person: actor.person.id, city: city) else {
            return []
        }
        let open = try await volunteerApplications.applications(
            ApplicationFilter(city: city, persons: [actor.person.id], statuses: [.applied, .accepted, .active]))
        return OpportunityRanking.suggestions(
            for: profile, trainingsHeld: try await trainingsHeld(actor.person.id, city: city),
            among: try await opportunities.opportunities(OpportunityQuery(city: city)),
            excluding: Set(open.map(\.opportunityID)), limit: limit)
    }

    /// The trainings a person holds today.
    public func trainingsHeld(_ person: PersonID, city: CityID) async throws -> Set<TrainingID> {
        TrainingCompletion.valid(
            try await trainings.completions(city: city, persons: [person], training: nil), on: today())
    }

    // MARK: Applications

    /// Applies to an open opportunity. Refused without a profile, with `TrainingsMissing` until every required
    /// training is held, and when an application is already open; the organisation's editors are told.
    @discardableResult
    public func apply(actor: Actor?, city: City, opportunity id: OpportunityID, message: String, notice: Notice)
        async throws -> VolunteerApplication
    {
        guard let actor else { throw NotPermitted() }
        let opportunity = try await opportunity(actor: actor, city: city.id, id: id)
        guard opportunity.status == .open else {
            throw ValidationErrors(["opportunity": ["volunteering.errors.opportunity.closed"]])
        }
        guard try await volunteerProfiles.profile(person: actor.person.id, city: city.id) != nil else {
            throw ValidationErrors(["opportunity": ["volunteering.errors.profile.missing"]])
        }
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard message.count <= 2_000 else { throw ValidationErrors(["message": ["common.errors.too_long"]]) }
        let held = try await trainingsHeld(actor.person.id, city: city.id)
        let missing = opportunity.requiredTrainingIDs.filter { !held.contains($0) }
        if !missing.isEmpty {
            var needed: [Training] = []
            for id in missing {
                if let training = try await trainings.training(id: id) { needed.append(training) }
            }
            throw TrainingsMissing(trainings: needed)
        }
        let application = VolunteerApplication(
            cityID: city.id, opportunityID: opportunity.id, organisationID: opportunity.organisationID,
            personID: actor.person.id, message: message, createdAt: now())
        let messages = try await messagesToOrganisation(application, opportunity, .applied, city: city, notice)
        guard try await volunteerApplications.apply(application, messages: messages) else {
            throw ValidationErrors(["opportunity": ["volunteering.errors.application.twice"]])
        }
        return application
    }

    /// The actor's applications in the city, newest first, with their opportunities.
    public func myApplications(actor: Actor?, city: CityID) async throws -> [(VolunteerApplication, Opportunity?)] {
        guard let actor else { throw NotPermitted() }
        let list = try await volunteerApplications.applications(
            ApplicationFilter(city: city, persons: [actor.person.id]))
        return try await withOpportunities(list.sorted { $0.createdAt > $1.createdAt })
    }

    /// The volunteer withdraws an open application or engagement; the organisation's editors are told.
    public func withdraw(actor: Actor?, city: City, application id: VolunteerApplicationID, notice: Notice)
        async throws
    {
        let application = try await own(actor, city: city.id, id)
        guard let opportunity = try await opportunities.opportunity(id: application.opportunityID) else {
            throw NotFound()
        }
        let messages = try await messagesToOrganisation(application, opportunity, .withdrawn, city: city, notice)
        let outcome = try await volunteerApplications.move(
            id, from: [.applied, .accepted, .active, .suspended], to: .withdrawn, reason: "", day: today(city),
            wanted: nil, at: now(), messages: messages)
        guard outcome == .moved else {
            throw ValidationErrors(["application": ["volunteering.errors.application.closed"]])
        }
    }

    // MARK: Hours

    /// Logs the actor's hours for an active (or completed) engagement: not in the future, more than nothing, and
    /// no more than 24 hours a day across all their engagements.
    @discardableResult
    public func logHours(actor: Actor?, city: City, application id: VolunteerApplicationID, input: HoursInput)
        async throws -> HoursEntry
    {
        let application = try await own(actor, city: city.id, id)
        guard application.status.takesHours else {
            throw ValidationErrors(["hours": ["volunteering.errors.hours.not_active"]])
        }
        let claimed = try await hours.hours(
            HoursFilter(city: city.id, persons: [application.personID], statuses: [.logged, .approved]))
        let checked = try input.validate(today: today(city)) { day in
            claimed.filter { $0.day == day }.reduce(0) { $0 + $1.claimedMinutes }
        }
        let entry = HoursEntry(
            cityID: city.id, applicationID: application.id, organisationID: application.organisationID,
            personID: application.personID, day: checked.day, minutes: checked.minutes, note: checked.note,
            createdAt: now())
        guard try await hours.log(entry) else {
            throw ValidationErrors(["hours": ["volunteering.errors.hours.day_full"]])
        }
        return entry
    }

    /// The actor's hours in the city, newest day first.
    public func myHours(actor: Actor?, city: CityID) async throws -> [HoursEntry] {
        guard let actor else { throw NotPermitted() }
        return try await hours.hours(HoursFilter(city: city, persons: [actor.person.id]))
            .sorted { ($0.day, $0.createdAt) > ($1.day, $1.createdAt) }
    }

    // MARK: Feedback and ideas

    /// The volunteer's view of a completed or withdrawn-after-work engagement; once per engagement.
    public func giveFeedback(actor: Actor?, city: CityID, application id: VolunteerApplicationID, input: FeedbackInput)
        async throws
    {
        let application = try await own(actor, city: city, id)
        guard application.status == .completed || application.status == .active else {
            throw ValidationErrors(["application": ["volunteering.errors.feedback.not_yet"]])
        }
        let feedback = try input.feedback(for: application, now: now())
        guard try await volunteerFeedback.save(feedback) else {
            throw ValidationErrors(["application": ["volunteering.errors.feedback.twice"]])
        }
    }

    /// An idea for new volunteering, from anyone (signed in or not).
    @discardableResult
    public func submitIdea(actor: Actor?, city: CityID, text: String, area: String) async throws -> VolunteeringIdea {
        let areas = try await areas.list(city: city)
        let checked = try VolunteeringIdea.validated(
            text: text, area: area, areasByCode: Dictionary(areas.map { ($0.code, $0.id) }) { first, _ in first })
        let idea = VolunteeringIdea(
            cityID: city, authorID: actor?.person.id, text: checked.text, areaID: checked.area, createdAt: now())
        try await volunteeringIdeas.save(idea)
        return idea
    }

    // MARK: Recognition

    /// Issues a certificate of the actor's engagements (with approved hours) and held trainings, frozen as of
    /// today, with a code anyone can check.
    public func issueCertificate(actor: Actor?, city: City) async throws -> Certificate {
        guard let actor else { throw NotPermitted() }
        let applications = try await volunteerApplications.applications(
            ApplicationFilter(
                city: city.id, persons: [actor.person.id], statuses: [.active, .suspended, .completed, .withdrawn]))
        var minutesByApplication: [VolunteerApplicationID: Int] = [:]
        for entry in try await hours.hours(
            HoursFilter(city: city.id, persons: [actor.person.id], statuses: [.approved]))
        {
            minutesByApplication[entry.applicationID, default: 0] += entry.countedMinutes
        }
        var engagements: [Certificate.Engagement] = []
        for (application, opportunity) in try await withOpportunities(applications) {
            guard let opportunity, application.startedOn != nil || minutesByApplication[application.id] != nil,
                let organisation = try await organisations.find(id: application.organisationID)
            else { continue }
            engagements.append(
                Certificate.Engagement(
                    organisation: organisation.name, role: opportunity.title, from: application.startedOn,
                    through: application.endedOn, minutes: minutesByApplication[application.id] ?? 0))
        }
        guard !engagements.isEmpty else {
            throw ValidationErrors(["certificate": ["volunteering.errors.certificate.empty"]])
        }
        var held: [Certificate.TrainingRecord] = []
        for completion in try await trainings.completions(city: city.id, persons: [actor.person.id], training: nil) {
            if let training = try await trainings.training(id: completion.trainingID) {
                held.append(Certificate.TrainingRecord(title: training.title, completedOn: completion.completedOn))
            }
        }
        let certificate = Certificate(
            cityID: city.id, personID: actor.person.id, holderName: actor.person.displayName, issuedOn: today(city),
            engagements: engagements.sorted { ($0.from ?? today(city)) < ($1.from ?? today(city)) },
            trainings: held.sorted { $0.completedOn < $1.completedOn })
        try await certificates.save(certificate)
        return certificate
    }

    /// The certificate a code belongs to in the city, for anyone to check; `nil` for a wrong or withdrawn code.
    public func verify(city: CityID, code typed: String) async throws -> Certificate? {
        guard let code = ReadableCode.normalised(typed),
            let certificate = try await certificates.certificate(code: code), certificate.cityID == city,
            certificate.revokedAt == nil
        else { return nil }
        return certificate
    }

    public func myCertificates(actor: Actor?, city: CityID) async throws -> [Certificate] {
        guard let actor else { throw NotPermitted() }
        return try await certificates.certificates(person: actor.person.id, city: city)
    }

    /// The holder withdraws a certificate: its code stops verifying.
    public func revokeCertificate(actor: Actor?, city: CityID, id: CertificateID) async throws {
        guard let actor else { throw NotPermitted() }
        guard try await certificates.certificates(person: actor.person.id, city: city).contains(where: { $0.id == id })
        else { throw NotFound() }
        try await certificates.revoke(id, at: now())
    }

    // MARK: Their data

    /// Everything the city holds about the actor's volunteering, to take away.
    public struct DataExport: Sendable {
        public var profile: VolunteerProfile?
        public var applications: [VolunteerApplication]
        public var hours: [HoursEntry]
        public var completions: [TrainingCompletion]
        public var certificates: [Certificate]
    }

    public func export(actor: Actor?, city: CityID) async throws -> DataExport {
        guard let actor else { throw NotPermitted() }
        let person = actor.person.id
        return DataExport(
            profile: try await volunteerProfiles.profile(person: person, city: city),
            applications: try await volunteerApplications.applications(
                ApplicationFilter(city: city, persons: [person])),
            hours: try await hours.hours(HoursFilter(city: city, persons: [person])),
            completions: try await trainings.completions(city: city, persons: [person], training: nil),
            certificates: try await certificates.certificates(person: person, city: city))
    }

    /// Erases the actor's volunteering in the city: profile, applications, hours and feedback; their
    /// certificates stop verifying.
    public func erase(actor: Actor?, city: CityID) async throws {
        guard let actor else { throw NotPermitted() }
        try await volunteerProfiles.erase(person: actor.person.id, city: city, at: now())
    }

    // MARK: Shared

    func today(_ city: City? = nil) -> CalendarDay {
        CalendarDay(now(), in: city.flatMap { TimeZone(identifier: $0.timeZone) } ?? TimeZone(identifier: "UTC")!)
    }

    /// One of the actor's own applications in the city.
    func own(_ actor: Actor?, city: CityID, _ id: VolunteerApplicationID) async throws -> VolunteerApplication {
        guard let actor else { throw NotPermitted() }
        guard let application = try await volunteerApplications.application(id: id), application.cityID == city else {
            throw NotFound()
        }
        guard application.personID == actor.person.id else { throw NotPermitted() }
        return application
    }

    func withOpportunities(_ list: [VolunteerApplication]) async throws -> [(VolunteerApplication, Opportunity?)] {
        var found: [OpportunityID: Opportunity] = [:]
        for id in Set(list.map(\.opportunityID)) { found[id] = try await opportunities.opportunity(id: id) }
        return list.map { ($0, found[$0.opportunityID]) }
    }

    /// One message to each editor of the application's organisation, in their own language.
    func messagesToOrganisation(
        _ application: VolunteerApplication, _ opportunity: Opportunity, _ kind: NoticeKind, city: City,
        _ notice: Notice
    ) async throws -> [OutboxMessage] {
        let editors = try await roles.list(city: city.id).filter {
            $0.0.kind == .organisationEditor && $0.0.organisationID == application.organisationID
        }.map(\.1)
        return Dictionary(editors.map { ($0.email, $0) }) { first, _ in first }.values
            .sorted { $0.email < $1.email }
            .map { person in
                let text = notice(kind, application, opportunity, person.preferredLanguage)
                return OutboxMessage(recipient: person.email, subject: text.subject, body: text.body, createdAt: now())
            }
    }
}

/// The city's open opportunities a search finds, with the categories and areas its codes name.
public struct OpportunitySearchResult: Sendable {
    public var opportunities: [Opportunity]
    public var categories: [Category]
    public var areas: [Area]
    /// The fields whose codes name nothing; no search is made then.
    public var errors: ValidationErrors
}

/// Reads that pages and the API make beside the use cases above, so that they never reach a repository.
extension VolunteeringUseCases {
    /// Searches the city's open opportunities as the page and the API both do.
    public func search(city: CityID, input: OpportunitySearchInput) async throws -> OpportunitySearchResult {
        let categories = try await activities.categories(city: city)
        let areas = try await areas.list(city: city)
        switch input.query(city: city, categories: categories, areas: areas) {
        case .success(let query):
            return .init(
                opportunities: try await opportunities(query), categories: categories, areas: areas, errors: .init())
        case .failure(let errors):
            return .init(opportunities: [], categories: categories, areas: areas, errors: errors)
        }
    }

    /// The city's trainings.
    public func trainings(city: CityID) async throws -> [Training] {
        try await trainings.trainings(city: city)
    }

    /// One training, of any city.
    public func training(id: TrainingID) async throws -> Training? {
        try await trainings.training(id: id)
    }

    /// One training of the city, or `NotFound`.
    public func training(city: CityID, id: TrainingID) async throws -> Training {
        guard let training = try await trainings.training(id: id), training.cityID == city else { throw NotFound() }
        return training
    }

    /// Recorded completions of trainings in the city, for some persons or all, of one training or all.
    public func completions(city: CityID, persons: Set<PersonID>?, training: TrainingID?) async throws
        -> [TrainingCompletion]
    {
        try await trainings.completions(city: city, persons: persons, training: training)
    }

    /// Which of these applications their volunteer gave feedback on.
    public func feedbackGiven(applications: Set<VolunteerApplicationID>) async throws -> Set<VolunteerApplicationID> {
        try await volunteerFeedback.feedbackGiven(applications: applications)
    }

    /// The volunteer profiles in the city, of some persons or all.
    public func profiles(city: CityID, persons: Set<PersonID>?) async throws -> [VolunteerProfile] {
        try await volunteerProfiles.profiles(city: city, persons: persons)
    }

    /// One person's volunteer profile in the city.
    public func profile(person: PersonID, city: CityID) async throws -> VolunteerProfile? {
        try await volunteerProfiles.profile(person: person, city: city)
    }

    /// The applications a filter selects.
    public func applications(_ filter: ApplicationFilter) async throws -> [VolunteerApplication] {
        try await volunteerApplications.applications(filter)
    }

    /// The city's awards.
    public func awards(city: CityID) async throws -> [Award] {
        try await awards.awards(city: city)
    }
}
