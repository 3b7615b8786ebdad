import Domain
import Foundation

/// An organisation as the JSON API shows it.
struct OrganisationDTO: Encodable {
    var id: String
    var kind: String
    var migrantLed: Bool
    var name: String
    var names: [String: String]
    var description: String
    var descriptions: [String: String]
    var languages: [String]
    var areas: [String]
    var website: String?
    var email: String?
    var status: String
    var lastConfirmedAt: String?

    init(_ organisation: Organisation, areaCodes: [AreaID: String], language: LanguageCode, fallback: LanguageCode) {
        id = organisation.id.description
        kind = organisation.kind.rawValue
        migrantLed = organisation.kind.isMigrantLed
        name = organisation.name.text(in: language, fallback: fallback)
        names = organisation.name.plainTexts
        description = organisation.description.text(in: language, fallback: fallback)
        descriptions = organisation.description.plainTexts
        languages = organisation.languages.map(\.rawValue)
        areas = organisation.areaIDs.compactMap { areaCodes[$0] }
        website = organisation.website
        email = organisation.email
        status = organisation.status.rawValue
        lastConfirmedAt = organisation.lastConfirmedAt.map { DateTexts.iso8601($0) }
    }
}

/// The body of a create or update request; every field is checked like the form's.
struct OrganisationWriteDTO: Decodable {
    var kind: String
    var names: [String: String]
    var descriptions: [String: String]?
    var languages: [String]?
    var areas: [String]?
    var website: String?
    var email: String?
    var status: String?

    var input: OrganisationInput {
        OrganisationInput(
            kind: kind,
            names: Self.texts(names),
            descriptions: Self.texts(descriptions ?? [:]),
            languages: (languages ?? []).joined(separator: " "),
            areaCodes: (areas ?? []).joined(separator: " "),
            website: website ?? "",
            email: email ?? "",
            status: status ?? Organisation.Status.active.rawValue
        )
    }

    /// Texts keyed by language; a key that is not a language code becomes a name error rather than vanishing.
    static func texts(_ raw: [String: String]) -> [LanguageCode: String] {
        var texts: [LanguageCode: String] = [:]
        for (key, value) in raw {
            guard let code = LanguageCode(key) else { continue }
            texts[code] = value
        }
        return texts
    }
}

/// An organisation in the Open Referral HSDS 3.0 `organization` shape.
struct HSDSOrganizationDTO: Encodable {
    var id: String
    var name: String
    var alternateName: String?
    var description: String
    var email: String?
    var website: String?
    var uri: String

    init(
        _ organisation: Organisation, language: LanguageCode, fallback: LanguageCode, publicURL: String,
        citySlug: String
    ) {
        id = organisation.id.description
        let resolved = organisation.name.resolve(language, fallback: fallback)
        name = resolved?.text ?? ""
        let others = organisation.name.translations
            .filter { $0.key != resolved?.language && !$0.value.text.isEmpty }
            .sorted { $0.key < $1.key }.map(\.value.text)
        alternateName = others.isEmpty ? nil : others.joined(separator: " / ")
        description = organisation.description.text(in: language, fallback: fallback)
        email = organisation.email
        website = organisation.website
        uri = publicURL + Route.organisation(citySlug, organisation.id).path
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, email, website, uri
        case alternateName = "alternate_name"
    }
}

extension LocalizedText {
    /// Language code → text, for JSON.
    var plainTexts: [String: String] {
        Dictionary(uniqueKeysWithValues: translations.map { ($0.key.rawValue, $0.value.text) })
    }
}
