import Domain
import Foundation
import Hummingbird

/// Volunteering for organisations and the city: posting and changing opportunities, deciding applications,
/// approving hours and their CSV, reading a volunteer who applied, and trainings with their completions.
struct VolunteerManagementController {
    let services: AppServices
    let config: AppConfig
    var useCases: VolunteerManagementUseCases { services.volunteerManagement }

    func register(on router: Router<AppRequestContext>) {
        router.get(.newOpportunity, use: newForm)
        router.post(.newOpportunity, use: create)
        router.get(.editOpportunity, use: editForm)
        router.post(.editOpportunity, use: update)
        router.get(.manageVolunteering, use: manage)
        router.post(.decideApplication, use: decide)
        router.post(.decideHours, use: decideHours)
        router.get(.volunteerHoursCSV, use: hoursCSV)
        router.get(.volunteer, use: volunteer)
        router.get(.volunteeringMonitoring, use: monitoring)
        router.get(.trainings, use: trainings)
        router.post(.trainings, use: createTraining)
        router.get(.training, use: training)
        router.post(.training, use: updateTraining)
        router.post(.trainingCompletions, use: recordCompletion)
    }

    // MARK: Opportunities

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let managed = try await useCases.managed(actor: context.actor, city: city.id)
        guard let first = managed.sorted(by: { $0.description < $1.description }).first else { throw NotPermitted() }
        return try await form(
            request, context, city: city, editing: nil, input: OpportunityInput(organisation: first.description),
            errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            let opportunity = try await useCases.createOpportunity(
                actor: context.actor, city: city, input: input, places: try await placeIDs(city.id))
            return Respond.redirect(to: .opportunity(city.slug, opportunity.id), flash: "volunteering.flash.saved")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: nil, input: input, errors: errors)
        }
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let opportunity = try await useCases.managedOpportunity(
            actor: context.actor, city: city.id, id: try VolunteeringController.id(context))
        let categories = try await services.activityUseCases.categories(city: city.id)
        let areas = try await services.cityUseCases.areas(city: city.id)
        let input = OpportunityInput(
            opportunity, categoryCodes: Dictionary(categories.map { ($0.id, $0.code) }) { first, _ in first },
            areaCodes: Dictionary(areas.map { ($0.id, $0.code) }) { first, _ in first })
        return try await form(request, context, city: city, editing: opportunity, input: input, errors: .init())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let opportunity = try await useCases.managedOpportunity(
            actor: context.actor, city: city.id, id: try VolunteeringController.id(context))
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            try await useCases.updateOpportunity(
                actor: context.actor, city: city, id: opportunity.id, input: input,
                places: try await placeIDs(city.id))
            return Respond.redirect(to: .opportunity(city.slug, opportunity.id), flash: "volunteering.flash.saved")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: opportunity, input: input, errors: errors)
        }
    }

    // MARK: Applications and hours

    @Sendable func manage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await managePage(request, context, city: city)
    }

    @Sendable func decide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("id").flatMap(VolunteerApplicationID.init(string:)) else {
            throw NotFound()
        }
        guard let to = VolunteerApplication.Status(rawValue: context.field("to")) else { throw NotFound() }
        return try await Respond.validating {
            try await useCases.decide(
                actor: context.actor, city: city, application: id, to: to, reason: context.field("reason"),
                notice: VolunteeringText.notice(services: services, config: config, city: city))
            return Respond.redirect(to: .manageVolunteering(city.slug), flash: "volunteering.flash.decided")
        } invalid: { errors in
            try await managePage(
                request, context, city: city, errors: errors, failed: id.description)
        }
    }

    @Sendable func decideHours(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("id").flatMap(HoursEntryID.init(string:)) else { throw NotFound() }
        return try await Respond.validating {
            try await useCases.decideHours(
                actor: context.actor, city: city.id, entry: id, approve: context.field("decision") != "reject",
                hours: context.field("hours"))
            return Respond.redirect(to: .manageVolunteering(city.slug), flash: "volunteering.flash.hours_decided")
        } invalid: { errors in
            try await managePage(
                request, context, city: city, errors: errors, failed: id.description)
        }
    }

    @Sendable func hoursCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let query = request.uri.queryParameters
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let today = CalendarDay(Date(), in: zone)
        let from = query["from"].flatMap { CalendarDay(String($0)) } ?? CalendarDay(year: today.year, month: 1, day: 1)!
        let through = query["through"].flatMap { CalendarDay(String($0)) } ?? today
        guard from <= through else {
            return try await managePage(
                request, context, city: city, errors: ValidationErrors(["through": ["matching.errors.round.period"]]),
                failed: "csv", status: .unprocessableContent)
        }
        let csv = try await useCases.hoursCSV(
            actor: context.actor, city: city.id, from: from, through: through, language: context.language)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"volunteer-hours-\(from)-\(through).csv\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    @Sendable func volunteer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("person").flatMap(PersonID.init(string:)) else { throw NotFound() }
        let (person, profile, applications) = try await useCases.volunteer(
            actor: context.actor, city: city.id, person: id)
        let completions = try await useCases.base.completions(city: city.id, persons: [id], training: nil)
        var trainings: [TrainingID: Training] = [:]
        for training in try await useCases.base.trainings(city: city.id) {
            trainings[training.id] = training
        }
        let model = VolunteerShowPage.Model(
            city: city, person: person, profile: profile, applications: applications, completions: completions,
            trainings: trainings,
            categories: ReferralsController.categoryNames(
                try await services.activityUseCases.categories(city: city.id)),
            areas: try await services.cityUseCases.areas(city: city.id))
        return Respond.html(
            VolunteerShowPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func monitoring(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let (monitoring, trainings) = try await useCases.monitoring(actor: context.actor, city: city)
        let model = VolunteeringMonitoringPage.Model(city: city, monitoring: monitoring, trainings: trainings)
        return Respond.html(
            VolunteeringMonitoringPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    // MARK: Trainings

    @Sendable func trainings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await trainingsPage(request, context, city: city, input: .init(), errors: .init())
    }

    @Sendable func createTraining(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = Self.trainingInput(context, city: city)
        return try await Respond.validating {
            let training = try await useCases.saveTraining(actor: context.actor, city: city, id: nil, input: input)
            return Respond.redirect(to: .training(city.slug, training.id), flash: "volunteering.flash.saved")
        } invalid: { errors in
            try await trainingsPage(
                request, context, city: city, input: input, errors: errors)
        }
    }

    @Sendable func training(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await trainingPage(request, context, city: city, id: try Self.trainingID(context))
    }

    @Sendable func updateTraining(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.trainingID(context)
        let input = Self.trainingInput(context, city: city)
        return try await Respond.validating {
            try await useCases.saveTraining(actor: context.actor, city: city, id: id, input: input)
            return Respond.redirect(to: .training(city.slug, id), flash: "volunteering.flash.saved")
        } invalid: { errors in
            try await trainingPage(
                request, context, city: city, id: id, input: input, errors: errors)
        }
    }

    @Sendable func recordCompletion(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.trainingID(context)
        return try await Respond.validating {
            try await useCases.recordCompletion(
                actor: context.actor, city: city, training: id, email: context.field("email"),
                day: context.field("day"))
            return Respond.redirect(to: .training(city.slug, id), flash: "volunteering.flash.completion")
        } invalid: { errors in
            try await trainingPage(
                request, context, city: city, id: id, completionErrors: errors, email: context.field("email"),
                day: context.field("day"))
        }
    }

    // MARK: Pages

    private func form(
        _ request: Request, _ context: AppRequestContext, city: City, editing: Opportunity?, input: OpportunityInput,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let managed = try await useCases.managed(actor: context.actor, city: city.id)
        let model = OpportunityFormPage.Model(
            city: city, editing: editing,
            organisations: try await services.organisationUseCases.list(city: city.id).filter {
                managed.contains($0.id)
            },
            categories: try await services.activityUseCases.categories(city: city.id),
            areas: try await services.cityUseCases.areas(city: city.id),
            places: try await services.placeUseCases.list(city: city.id),
            trainings: try await useCases.base.trainings(city: city.id), input: input, errors: errors)
        return Respond.html(
            OpportunityFormPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func managePage(
        _ request: Request, _ context: AppRequestContext, city: City, errors: ValidationErrors = .init(),
        failed: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let applications = try await useCases.applications(actor: context.actor, city: city.id)
        let hours = try await useCases.hours(actor: context.actor, city: city.id)
        var names: [PersonID: String] = [:]
        for person in Set(applications.map(\.0.personID) + hours.map(\.personID)) {
            names[person] = try await services.accounts.person(id: person)?.displayName ?? ""
        }
        let managed = try await useCases.managed(actor: context.actor, city: city.id)
        let model = VolunteeringManagePage.Model(
            city: city,
            opportunities: try await useCases.base.opportunities(
                OpportunityQuery(city: city.id, organisations: managed, statuses: Set(Opportunity.Status.allCases))),
            applications: applications, pendingHours: hours.filter { $0.status == .logged },
            approvedMinutes: HoursTotals(hours).total, names: names,
            feedback: try await useCases.feedback(actor: context.actor, city: city.id),
            organisations: try await VolunteeringController(services: services, config: config)
                .organisationNames(city.id),
            errors: errors, failed: failed)
        return Respond.html(
            VolunteeringManagePage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func trainingsPage(
        _ request: Request, _ context: AppRequestContext, city: City, input: TrainingInput, errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let managed = try await useCases.managed(actor: context.actor, city: city.id)
        let model = TrainingsPage.Model(
            city: city, trainings: try await useCases.base.trainings(city: city.id),
            organisations: try await services.organisationUseCases.list(city: city.id),
            managed: managed, cityAllowed: Authorization.allows(context.actor, .coordinate(city.id)), input: input,
            errors: errors)
        return Respond.html(
            TrainingsPage.render(model, PageContext(request, context, services: services, city: city)), status: status)
    }

    private func trainingPage(
        _ request: Request, _ context: AppRequestContext, city: City, id: TrainingID, input: TrainingInput? = nil,
        errors: ValidationErrors = .init(), completionErrors: ValidationErrors = .init(), email: String = "",
        day: String = "", status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let training = try await useCases.base.training(city: city.id, id: id)
        let mayManage = try await useCases.mayManage(training, actor: context.actor)
        var completions: [(TrainingCompletion, String)] = []
        if mayManage {
            for completion in try await useCases.base.completions(
                city: city.id, persons: nil, training: training.id)
            {
                completions.append(
                    (completion, try await services.accounts.person(id: completion.personID)?.displayName ?? ""))
            }
        }
        let model = TrainingShowPage.Model(
            city: city, training: training,
            organisation: try await training.organisationID.asyncMap {
                try await services.organisationUseCases.organisation(id: $0)
            }
                ?? nil,
            mayManage: mayManage, organisations: try await services.organisationUseCases.list(city: city.id),
            managed: try await useCases.managed(actor: context.actor, city: city.id),
            cityAllowed: Authorization.allows(context.actor, .coordinate(city.id)),
            input: input ?? TrainingInput(training), errors: errors, completions: completions,
            completionErrors: completionErrors, email: email, day: day)
        return Respond.html(
            TrainingShowPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func placeIDs(_ city: CityID) async throws -> [PlaceID] {
        try await services.placeUseCases.list(city: city).map(\.id)
    }

    static func input(_ context: AppRequestContext, city: City) -> OpportunityInput {
        OpportunityInput(
            organisation: context.field("organisation"),
            titles: TranslatableFields.read("title", languages: city.languages, from: context),
            descriptions: TranslatableFields.read("description", languages: city.languages, from: context),
            categories: context.form["categories"] ?? [], skills: context.field("skills"),
            trainings: context.form["trainings"] ?? [], languages: context.field("languages"),
            place: context.field("place"), areas: context.form["areas"] ?? [], times: context.form["times"] ?? [],
            wanted: context.field("wanted"), status: context.field("status"))
    }

    static func trainingInput(_ context: AppRequestContext, city: City) -> TrainingInput {
        TrainingInput(
            organisation: context.field("organisation"),
            titles: TranslatableFields.read("title", languages: city.languages, from: context),
            descriptions: TranslatableFields.read("description", languages: city.languages, from: context),
            validityMonths: context.field("validity_months"), nextSession: context.field("next_session"))
    }

    static func trainingID(_ context: AppRequestContext) throws -> TrainingID {
        guard let id = context.parameters.get("id").flatMap(TrainingID.init(string:)) else { throw NotFound() }
        return id
    }
}
