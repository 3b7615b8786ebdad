import Domain
import Hummingbird

/// Reads the organisation form and the directory's filter from a request.
enum OrganisationForm {
    static func input(from context: AppRequestContext, city: City) -> OrganisationInput {
        OrganisationInput(
            kind: context.field("kind"),
            names: TranslatableFields.read("name", languages: city.languages, from: context),
            descriptions: TranslatableFields.read("description", languages: city.languages, from: context),
            languages: context.field("languages"),
            areaCodes: (context.form["areas"] ?? []).joined(separator: " "),
            website: context.field("website"),
            email: context.field("email"),
            status: context.field("status")
        )
    }

    static func filter(_ request: Request, areas: [Area]) -> OrganisationFilter {
        let query = request.uri.queryParameters
        let areaCode = query.get("area") ?? ""
        return OrganisationFilter(
            kind: query.get("kind").flatMap(Organisation.Kind.init(rawValue:)),
            language: query.get("language").flatMap(LanguageCode.init),
            areaID: areas.first { $0.code == areaCode }?.id,
            migrantLedOnly: query.get("migrant_led") == "yes",
            query: String((query.get("q") ?? "").prefix(100))
        )
    }
}
