import Domain
import OpenAPIKit

/// The query parameters of the API's lists, as their handlers read them.
extension APIQueryParameter {
    /// `?lang=`, on every operation but the document itself.
    static let language = APIQueryParameter(
        name: "lang",
        schema: .string(description: "Language of the text fields; an unknown one falls back to the city's default"))

    /// Every list is paged (see `APIPaging`).
    static let paging = [
        APIQueryParameter(
            name: "offset",
            schema: .integer(
                description: "where the page starts, from 0", maximum: (1_000_000, exclusive: false),
                minimum: (0, exclusive: false))),
        APIQueryParameter(
            name: "limit",
            schema: .integer(
                description: "items on a page, \(APIPaging.defaultLimit) unless given",
                maximum: (APIPaging.maximumLimit, exclusive: false), minimum: (1, exclusive: false))),
    ]

    /// HSDS pages count from 1.
    static let hsdsPaging = [
        APIQueryParameter(
            name: "page",
            schema: .integer(maximum: (100_000, exclusive: false), minimum: (1, exclusive: false))),
        APIQueryParameter(
            name: "per_page",
            schema: .integer(maximum: (APIPaging.maximumLimit, exclusive: false), minimum: (1, exclusive: false))),
    ]

    static let area = APIQueryParameter(name: "area", schema: .string(description: "area code"))

    static let yes = JSONSchema.string(allowedValues: ["yes"])

    static let activityFilters = [
        APIQueryParameter(name: "q", schema: .string(description: "words, in any language", maxLength: 100)),
        APIQueryParameter(name: "kind", schema: .oneOf(Activity.Kind.self)),
        APIQueryParameter(name: "category", schema: .string(description: "category code")),
        area,
        APIQueryParameter(name: "language", schema: .string(description: "a language the activity is run in")),
        APIQueryParameter(name: "group", schema: .oneOf(Activity.TargetGroup.self)),
        APIQueryParameter(name: "from", schema: .day()),
        APIQueryParameter(name: "through", schema: .day()),
        APIQueryParameter(name: "free", schema: yes),
        APIQueryParameter(name: "accessible", schema: yes),
    ]

    static let organisationFilters = [
        APIQueryParameter(name: "q", schema: .string(description: "part of a name, in any language", maxLength: 100)),
        APIQueryParameter(name: "kind", schema: .oneOf(Organisation.Kind.self)),
        APIQueryParameter(name: "language", schema: .string(description: "a language the organisation works in")),
        area,
        APIQueryParameter(name: "migrant_led", schema: yes),
    ]

    static let partnerCallFilters = [
        APIQueryParameter(name: "status", schema: .oneOf(PartnerCall.Status.self)),
        area,
    ]

    static let placeFilters = [
        APIQueryParameter(name: "kind", schema: .oneOf(Place.Kind.self)),
        area,
        APIQueryParameter(name: "step_free", schema: yes),
        APIQueryParameter(name: "bookable", schema: yes),
    ]

    static let eventFilters = [
        APIQueryParameter(name: "kind", schema: .oneOf(Event.Kind.self)),
        area,
        APIQueryParameter(name: "from", schema: .day()),
        APIQueryParameter(name: "through", schema: .day()),
    ]

    static let opportunityFilters = [
        APIQueryParameter(name: "q", schema: .string(description: "words, in any language", maxLength: 200)),
        APIQueryParameter(name: "category", schema: .string(description: "category code")),
        area,
        APIQueryParameter(name: "language", schema: .string(description: "a language the role is done in")),
        APIQueryParameter(name: "without_training", schema: yes),
    ]
}
