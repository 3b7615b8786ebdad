import Domain
import Hummingbird

/// Reads the organisation form and the directory's filter from a request.
enum OrganisationForm {
    static func input(from context: AppRequestContext, city: City) -> OrganisationInput {
        var names: [LanguageCode: String] = [:]
        var descriptions: [LanguageCode: String] = [:]
        for language in city.languages {
            names[language] = context.field("name_\(language.rawValue)")
            descriptions[language] = context.field("description_\(language.rawValue)")
        }
        return OrganisationInput(
            kind: context.field("kind"),
            names: names,
            descriptions: descriptions,
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
