import Domain
import Foundation
import OpenAPIKit

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
}

extension NetworkDTO {
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

extension NetworkDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A network of organisations with its members",
            [
                "id": .id(),
                "kind": .oneOf(Network.Kind.self),
                "name": .string,
                "names": .translations(),
                "description": .string,
                "descriptions": .translations(),
                "members": .array(
                    items: .record(
                        "An organisation's membership",
                        [
                            "organisation": .id(),
                            "role": .oneOf(NetworkMembership.Role.self),
                            "since": .day(required: false),
                            "until": .day(required: false),
                        ])),
            ])
    }

    static var example: Self {
        NetworkDTO(
            id: "0b6f8e2c-3d4a-4e1f-8a7b-9c0d1e2f3a4b", kind: Network.Kind.localGroup.rawValue,
            name: "Vantaa URBACT Local Group", names: ["en": "Vantaa URBACT Local Group"],
            description: "The organisations that wrote the plan.", descriptions: ["en": "The plan's authors."],
            members: [
                Member(
                    organisation: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01", role: NetworkMembership.Role.lead.rawValue,
                    since: "2018-01-01", until: "2022-12-31")
            ])
    }
}

/// The body of a network create or update request.
struct NetworkWriteDTO: Codable {
    var kind: String
    var names: [String: String]
    var descriptions: [String: String]?

    var input: NetworkInput {
        NetworkInput(
            kind: kind, names: OrganisationWriteDTO.texts(names),
            descriptions: OrganisationWriteDTO.texts(descriptions ?? [:]))
    }
}

extension NetworkWriteDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A network as created or changed",
            [
                "kind": .oneOf(Network.Kind.self),
                "names": .translations(),
                "descriptions": .translations(required: false),
            ])
    }

    static var example: Self {
        NetworkWriteDTO(
            kind: Network.Kind.thematic.rawValue, names: ["en": "Language cafés"],
            descriptions: ["en": "Everyone who runs one."])
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
}

extension PartnershipDTO {
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

extension PartnershipDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A partnership between two organisations",
            [
                "id": .id(),
                "kind": .oneOf(Partnership.Kind.self),
                "first": .id(description: "an organisation"),
                "second": .id(description: "the other organisation"),
                "since": .day(required: false),
                "until": .day(required: false),
                "note": .string,
            ])
    }

    static var example: Self {
        PartnershipDTO(
            id: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", kind: Partnership.Kind.jointProject.rawValue,
            first: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01", second: "7a2d3b5f-9c2e-4d66-8b4f-3a7e8d9c0b12",
            since: "2024-01-01", until: "2026-12-31", note: "Summer camps together")
    }
}

/// The body of a partnership create or update request.
struct PartnershipWriteDTO: Codable {
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

extension PartnershipWriteDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A partnership as recorded or changed",
            [
                "kind": .oneOf(Partnership.Kind.self),
                "first": .string(description: "id of an organisation"),
                "second": .string(description: "id of the other organisation"),
                "since": .string(required: false, description: "YYYY-MM-DD"),
                "until": .string(required: false, description: "YYYY-MM-DD, not before since"),
                "note": .string(required: false),
            ])
    }

    static var example: Self {
        PartnershipWriteDTO(
            kind: Partnership.Kind.referral.rawValue, first: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01",
            second: "7a2d3b5f-9c2e-4d66-8b4f-3a7e8d9c0b12", since: "2026-01-01", until: "2026-12-31",
            note: "Newcomers sent on")
    }
}
