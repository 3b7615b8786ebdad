import Domain
import Foundation

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

/// The body of a partner call create or update request.
struct PartnerCallWriteDTO: Decodable {
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
