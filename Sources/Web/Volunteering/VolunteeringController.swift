import Domain
import Foundation
import Hummingbird

/// Volunteering for everyone: the opportunities with their filters, one opportunity and applying to it, checking a
/// certificate's code, the city's awards, and ideas for new volunteering.
struct VolunteeringController {
    let services: AppServices
    let config: AppConfig
    var useCases: VolunteeringUseCases { services.volunteeringUseCases }
    var management: VolunteerManagementUseCases { services.volunteerManagement }

    func register(on router: Router<AppRequestContext>) {
        router.get(.volunteering, use: index)
        router.get(.opportunity, use: show)
        router.post(.applyToOpportunity, use: apply)
        router.get(.certificates, use: verifyForm)
        router.get(.certificate, use: certificate)
        router.get(.recognition, use: recognition)
        router.post(.newAward, use: award)
        router.get(.volunteeringIdeas, use: ideas)
        router.post(.volunteeringIdeas, use: submitIdea)
        router.post(.assessIdea, use: assessIdea)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let filter = OpportunitySearchInput(request)
        let found = try await useCases.search(city: city.id, input: filter)
        let (opportunities, errors, categories, areas) = (
            found.opportunities, found.errors, found.categories, found.areas
        )
        let model = OpportunitiesIndexPage.Model(
            city: city, opportunities: opportunities, filter: filter, errors: errors, categories: categories,
            areas: areas, organisations: try await organisationNames(city.id), signedIn: context.actor != nil,
            manages: !(try await management.managed(actor: context.actor, city: city.id)).isEmpty)
        return Respond.html(
            OpportunitiesIndexPage.render(model, PageContext(request, context, services: services, city: city)),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await showPage(request, context, city: city, id: try Self.id(context))
    }

    @Sendable func apply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let id = try Self.id(context)
        guard context.actor != nil else { throw NotPermitted() }
        do {
            try await useCases.apply(
                actor: context.actor, city: city, opportunity: id, message: context.field("message"),
                notice: VolunteeringText.notice(services: services, config: config, city: city))
            return Respond.redirect(to: .myVolunteering(city.slug), flash: "volunteering.flash.applied")
        } catch let errors as ValidationErrors {
            return try await showPage(
                request, context, city: city, id: id, message: context.field("message"), errors: errors,
                status: .unprocessableContent)
        } catch let missing as VolunteeringUseCases.TrainingsMissing {
            return try await showPage(
                request, context, city: city, id: id, message: context.field("message"),
                errors: ValidationErrors(["trainings": ["volunteering.errors.training.missing"]]),
                missing: missing.trainings, status: .unprocessableContent)
        }
    }

    @Sendable func verifyForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let code = String(request.uri.queryParameters["code"] ?? "")
        guard !code.isEmpty else {
            return try certificatePage(request, context, city: city, code: "", certificate: nil, errors: .init())
        }
        guard let certificate = try await useCases.verify(city: city.id, code: code) else {
            return try certificatePage(
                request, context, city: city, code: code, certificate: nil,
                errors: ValidationErrors(["code": ["volunteering.errors.certificate.unknown"]]),
                status: .unprocessableContent)
        }
        return try certificatePage(request, context, city: city, code: code, certificate: certificate, errors: .init())
    }

    @Sendable func certificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let code = context.parameters.get("code") ?? ""
        guard let certificate = try await useCases.verify(city: city.id, code: code) else { throw NotFound() }
        return try certificatePage(request, context, city: city, code: code, certificate: certificate, errors: .init())
    }

    @Sendable func recognition(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await recognitionPage(request, context, city: city, input: AwardInput(), errors: .init())
    }

    @Sendable func award(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let input = AwardInput(
            recipientName: context.field("recipient_name"), recipientEmail: context.field("recipient_email"),
            titles: TranslatableFields.read("title", languages: city.languages, from: context),
            citations: TranslatableFields.read("citation", languages: city.languages, from: context),
            awardedOn: context.field("awarded_on"), consent: context.field("consent") == "yes")
        return try await Respond.validating {
            try await management.createAward(actor: context.actor, city: city, input: input)
            return Respond.redirect(to: .recognition(city.slug), flash: "volunteering.flash.awarded")
        } invalid: { errors in
            try await recognitionPage(
                request, context, city: city, input: input, errors: errors)
        }
    }

    @Sendable func ideas(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await ideasPage(request, context, city: city, text: "", area: "", errors: .init())
    }

    @Sendable func submitIdea(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        return try await Respond.validating {
            try await useCases.submitIdea(
                actor: context.actor, city: city.id, text: context.field("text"), area: context.field("area"))
            return Respond.redirect(to: .volunteeringIdeas(city.slug), flash: "volunteering.flash.idea")
        } invalid: { errors in
            try await ideasPage(
                request, context, city: city, text: context.field("text"), area: context.field("area"),
                errors: errors)
        }
    }

    @Sendable func assessIdea(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        guard let id = context.parameters.get("id").flatMap(VolunteeringIdeaID.init(string:)) else {
            throw NotFound()
        }
        return try await Respond.validating {
            try await management.assessIdea(
                actor: context.actor, city: city.id, id: id, status: context.field("status"),
                assessment: context.field("assessment"))
            return Respond.redirect(to: .volunteeringIdeas(city.slug), flash: "volunteering.flash.assessed")
        } invalid: { errors in
            try await ideasPage(
                request, context, city: city, text: "", area: "", errors: errors, failed: id)
        }
    }

    // MARK: Pages

    private func showPage(
        _ request: Request, _ context: AppRequestContext, city: City, id: OpportunityID, message: String = "",
        errors: ValidationErrors = .init(), missing: [Training] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let opportunity = try await useCases.opportunity(actor: context.actor, city: city.id, id: id)
        let person = context.actor?.person.id
        let applied =
            try await person.asyncMap {
                try await services.volunteeringUseCases.applications(
                    ApplicationFilter(
                        city: city.id, persons: [$0], opportunities: [id],
                        statuses: Set(VolunteerApplication.Status.allCases.filter(\.isOpen))))
            }?.first
        var trainings: [Training] = []
        for trainingID in opportunity.requiredTrainingIDs {
            if let training = try await useCases.training(id: trainingID) { trainings.append(training) }
        }
        let model = OpportunityShowPage.Model(
            city: city, opportunity: opportunity,
            organisation: try await services.organisationUseCases.organisation(id: opportunity.organisationID),
            place: try await opportunity.placeID.asyncMap { try await services.placeUseCases.place(id: $0) }
                ?? nil,
            areas: try await services.cityUseCases.areas(city: city.id),
            categories: ReferralsController.categoryNames(
                try await services.activityUseCases.categories(city: city.id)),
            trainings: trainings,
            trainingsHeld: try await person.asyncMap { try await useCases.trainingsHeld($0, city: city.id) } ?? [],
            signedIn: context.actor != nil,
            hasProfile: try await useCases.profile(person: person ?? PersonID(), city: city.id) != nil,
            applied: applied,
            mayEdit: Authorization.allows(context.actor, .editOrganisation(city.id, opportunity.organisationID)),
            message: message, errors: errors, missing: missing)
        return Respond.html(
            OpportunityShowPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func certificatePage(
        _ request: Request, _ context: AppRequestContext, city: City, code: String, certificate: Certificate?,
        errors: ValidationErrors, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let model = CertificatePage.Model(city: city, code: code, certificate: certificate, errors: errors)
        return Respond.html(
            CertificatePage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func recognitionPage(
        _ request: Request, _ context: AppRequestContext, city: City, input: AwardInput, errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = RecognitionPage.Model(
            city: city, awards: try await useCases.awards(city: city.id),
            mayAward: Authorization.allows(context.actor, .coordinate(city.id)), input: input, errors: errors)
        return Respond.html(
            RecognitionPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    private func ideasPage(
        _ request: Request, _ context: AppRequestContext, city: City, text: String, area: String,
        errors: ValidationErrors, failed: VolunteeringIdeaID? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let mayAssess = Authorization.allows(context.actor, .coordinate(city.id))
        let model = VolunteeringIdeasPage.Model(
            city: city, areas: try await services.cityUseCases.areas(city: city.id), text: text, area: area,
            ideas: mayAssess ? try await management.ideas(actor: context.actor, city: city.id) : nil,
            errors: errors, failed: failed)
        return Respond.html(
            VolunteeringIdeasPage.render(model, PageContext(request, context, services: services, city: city)),
            status: status)
    }

    func organisationNames(_ city: CityID) async throws -> [OrganisationID: LocalizedText] {
        Dictionary(try await services.organisationUseCases.list(city: city).map { ($0.id, $0.name) }) { first, _ in
            first
        }
    }

    static func id(_ context: AppRequestContext) throws -> OpportunityID {
        guard let id = context.parameters.get("id").flatMap(OpportunityID.init(string:)) else { throw NotFound() }
        return id
    }
}

extension Optional {
    /// `map` with an asynchronous, throwing transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
