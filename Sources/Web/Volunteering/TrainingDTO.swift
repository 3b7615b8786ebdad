import Domain
import Foundation
import OpenAPIKit

/// A training for volunteers as the JSON API shows it: what the trainings pages show everyone, and nothing of who
/// completed it.
struct TrainingDTO: Encodable {
    var id: String
    /// The organisation that gives it; absent when the city does.
    var organisation: String?
    /// The name of who gives it: the organisation's, or the city's.
    var givenBy: String
    var title: String
    var titles: [String: String]
    var description: String
    var descriptions: [String: String]
    /// How many months a completion counts; absent when it never expires.
    var validityMonths: Int?
    var nextSession: String?
    var updatedAt: String
}

extension TrainingDTO {
    init(_ training: Training, organisation: Organisation?, city: City, language: LanguageCode) {
        id = training.id.description
        self.organisation = training.organisationID?.description
        givenBy =
            organisation.map { $0.name.text(in: language, fallback: city.defaultLanguage) }
            ?? city.displayName(in: language)
        title = training.title.text(in: language, fallback: city.defaultLanguage)
        titles = training.title.plainTexts
        description = training.description.text(in: language, fallback: city.defaultLanguage)
        descriptions = training.description.plainTexts
        validityMonths = training.validityMonths
        nextSession = training.nextSession?.description
        updatedAt = DateTexts.iso8601(training.updatedAt)
    }
}

extension TrainingDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A training the city or an organisation gives volunteers; opportunities may require it",
            [
                "id": .id(),
                "organisation": .id(required: false, description: "the organisation that gives it; absent: the city"),
                "givenBy": .string(description: "the organisation's name, or the city's"),
                "title": .string,
                "titles": .translations(),
                "description": .string,
                "descriptions": .translations(),
                "validityMonths": .integer(
                    required: false, description: "how long a completion counts; absent when it never expires",
                    minimum: (1, exclusive: false)),
                "nextSession": .day(required: false, description: "the next day it is given"),
                "updatedAt": .moment(),
            ])
    }

    static var example: Self {
        TrainingDTO(
            id: "8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f", organisation: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01",
            givenBy: "R3 Maahanmuuttajanuorten tuki ry", title: "Safe coaching", titles: ["fi": "Turvallinen ohjaus"],
            description: "Three hours on rights and limits.", descriptions: ["en": "Three hours on rights and limits."],
            validityMonths: 12, nextSession: "2026-04-14", updatedAt: "2026-01-05T10:00:00Z")
    }
}
