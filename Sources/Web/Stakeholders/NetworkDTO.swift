import Domain
import Foundation

/// A network as the JSON API shows it, with its members.
struct NetworkDTO: Encodable {
    struct Member: Encodable {
        var organisation: String
        var role: String
        var since: String?
        var until: String?
    }

    var id: String
    var kind: String
    var name: String
    var names: [String: String]
    var description: String
    var descriptions: [String: String]
    var members: [Member]

    init(_ network: Network, members: [NetworkMembership], language: LanguageCode, fallback: LanguageCode) {
        id = network.id.description
        kind = network.kind.rawValue
        name = network.name.text(in: language, fallback: fallback)
        names = network.name.plainTexts
        description = network.description.text(in: language, fallback: fallback)
        descriptions = network.description.plainTexts
        self.members = members.map {
            Member(
                organisation: $0.organisationID.description, role: $0.role.rawValue, since: $0.since?.description,
                until: $0.until?.description)
        }
    }
}

/// The body of a network create or update request.
struct NetworkWriteDTO: Decodable {
    var kind: String
    var names: [String: String]
    var descriptions: [String: String]?

    var input: NetworkInput {
        NetworkInput(
            kind: kind, names: OrganisationWriteDTO.texts(names),
            descriptions: OrganisationWriteDTO.texts(descriptions ?? [:]))
    }
}

/// A partnership as the JSON API shows it.
struct PartnershipDTO: Encodable {
    var id: String
    var kind: String
    var first: String
    var second: String
    var since: String?
    var until: String?
    var note: String

    init(_ partnership: Partnership) {
        id = partnership.id.description
        kind = partnership.kind.rawValue
        first = partnership.first.description
        second = partnership.second.description
        since = partnership.since?.description
        until = partnership.until?.description
        note = partnership.note
    }
}

/// The body of a partnership create or update request.
struct PartnershipWriteDTO: Decodable {
    var kind: String
    var first: String
    var second: String
    var since: String?
    var until: String?
    var note: String?

    var input: PartnershipInput {
        PartnershipInput(
            kind: kind, first: first, second: second, since: since ?? "", until: until ?? "", note: note ?? "")
    }
}
