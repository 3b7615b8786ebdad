import Domain
import Foundation
import OpenAPIKit

/// A partner call as the JSON API shows it. Answers are not part of it: they are for the organisations involved.
struct PartnerCallDTO: Encodable {
    struct Translations: Encodable {
        var title: [String: String]
        var needs: [String: String]
        var offers: [String: String]
    }

    var id: String
    var organisation: String
    var title: String
    var needs: String
    var offers: String
    var translations: Translations
    var areas: [String]
    var deadline: String?
    var status: String
    var outcome: String?
    var partner: String?
    var outcomeNote: String?
}

extension PartnerCallDTO {
    init(_ call: PartnerCall, areaCodes: [AreaID: String], language: LanguageCode, fallback: LanguageCode) {
        id = call.id.description
        organisation = call.organisationID.description
        title = call.title.text(in: language, fallback: fallback)
        needs = call.needs.text(in: language, fallback: fallback)
        offers = call.offers.text(in: language, fallback: fallback)
        translations = Translations(
            title: call.title.plainTexts, needs: call.needs.plainTexts, offers: call.offers.plainTexts)
        areas = call.areaIDs.compactMap { areaCodes[$0] }
        deadline = call.deadline?.description
        status = call.status.rawValue
        outcome = call.outcome?.rawValue
        partner = call.partnerID?.description
        outcomeNote = call.status == .closed ? call.outcomeNote : nil
    }
}

extension PartnerCallDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A call for partners on the bulletin board",
            [
                "id": .id(),
                "organisation": .id(description: "the organisation looking for partners"),
                "title": .string,
                "needs": .string,
                "offers": .string,
                "translations": .record(
                    "Each text in every language it is written in",
                    ["title": .translations(), "needs": .translations(), "offers": .translations()]),
                "areas": .strings(description: "area codes"),
                "deadline": .day(required: false),
                "status": .oneOf(PartnerCall.Status.self),
                "outcome": .oneOf(PartnerCall.Outcome.self, required: false, description: "once closed"),
                "partner": .id(required: false, description: "the organisation found, once closed"),
                "outcomeNote": .string(required: false, description: "once closed"),
            ])
    }

    static var example: Self {
        PartnerCallDTO(
            id: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", organisation: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01",
            title: "A partner for a summer camp", needs: "A place in Hakunila", offers: "Volunteers",
            translations: Translations(
                title: ["en": "A partner for a summer camp"], needs: ["en": "A place in Hakunila"],
                offers: ["en": "Volunteers"]), areas: ["01200"], deadline: "2026-05-31",
            status: PartnerCall.Status.closed.rawValue, outcome: PartnerCall.Outcome.partnerFound.rawValue,
            partner: "7a2d3b5f-9c2e-4d66-8b4f-3a7e8d9c0b12", outcomeNote: "The youth house joined.")
    }
}

/// The body of a partner call create or update request.
struct PartnerCallWriteDTO: Codable {
    var organisation: String
    var titles: [String: String]
    var needs: [String: String]
    var offers: [String: String]?
    var areas: [String]?
    var deadline: String?

    var input: PartnerCallInput {
        PartnerCallInput(
            organisation: organisation, titles: OrganisationWriteDTO.texts(titles),
            needs: OrganisationWriteDTO.texts(needs), offers: OrganisationWriteDTO.texts(offers ?? [:]),
            areaCodes: (areas ?? []).joined(separator: " "), deadline: deadline ?? "")
    }
}

extension PartnerCallWriteDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A call for partners as posted or changed",
            [
                "organisation": .string(description: "id of an organisation the caller edits"),
                "titles": .translations(),
                "needs": .translations(),
                "offers": .translations(required: false),
                "areas": .strings(required: false, description: "area codes"),
                "deadline": .string(required: false, description: "YYYY-MM-DD, today or later"),
            ])
    }

    static var example: Self {
        PartnerCallWriteDTO(
            organisation: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01", titles: ["en": "A partner for a summer camp"],
            needs: ["en": "A place"], offers: ["en": "Volunteers"], areas: ["01200"], deadline: "2026-05-31")
    }
}
