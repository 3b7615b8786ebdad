import Domain
import Foundation
import OpenAPIKit

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
}

extension OrganisationDTO {
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

extension OrganisationDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "An organisation of the city",
            [
                "id": .id(),
                "kind": .oneOf(Organisation.Kind.self),
                "migrantLed": .boolean,
                "name": .string(description: "in the asked language, else the city's default, else any"),
                "names": .translations(),
                "description": .string,
                "descriptions": .translations(),
                "languages": .strings(description: "language codes the organisation works in"),
                "areas": .strings(description: "codes of the areas it serves"),
                "website": .string(required: false),
                "email": .string(required: false),
                "status": .oneOf(Organisation.Status.self),
                "lastConfirmedAt": .moment(required: false, description: "when its details were last confirmed"),
            ])
    }

    static var example: Self {
        OrganisationDTO(
            id: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01", kind: Organisation.Kind.migrantLedNGO.rawValue,
            migrantLed: true, name: "Nicehearts ry", names: ["fi": "Nicehearts ry"],
            description: "Works for the wellbeing of girls and women.", descriptions: ["en": "Works for girls."],
            languages: ["fi", "en"], areas: ["01200"], website: "https://nicehearts.com",
            email: "info@nicehearts.example", status: Organisation.Status.active.rawValue,
            lastConfirmedAt: "2026-01-15T09:00:00Z")
    }
}

/// The body of a create or update request; every field is checked like the form's.
struct OrganisationWriteDTO: Codable {
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

extension OrganisationWriteDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "An organisation as created or changed; fields left out are empty (status: active)",
            [
                "kind": .oneOf(Organisation.Kind.self),
                "names": .translations(),
                "descriptions": .translations(required: false),
                "languages": .strings(required: false),
                "areas": .strings(required: false, description: "area codes"),
                "website": .string(required: false),
                "email": .string(required: false),
                "status": .oneOf(Organisation.Status.self, required: false),
            ])
    }

    static var example: Self {
        OrganisationWriteDTO(
            kind: Organisation.Kind.ngo.rawValue, names: ["fi": "Kylätalo ry", "en": "Village House"],
            descriptions: ["en": "A house for everyone."], languages: ["fi", "en"], areas: ["01200"],
            website: "https://kylatalo.example", email: "info@kylatalo.example",
            status: Organisation.Status.active.rawValue)
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

    enum CodingKeys: String, CodingKey {
        case id, name, description, email, website, uri
        case alternateName = "alternate_name"
    }
}

extension HSDSOrganizationDTO {
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
}

extension HSDSOrganizationDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "An Open Referral HSDS 3.0 organization",
            [
                "id": .id(),
                "name": .string,
                "alternate_name": .string(required: false, description: "its names in other languages"),
                "description": .string,
                "email": .string(required: false),
                "website": .string(required: false),
                "uri": .string(format: .uri, description: "its page on Arrival"),
            ])
    }

    static var example: Self {
        HSDSOrganizationDTO(
            id: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01", name: "Nicehearts ry", alternateName: "Nicehearts",
            description: "Works for the wellbeing of girls and women.", email: "info@nicehearts.example",
            website: "https://nicehearts.com",
            uri: "https://arrival.example/vantaa/organisations/6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01")
    }
}

extension LocalizedText {
    /// Language code → text, for JSON.
    var plainTexts: [String: String] {
        Dictionary(uniqueKeysWithValues: translations.map { ($0.key.rawValue, $0.value.text) })
    }
}
