import Domain
import Foundation
import Hummingbird

/// Activities: "What's on" with search and filters, one activity, its calendar file, the calendar feed of a
/// filter, and describing an activity (its organisation's editors, or coordinators).
struct ActivitiesController {
    let services: AppServices
    let config: AppConfig
    var useCases: ActivityUseCases { services.activityUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.activities, use: index)
        router.get(.activitiesCalendar, use: feed)
        router.get(.newActivity, use: newForm)
        router.post(.newActivity, use: create)
        router.get(.activity, use: show)
        router.get(.activityCalendar, use: calendarFile)
        router.get(.editActivity, use: editForm)
        router.post(.editActivity, use: update)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let filter = ActivityFilter(request)
        let categories = try await useCases.categories(city: city.id)
        let areas = try await services.cityUseCases.areas(city: city.id)
        let (query, errors) = filter.query(
            city: city, reader: context.language, categories: categories, areas: areas)
        let page =
            errors.isEmpty
            ? try await useCases.whatsOn(
                query, city: city, offset: (filter.page - 1) * ActivityFilter.pageSize, limit: ActivityFilter.pageSize,
                keptOrder: context.actor == nil)
            : ActivityUseCases.Page(items: [], offset: 0, total: 0, hasMore: false)
        let acting = try await useCases.organisationsActing(for: context.actor, city: city.id)
        let listed = page.items.map(\.activity)
        let model = ActivitiesIndexPage.Model(
            city: city, page: page, filter: filter, errors: errors, categories: categories, areas: areas,
            organisations: try await DirectoryNames.organisations(
                services: services, Set(listed.map(\.organisationID))),
            places: try await DirectoryNames.places(services: services, Set(listed.compactMap(\.placeID))),
            mayAdd: !acting.isEmpty,
            mayEditCategories: Authorization.allows(context.actor, .manageRoles(city.id)))
        return Respond.html(
            ActivitiesIndexPage.render(model, PageContext(request, context, services: services, city: city)),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let activity = try await useCases.activity(actor: context.actor, city: city.id, id: try Self.id(context))
        var place: Place?
        if let id = activity.placeID { place = try await services.placeUseCases.place(id: id) }
        let model = ActivityShowPage.Model(
            city: city, activity: activity,
            organisation: try await services.organisationUseCases.organisation(id: activity.organisationID),
            place: place, categories: try await useCases.categories(city: city.id),
            areas: try await services.cityUseCases.areas(city: city.id),
            upcoming: useCases.upcoming(activity, city: city, limit: 6),
            mayEdit: ActivityUseCases.mayEdit(context.actor, city: city.id, activity))
        return Respond.html(
            ActivityShowPage.render(model, PageContext(request, context, services: services, city: city)))
    }

    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let filter = ActivityFilter(request)
        let (query, errors) = filter.query(
            city: city, reader: context.language, categories: try await useCases.categories(city: city.id),
            areas: try await services.cityUseCases.areas(city: city.id))
        guard errors.isEmpty else { throw HTTPError(.badRequest) }
        let page = try await useCases.whatsOn(query, city: city, offset: 0, limit: ICalendar.feedLimit)
        return try await calendar(
            request, context, city: city, activities: page.items.map(\.activity),
            name: services.translator(context.language)(
                "directory.activities.feed_name", ["city": city.displayName(in: context.language)]))
    }

    @Sendable func calendarFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let activity = try await useCases.activity(actor: nil, city: city.id, id: try Self.id(context))
        return try await calendar(
            request, context, city: city, activities: [activity],
            name: activity.title.text(in: context.language, fallback: city.defaultLanguage))
    }

    private func calendar(
        _ request: Request, _ context: AppRequestContext, city: City, activities: [Activity], name: String
    ) async throws -> Response {
        let places = try await services.placeUseCases.list(city: city.id)
        let text = ICalendar.feed(
            activities, city: city, name: name, language: context.language,
            places: Dictionary(uniqueKeysWithValues: places.map { ($0.id, $0) }), baseURL: config.publicURL,
            now: services.accounts.now())
        return Respond.conditional(
            Data(text.utf8), contentType: "text/calendar; charset=utf-8", request: request, maxAge: 300,
            shared: context.actor == nil)
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let acting = try await useCases.organisationsActing(for: context.actor, city: city.id)
        guard let first = acting.first else { throw NotPermitted() }
        return try await form(
            request, context, city: city, editing: nil, input: ActivityInput(organisation: first.id.description),
            errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            let activity = try await useCases.save(actor: context.actor, city: city, input: input)
            return Respond.redirect(to: .activity(city.slug, activity.id), flash: "directory.activities.flash.saved")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: nil, input: input, errors: errors)
        }
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let activity = try await useCases.activity(actor: context.actor, city: city.id, id: try Self.id(context))
        guard ActivityUseCases.mayEdit(context.actor, city: city.id, activity) else { throw NotPermitted() }
        let categories = try await useCases.categories(city: city.id)
        let input = ActivityInput(
            activity, categoryCodes: Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0.code) }),
            areaCodes: OrganisationsAPIController.codes(try await services.cityUseCases.areas(city: city.id)))
        return try await form(request, context, city: city, editing: activity, input: input, errors: .init())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let activity = try await useCases.activity(actor: context.actor, city: city.id, id: try Self.id(context))
        let input = Self.input(context, city: city)
        return try await Respond.validating {
            try await useCases.save(actor: context.actor, city: city, id: activity.id, input: input)
            return Respond.redirect(to: .activity(city.slug, activity.id), flash: "directory.activities.flash.saved")
        } invalid: { errors in
            try await form(
                request, context, city: city, editing: activity, input: input, errors: errors)
        }
    }

    static func input(_ context: AppRequestContext, city: City) -> ActivityInput {
        ActivityInput(
            organisation: context.field("organisation"), kind: context.field("kind"),
            titles: TranslatableFields.read("title", languages: city.languages, from: context),
            descriptions: TranslatableFields.read("description", languages: city.languages, from: context),
            categories: context.form["categories"] ?? [], targetGroups: context.form["target_groups"] ?? [],
            languages: context.field("languages"), areas: context.form["areas"] ?? [], place: context.field("place"),
            schedule: ScheduleInput(
                firstDay: context.field("first_day"), from: context.field("from"), until: context.field("until"),
                repeats: context.field("repeats"), weekdays: context.form["weekdays"] ?? [],
                rule: context.field("rule"), endsOn: context.field("ends_on"), cancelled: context.field("cancelled")),
            capacity: context.field("capacity"), fee: context.field("fee"),
            volunteerRun: context.field("volunteer_run") == "yes",
            referralEligible: context.field("referral_eligible") == "yes", referralFee: context.field("referral_fee"),
            status: context.field("status"))
    }

    static func id(_ context: AppRequestContext) throws -> ActivityID {
        guard let id = context.parameters.get("id").flatMap(ActivityID.init(string:)) else { throw NotFound() }
        return id
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, city: City, editing: Activity?, input: ActivityInput,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var organisations = try await useCases.organisationsActing(for: context.actor, city: city.id)
        if let editing, !organisations.contains(where: { $0.id == editing.organisationID }),
            let current = try await services.organisationUseCases.organisation(id: editing.organisationID)
        {
            organisations.append(current)
        }
        let model = ActivityFormPage.Model(
            city: city, editing: editing, organisations: organisations,
            categories: try await useCases.categories(city: city.id),
            areas: try await services.cityUseCases.areas(city: city.id),
            places: try await services.placeUseCases.list(city: city.id), input: input, errors: errors)
        return Respond.html(
            ActivityFormPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }
}
