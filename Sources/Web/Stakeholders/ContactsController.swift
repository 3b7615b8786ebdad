import Domain
import Hummingbird

/// An organisation's contact persons: adding one, handing over to a successor, erasing one.
/// Editors of the organisation and the city's coordinators only.
struct ContactsController {
    let services: AppServices
    var useCases: ContactUseCases { services.contactUseCases }

    func register(on router: Router<AppRequestContext>) {
        router.get(.newContact, use: newForm)
        router.post(.newContact, use: create)
        router.get(.contactHandover, use: handoverForm)
        router.post(.contactHandover, use: handover)
        router.post(.removeContact, use: remove)
    }

    @Sendable func newForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let organisation = try await editable(city, context)
        return page(
            request, context, city: city, organisation: organisation, previous: nil, input: .init(), errors: .init())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let organisation = try await editable(city, context)
        let input = Self.input(context)
        return try await Respond.validating {
            try await useCases.add(actor: context.actor, city: city, organisation: organisation.id, input: input)
            return Respond.redirect(
                to: .organisation(city.slug, organisation.id), flash: "stakeholders.contacts.flash.added")
        } invalid: { errors in
            page(
                request, context, city: city, organisation: organisation, previous: nil, input: input, errors: errors)
        }
    }

    @Sendable func handoverForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let organisation = try await editable(city, context)
        let previous = try await contact(organisation, context)
        return page(
            request, context, city: city, organisation: organisation, previous: previous,
            input: .init(role: previous.role), errors: .init())
    }

    @Sendable func handover(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let organisation = try await editable(city, context)
        let previous = try await contact(organisation, context)
        let input = Self.input(context)
        return try await Respond.validating {
            try await useCases.handover(
                actor: context.actor, city: city, organisation: organisation.id, contact: previous.id, successor: input)
            return Respond.redirect(
                to: .organisation(city.slug, organisation.id), flash: "stakeholders.contacts.flash.handed_over")
        } invalid: { errors in
            page(
                request, context, city: city, organisation: organisation, previous: previous, input: input,
                errors: errors)
        }
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try context.requireCity()
        let organisation = try await editable(city, context)
        let contact = try await contact(organisation, context)
        try await useCases.remove(actor: context.actor, city: city, organisation: organisation.id, contact: contact.id)
        return Respond.redirect(
            to: .organisation(city.slug, organisation.id), flash: "stakeholders.contacts.flash.removed")
    }

    private func editable(_ city: City, _ context: AppRequestContext) async throws -> Organisation {
        guard let id = context.parameters.get("id").flatMap(OrganisationID.init(string:)) else { throw NotFound() }
        let organisation = try await services.organisationUseCases.show(actor: context.actor, city: city, id: id)
        guard Authorization.allows(context.actor, .editOrganisation(city.id, organisation.id)) else {
            throw NotPermitted()
        }
        return organisation
    }

    private func contact(_ organisation: Organisation, _ context: AppRequestContext) async throws -> ContactPerson {
        guard let id = context.parameters.get("contact").flatMap(ContactPersonID.init(string:)),
            let contact = try await useCases.contact(id: id), contact.organisationID == organisation.id
        else { throw NotFound() }
        return contact
    }

    static func input(_ context: AppRequestContext) -> ContactInput {
        ContactInput(
            name: context.field("name"), role: context.field("role"), email: context.field("email"),
            phone: context.field("phone"), isPublic: context.field("public") == "yes", since: context.field("since"))
    }

    private func page(
        _ request: Request,
        _ context: AppRequestContext,
        city: City,
        organisation: Organisation,
        previous: ContactPerson?,
        input: ContactInput,
        errors: ValidationErrors,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = ContactFormPage.Model(
            city: city, organisation: organisation, previous: previous, input: input, errors: errors)
        return Respond.html(
            ContactFormPage.render(model, PageContext(request, context, services: services, city: city)), status: status
        )
    }
}
