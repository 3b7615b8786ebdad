import Domain
import Foundation
import Hummingbird

/// The volunteer's own pages: their engagements and ranked suggestions, the private profile, withdrawing, hours,
/// feedback, certificates, and their data to take away or erase.
struct MyVolunteeringController {
    let services: AppServices
    let config: AppConfig
    var useCases: VolunteeringUseCases { services.volunteeringUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.myVolunteering, use: home)
        router.get(.volunteerProfile, use: profileForm)
        router.post(.volunteerProfile, use: saveProfile)
        router.post(.withdrawApplication, use: withdraw)
        router.post(.logHours, use: logHours)
        router.get(.applicationFeedback, use: feedbackForm)
        router.post(.applicationFeedback, use: giveFeedback)
        router.post(.issueCertificate, use: issueCertificate)
        router.post(.revokeCertificate, use: revokeCertificate)
        router.get(.volunteerExport, use: export)
        router.post(.eraseVolunteering, use: erase)
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard context.actor != nil else {
            return Respond.html(
                MyVolunteeringPage.signedOut(city, PageContext(request, context, services: services, city: city)))
        }
        return try await homePage(request, context, city: city)
    }

    @Sendable func profileForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        var input = VolunteerProfileInput()
        if let profile = try await useCases.profile(actor: context.actor, city: city.id) {
            let categories = try await services.activityUseCases.categories(city: city.id)
            let areas = try await services.cityUseCases.areas(city: city.id)
            input = VolunteerProfileInput(
                profile, categoryCodes: Dictionary(categories.map { ($0.id, $0.code) }) { first, _ in first },
                areaCodes: Dictionary(areas.map { ($0.id, $0.code) }) { first, _ in first })
        }
        return try await profilePage(request, context, city: city, input: input, errors: .init())
    }

    @Sendable func saveProfile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = VolunteerProfileInput(
            skills: context.field("skills"), interests: context.form["interests"] ?? [],
            languages: context.field("languages"), areas: context.form["areas"] ?? [],
            availability: context.form["availability"] ?? [], background: context.field("background"),
            backgroundConsent: context.field("background_consent") == "yes",
            shareEngagement: context.field("share_engagement") == "yes")
        return try await Respond.validating {
            try await useCases.saveProfile(actor: context.actor, city: city.id, input: input)
            return Respond.redirect(to: .myVolunteering(city.slug), flash: "volunteering.flash.profile")
        } invalid: { errors in
            try await profilePage(
                request, context, city: city, input: input, errors: errors)
        }
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        return try await Respond.validating {
            try await useCases.withdraw(
                actor: context.actor, city: city, application: id,
                notice: VolunteeringText.notice(services: services, config: config, city: city))
            return Respond.redirect(to: .myVolunteering(city.slug), flash: "volunteering.flash.withdrawn")
        } invalid: { errors in
            try await homePage(
                request, context, city: city, errors: errors, failed: id)
        }
    }

    @Sendable func logHours(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        let input = HoursInput(day: context.field("day"), hours: context.field("hours"), note: context.field("note"))
        return try await Respond.validating {
            try await useCases.logHours(actor: context.actor, city: city, application: id, input: input)
            return Respond.redirect(to: .myVolunteering(city.slug), flash: "volunteering.flash.hours")
        } invalid: { errors in
            try await homePage(
                request, context, city: city, errors: errors, failed: id, hours: input)
        }
    }

    @Sendable func feedbackForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await feedbackPage(
            request, context, city: city, id: try Self.id(context), input: .init(), errors: .init())
    }

    @Sendable func giveFeedback(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        let input = FeedbackInput(
            rating: context.field("rating"), skillsFit: context.field("skills_fit"), change: context.field("change"),
            comments: context.field("comments"), anonymous: context.field("anonymous") == "yes")
        return try await Respond.validating {
            try await useCases.giveFeedback(actor: context.actor, city: city.id, application: id, input: input)
            return Respond.redirect(to: .myVolunteering(city.slug), flash: "volunteering.flash.feedback")
        } invalid: { errors in
            try await feedbackPage(
                request, context, city: city, id: id, input: input, errors: errors)
        }
    }

    @Sendable func issueCertificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await Respond.validating {
            let certificate = try await useCases.issueCertificate(actor: context.actor, city: city)
            return Respond.redirect(
                to: .certificate(city.slug, certificate.code), flash: "volunteering.flash.certificate")
        } invalid: { errors in
            try await homePage(request, context, city: city, errors: errors)
        }
    }

    @Sendable func revokeCertificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("id").flatMap(CertificateID.init(string:)) else { throw NotFound() }
        try await useCases.revokeCertificate(actor: context.actor, city: city.id, id: id)
        return Respond.redirect(to: .myVolunteering(city.slug), flash: "volunteering.flash.revoked")
    }

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let data = try await useCases.export(actor: context.actor, city: city.id)
        var response = try Respond.json(VolunteerDataDTO(data))
        response.headers[.contentDisposition] = "attachment; filename=\"volunteering-\(city.slug).json\""
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func erase(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard context.field("confirm") == "yes" else {
            return try await homePage(
                request, context, city: city,
                errors: ValidationErrors(["confirm": ["volunteering.errors.erase.confirm"]]),
                status: .unprocessableContent)
        }
        try await useCases.erase(actor: context.actor, city: city.id)
        return Respond.redirect(to: .volunteering(city.slug), flash: "volunteering.flash.erased")
    }

    // MARK: Pages

    private func homePage(
        _ request: Request, _ context: AppRequestContext, city: City, errors: ValidationErrors = .init(),
        failed: VolunteerApplicationID? = nil, hours: HoursInput = .init(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let actor = context.actor else { throw NotPermitted() }
        let applications = try await useCases.myApplications(actor: actor, city: city.id)
        var trainings: [TrainingID: Training] = [:]
        for training in try await useCases.trainings(city: city.id) { trainings[training.id] = training }
        let model = MyVolunteeringPage.Model(
            city: city, profile: try await useCases.profile(actor: actor, city: city.id),
            suggestions: try await useCases.suggestions(actor: actor, city: city.id),
            applications: applications, hours: try await useCases.myHours(actor: actor, city: city.id),
            certificates: try await useCases.myCertificates(actor: actor, city: city.id),
            feedbackGiven: try await useCases.feedbackGiven(applications: Set(applications.map(\.0.id))),
            completions: try await useCases.completions(
                city: city.id, persons: [actor.person.id], training: nil),
            trainings: trainings,
            organisations: try await VolunteeringController(services: services, config: config).organisationNames(
                city.id),
            categories: ReferralsController.categoryNames(
                try await services.activityUseCases.categories(city: city.id)),
            areas: Dictionary(try await services.cityUseCases.areas(city: city.id).map { ($0.id, $0) }) { first, _ in
                first
            },
            errors: errors, failed: failed, hoursInput: hours)
        return Respond.html(
            MyVolunteeringPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func profilePage(
        _ request: Request, _ context: AppRequestContext, city: City, input: VolunteerProfileInput,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard context.actor != nil else { throw NotPermitted() }
        let model = VolunteerProfileFormPage.Model(
            city: city, categories: try await services.activityUseCases.categories(city: city.id),
            areas: try await services.cityUseCases.areas(city: city.id), input: input, errors: errors)
        return Respond.html(
            VolunteerProfileFormPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func feedbackPage(
        _ request: Request, _ context: AppRequestContext, city: City, id: VolunteerApplicationID,
        input: FeedbackInput, errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard
            let (application, opportunity) = try await useCases.myApplications(actor: context.actor, city: city.id)
                .first(where: { $0.0.id == id })
        else { throw NotFound() }
        let model = FeedbackFormPage.Model(
            city: city, application: application, opportunity: opportunity, input: input, errors: errors)
        return Respond.html(
            FeedbackFormPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    static func id(_ context: AppRequestContext) throws -> VolunteerApplicationID {
        guard let id = context.parameters.get("id").flatMap(VolunteerApplicationID.init(string:)) else {
            throw NotFound()
        }
        return id
    }
}
