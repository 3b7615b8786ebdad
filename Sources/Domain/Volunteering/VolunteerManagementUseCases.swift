import Foundation

/// The organisations' and the city's side of volunteering: opportunities, deciding applications, approving hours,
/// trainings and their completions, reading a volunteer they work with, awards, feedback and ideas.
///
/// Organisation editors act for their organisations, coordinators for every organisation and for the city. A
/// volunteer's profile is read only by an organisation they applied to.
public struct VolunteerManagementUseCases: Sendable {
    public var base: VolunteeringUseCases
    var now: @Sendable () -> Date { base.now }

    public init(base: VolunteeringUseCases) {
        self.base = base
    }

    /// The organisations the actor manages volunteering for in the city: all of them for coordinators.
    public func managed(actor: Actor?, city: CityID) async throws -> Set<OrganisationID> {
        guard let actor else { return [] }
        if Authorization.allows(actor, .coordinate(city)) {
            return Set(try await base.organisations.list(city: city).map(\.id))
        }
        return Set(
            actor.roles.filter { $0.kind == .organisationEditor && $0.cityID == city }.compactMap(\.organisationID))
    }

    // MARK: Opportunities

    public func choices(actor: Actor?, city: CityID, places: [PlaceID]) async throws -> OpportunityInput.Choices {
        let categories = try await base.activities.categories(city: city)
        let areas = try await base.areas.list(city: city)
        return OpportunityInput.Choices(
            organisations: try await managed(actor: actor, city: city),
            categoriesByCode: Dictionary(categories.map { ($0.code, $0.id) }) { first, _ in first },
            areasByCode: Dictionary(areas.map { ($0.code, $0.id) }) { first, _ in first }, places: Set(places),
            trainings: Set(try await base.trainings.trainings(city: city).map(\.id)))
    }

    @discardableResult
    public func createOpportunity(actor: Actor?, city: City, input: OpportunityInput, places: [PlaceID])
        async throws -> Opportunity
    {
        let choices = try await choices(actor: actor, city: city.id, places: places)
        guard !choices.organisations.isEmpty else { throw NotPermitted() }
        var opportunity = Opportunity(
            cityID: city.id, organisationID: choices.organisations.first!, title: LocalizedText(), createdAt: now())
        try input.apply(to: &opportunity, choices: choices, original: city.defaultLanguage, now: now())
        try await base.opportunities.save(opportunity)
        return opportunity
    }

    @discardableResult
    public func updateOpportunity(
        actor: Actor?, city: City, id: OpportunityID, input: OpportunityInput, places: [PlaceID]
    ) async throws -> Opportunity {
        var opportunity = try await managedOpportunity(actor: actor, city: city.id, id: id)
        let choices = try await choices(actor: actor, city: city.id, places: places)
        try input.apply(to: &opportunity, choices: choices, original: city.defaultLanguage, now: now())
        try await base.opportunities.save(opportunity)
        return opportunity
    }

    public func managedOpportunity(actor: Actor?, city: CityID, id: OpportunityID) async throws -> Opportunity {
        guard let opportunity = try await base.opportunities.opportunity(id: id), opportunity.cityID == city else {
            throw NotFound()
        }
        guard try await managed(actor: actor, city: city).contains(opportunity.organisationID) else {
            throw NotPermitted()
        }
        return opportunity
    }

    // MARK: Applications

    /// The applications to the actor's organisations, newest first, with their opportunities.
    public func applications(actor: Actor?, city: CityID) async throws -> [(VolunteerApplication, Opportunity?)] {
        let managed = try await managed(actor: actor, city: city)
        guard !managed.isEmpty else { throw NotPermitted() }
        let list = try await base.volunteerApplications.applications(
            ApplicationFilter(city: city, organisations: managed))
        return try await base.withOpportunities(list.sorted { $0.createdAt > $1.createdAt })
    }

    /// Moves an application to `to` (accept, decline with a reason, start, complete, suspend); accepting beyond
    /// the number wanted is refused. The volunteer is told.
    public func decide(
        actor: Actor?, city: City, application id: VolunteerApplicationID, to: VolunteerApplication.Status,
        reason: String, notice: VolunteeringUseCases.Notice
    ) async throws {
        guard let application = try await base.volunteerApplications.application(id: id), application.cityID == city.id
        else {
            throw NotFound()
        }
        guard try await managed(actor: actor, city: city.id).contains(application.organisationID) else {
            throw NotPermitted()
        }
        guard let opportunity = try await base.opportunities.opportunity(id: application.opportunityID) else {
            throw NotFound()
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = ValidationErrors()
        errors.require(
            to != .declined || !reason.isEmpty, "volunteering.errors.reason.missing", field: "reason")
        errors.require(reason.count <= 1_000, "common.errors.too_long", field: "reason")
        try errors.throwIfAny()
        let from = Set(VolunteerApplication.Status.allCases.filter { $0.organisationMoves.contains(to) })
        guard !from.isEmpty else { throw NotFound() }
        let messages = try await messageToVolunteer(application, opportunity, to, reason: reason, notice)
        switch try await base.volunteerApplications.move(
            id, from: from, to: to, reason: reason, day: base.today(city),
            wanted: to.holdsPlace ? opportunity.wanted : nil, at: now(), messages: messages)
        {
        case .moved: return
        case .stale: throw ValidationErrors(["application": ["volunteering.errors.application.decided"]])
        case .full: throw ValidationErrors(["application": ["volunteering.errors.application.full"]])
        }
    }

    /// A volunteer's profile, for an organisation they applied to; anyone else is refused.
    public func volunteer(actor: Actor?, city: CityID, person: PersonID) async throws -> (
        Person, VolunteerProfile?, [(VolunteerApplication, Opportunity?)]
    ) {
        let managed = try await managed(actor: actor, city: city)
        let applications = try await base.volunteerApplications.applications(
            ApplicationFilter(city: city, organisations: managed, persons: [person]))
        guard !managed.isEmpty, !applications.isEmpty else { throw NotPermitted() }
        guard let found = try await base.persons.find(id: person) else { throw NotFound() }
        return (
            found, try await base.volunteerProfiles.profile(person: person, city: city),
            try await base.withOpportunities(applications)
        )
    }

    // MARK: Hours

    /// Hours logged for the actor's organisations in a period, oldest first.
    public func hours(actor: Actor?, city: CityID, from: CalendarDay? = nil, through: CalendarDay? = nil)
        async throws -> [HoursEntry]
    {
        let managed = try await managed(actor: actor, city: city)
        guard !managed.isEmpty else { throw NotPermitted() }
        return try await base.hours.hours(
            HoursFilter(city: city, organisations: managed, from: from, through: through)
        ).sorted { ($0.day, $0.createdAt) < ($1.day, $1.createdAt) }
    }

    /// Approves a logged entry as it is or corrected (`hours` empty keeps the volunteer's figure), or rejects it.
    public func decideHours(actor: Actor?, city: CityID, entry id: HoursEntryID, approve: Bool, hours: String)
        async throws
    {
        guard let actor, let entry = try await base.hours.hoursEntry(id: id), entry.cityID == city else {
            throw NotFound()
        }
        guard try await managed(actor: actor, city: city).contains(entry.organisationID) else { throw NotPermitted() }
        var minutes: Int? = nil
        if approve && !hours.trimmingCharacters(in: .whitespaces).isEmpty {
            minutes = HoursInput.minutes(hours)
            guard let corrected = minutes, corrected > 0, corrected <= HoursEntry.dayLimitMinutes else {
                throw ValidationErrors(["hours": ["volunteering.errors.hours.invalid"]])
            }
        }
        guard
            try await base.hours.decide(
                id, status: approve ? .approved : .rejected, minutes: approve ? (minutes ?? entry.minutes) : nil,
                by: actor.person.id, at: now())
        else { throw ValidationErrors(["hours": ["volunteering.errors.hours.decided"]]) }
    }

    /// Approved hours of the actor's organisations' volunteers in a period as CSV: one line per volunteer,
    /// organisation and month, then a total per organisation.
    public func hoursCSV(
        actor: Actor?, city: CityID, from: CalendarDay, through: CalendarDay, language: LanguageCode
    ) async throws -> String {
        let totals = HoursTotals(try await hours(actor: actor, city: city, from: from, through: through))
        var names: [PersonID: String] = [:]
        for person in Set(totals.minutes.keys.map(\.personID)) {
            names[person] = try await base.persons.find(id: person)?.displayName ?? ""
        }
        var organisationNames: [OrganisationID: String] = [:]
        for organisation in try await base.organisations.list(city: city) {
            organisationNames[organisation.id] = organisation.name.text(in: language)
        }
        var rows = [["organisation_id", "organisation", "volunteer", "month", "hours"]]
        for key in totals.minutes.keys.sorted() {
            rows.append([
                key.organisationID.description, organisationNames[key.organisationID] ?? "", names[key.personID] ?? "",
                key.month, Self.decimalHours(totals.minutes[key] ?? 0),
            ])
        }
        for (organisation, minutes) in totals.byOrganisation().sorted(by: { $0.key.description < $1.key.description }) {
            rows.append([
                organisation.description, organisationNames[organisation] ?? "", "", "total",
                Self.decimalHours(minutes),
            ])
        }
        return CSVWriter.text(rows)
    }

    /// `1.50` for 90 minutes.
    public static func decimalHours(_ minutes: Int) -> String {
        String(format: "%d.%02d", minutes / 60, (minutes % 60) * 100 / 60)
    }

    // MARK: Trainings

    /// The trainings the actor may change and record completions for.
    public func mayManage(_ training: Training, actor: Actor?) async throws -> Bool {
        if let organisation = training.organisationID {
            return try await managed(actor: actor, city: training.cityID).contains(organisation)
        }
        return Authorization.allows(actor, .coordinate(training.cityID))
    }

    @discardableResult
    public func saveTraining(actor: Actor?, city: City, id: TrainingID?, input: TrainingInput) async throws
        -> Training
    {
        let managed = try await managed(actor: actor, city: city.id)
        let cityAllowed = Authorization.allows(actor, .coordinate(city.id))
        guard !managed.isEmpty || cityAllowed else { throw NotPermitted() }
        var training = Training(cityID: city.id, organisationID: nil, title: LocalizedText(), createdAt: now())
        if let id {
            guard let found = try await base.trainings.training(id: id), found.cityID == city.id else {
                throw NotFound()
            }
            guard try await mayManage(found, actor: actor) else { throw NotPermitted() }
            training = found
        }
        try input.apply(
            to: &training, organisations: managed, cityAllowed: cityAllowed, original: city.defaultLanguage,
            now: now())
        try await base.trainings.save(training)
        return training
    }

    /// The trainer records that the person with this email completed the training on a day.
    public func recordCompletion(actor: Actor?, city: City, training id: TrainingID, email: String, day: String)
        async throws
    {
        guard let actor, let training = try await base.trainings.training(id: id), training.cityID == city.id else {
            throw NotFound()
        }
        guard try await mayManage(training, actor: actor) else { throw NotPermitted() }
        var errors = ValidationErrors()
        let person = try await base.persons.find(
            email: email.trimmingCharacters(in: .whitespaces).lowercased())
        errors.require(person != nil, "volunteering.errors.person.unknown", field: "email")
        let completed = CalendarDay(day)
        errors.require(completed != nil, "stakeholders.errors.date.invalid", field: "day")
        if let completed {
            errors.require(completed <= base.today(city), "volunteering.errors.hours.future", field: "day")
        }
        try errors.throwIfAny()
        try await base.trainings.record(
            TrainingCompletion(
                trainingID: training.id, personID: person!.id, completedOn: completed!,
                expiresOn: training.expiry(completedOn: completed!), recordedBy: actor.person.id, createdAt: now()))
    }

    /// Suspends every active engagement whose opportunity requires a training the volunteer no longer holds, and
    /// tells the volunteer why. Returns how many were suspended. Run by the server's housekeeping.
    @discardableResult
    public func suspendExpired(city: City, notice: VolunteeringUseCases.Notice) async throws -> Int {
        let active = try await base.volunteerApplications.applications(
            ApplicationFilter(city: city.id, statuses: [.active]))
        guard !active.isEmpty else { return 0 }
        let today = base.today(city)
        var suspended = 0
        for (application, opportunity) in try await base.withOpportunities(active) {
            guard let opportunity, !opportunity.requiredTrainingIDs.isEmpty else { continue }
            let held = TrainingCompletion.valid(
                try await base.trainings.completions(city: city.id, persons: [application.personID], training: nil),
                on: today)
            let missing = opportunity.requiredTrainingIDs.filter { !held.contains($0) }
            guard let first = missing.first, let training = try await base.trainings.training(id: first) else {
                continue
            }
            let reason = training.title.text(in: city.defaultLanguage)
            let messages = try await messageToVolunteer(application, opportunity, .suspended, reason: reason, notice)
            if try await base.volunteerApplications.move(
                application.id, from: [.active], to: .suspended, reason: reason, day: today, wanted: nil, at: now(),
                messages: messages) == .moved
            {
                suspended += 1
            }
        }
        return suspended
    }

    // MARK: The city

    @discardableResult
    public func createAward(actor: Actor?, city: City, input: AwardInput) async throws -> Award {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        let email = input.recipientEmail.trimmingCharacters(in: .whitespaces).lowercased()
        let person = email.isEmpty ? nil : try await base.persons.find(email: email)
        let award = try input.award(
            city: city.id, person: person?.id, personFound: person != nil, original: city.defaultLanguage, now: now())
        try await base.awards.save(award)
        return award
    }

    /// Feedback on the actor's organisations' engagements (all of them for coordinators), newest first.
    public func feedback(actor: Actor?, city: CityID) async throws -> [VolunteerFeedback] {
        let managed = try await managed(actor: actor, city: city)
        guard !managed.isEmpty else { throw NotPermitted() }
        return try await base.volunteerFeedback.feedback(city: city, organisations: managed).sorted {
            $0.createdAt > $1.createdAt
        }
    }

    public func ideas(actor: Actor?, city: CityID) async throws -> [VolunteeringIdea] {
        guard Authorization.allows(actor, .coordinate(city)) else { throw NotPermitted() }
        return try await base.volunteeringIdeas.ideas(city: city).sorted { $0.createdAt > $1.createdAt }
    }

    /// The city assesses an idea: a status and the reasons, shown to its author.
    public func assessIdea(
        actor: Actor?, city: CityID, id: VolunteeringIdeaID, status: String, assessment: String
    ) async throws {
        guard Authorization.allows(actor, .coordinate(city)) else { throw NotPermitted() }
        guard var idea = try await base.volunteeringIdeas.idea(id: id), idea.cityID == city else { throw NotFound() }
        var errors = ValidationErrors()
        let status = VolunteeringIdea.Status(rawValue: status)
        errors.require(status != nil, "stakeholders.errors.status.invalid", field: "status")
        let assessment = assessment.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(assessment.count <= 2_000, "common.errors.too_long", field: "assessment")
        errors.require(
            status == .submitted || status == .underReview || !assessment.isEmpty,
            "volunteering.errors.reason.missing", field: "assessment")
        try errors.throwIfAny()
        idea.status = status!
        idea.assessment = assessment
        idea.updatedAt = now()
        try await base.volunteeringIdeas.save(idea)
    }

    /// The city's anonymous monitoring of volunteering (coordinators only), counts under ten hidden.
    public func monitoring(actor: Actor?, city: City) async throws -> (VolunteeringMonitoring, [Training]) {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        let trainings = try await base.trainings.trainings(city: city.id)
        let engaged = Set(
            try await base.volunteerApplications.applications(ApplicationFilter(city: city.id, statuses: [.active]))
                .map(\.personID))
        let monitoring = VolunteeringMonitoring(
            profiles: try await base.volunteerProfiles.profiles(city: city.id, persons: nil), engaged: engaged,
            completions: try await base.trainings.completions(city: city.id, persons: nil, training: nil),
            trainings: trainings.map(\.id), on: base.today(city))
        return (monitoring, trainings)
    }

    /// The message to the volunteer about their application, in their language.
    func messageToVolunteer(
        _ application: VolunteerApplication, _ opportunity: Opportunity, _ to: VolunteerApplication.Status,
        reason: String, _ notice: VolunteeringUseCases.Notice
    ) async throws -> [OutboxMessage] {
        guard let person = try await base.persons.find(id: application.personID) else { return [] }
        let text = notice(.moved(to, reason: reason), application, opportunity, person.preferredLanguage)
        return [OutboxMessage(recipient: person.email, subject: text.subject, body: text.body, createdAt: now())]
    }
}
