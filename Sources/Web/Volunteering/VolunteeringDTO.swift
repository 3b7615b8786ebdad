import Domain
import Foundation
import OpenAPIKit

/// An opportunity as the JSON API shows it.
struct OpportunityDTO: Encodable {
    var id: String
    var organisation: String
    var title: String
    var titles: [String: String]
    var description: String
    var categories: [String]
    var skills: [String]
    var requiredTrainings: [String]
    var languages: [String]
    var place: String?
    var areas: [String]
    /// Times of the week as `day-part`: day 0 is Monday, part 0 morning, 1 afternoon, 2 evening.
    var times: [String]
    var wanted: Int
    var status: String
    var updatedAt: String
}

extension OpportunityDTO {
    init(
        _ opportunity: Opportunity, city: City, categoryCodes: [CategoryID: String], areaCodes: [AreaID: String],
        language: LanguageCode
    ) {
        id = opportunity.id.description
        organisation = opportunity.organisationID.description
        title = opportunity.title.text(in: language, fallback: city.defaultLanguage)
        titles = opportunity.title.plainTexts
        description = opportunity.description.text(in: language, fallback: city.defaultLanguage)
        categories = opportunity.categoryIDs.compactMap { categoryCodes[$0] }
        skills = opportunity.skills
        requiredTrainings = opportunity.requiredTrainingIDs.map(\.description)
        languages = opportunity.languages.map(\.rawValue)
        place = opportunity.placeID?.description
        areas = opportunity.areaIDs.compactMap { areaCodes[$0] }
        times = opportunity.times.times.map { "\($0.day)-\($0.part)" }
        wanted = opportunity.wanted
        status = opportunity.status.rawValue
        updatedAt = DateTexts.iso8601(opportunity.updatedAt)
    }
}

extension OpportunityDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A volunteer role",
            [
                "id": .id(),
                "organisation": .id(),
                "title": .string,
                "titles": .translations(),
                "description": .string,
                "categories": .strings(description: "category codes"),
                "skills": .strings(),
                "requiredTrainings": .array(description: "trainings a volunteer must hold", items: .id()),
                "languages": .strings(description: "language codes the role is done in"),
                "place": .id(required: false),
                "areas": .strings(description: "area codes"),
                "times": .array(
                    items: .string(
                        description: "day-part: day 0 is Monday; part 0 morning, 1 afternoon, 2 evening",
                        pattern: "^[0-6]-[0-2]$")),
                "wanted": .integer(description: "how many volunteers are sought", minimum: (1, exclusive: false)),
                "status": .oneOf(Opportunity.Status.self),
                "updatedAt": .moment(),
            ])
    }

    static var example: Self {
        OpportunityDTO(
            id: "4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e", organisation: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01",
            title: "Welcome guide", titles: ["en": "Welcome guide"], description: "Show newcomers around.",
            categories: ["welcome"], skills: ["listening"], requiredTrainings: ["8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f"],
            languages: ["fi", "ar"], place: "3c2b1a0f-9e8d-4c7b-a6f5-4e3d2c1b0a9f", areas: ["01200"],
            times: ["1-2"], wanted: 3, status: Opportunity.Status.open.rawValue, updatedAt: "2026-01-20T12:00:00Z")
    }
}

/// An engagement of a volunteer with one of the reader's organisations. The volunteer is named only when they
/// agreed to it in their profile; otherwise a pseudonym stands in.
struct EngagementDTO: Encodable {
    var id: String
    var organisation: String
    var opportunity: String
    var volunteer: String
    var status: String
    var startedOn: String?
    var endedOn: String?
    var approvedMinutes: Int
}

extension EngagementDTO {
    init(_ application: VolunteerApplication, named: String?, approvedMinutes: Int) {
        id = application.id.description
        organisation = application.organisationID.description
        opportunity = application.opportunityID.description
        volunteer = named ?? VolunteerProfile.pseudonym(application.personID)
        status = application.status.rawValue
        startedOn = application.startedOn?.description
        endedOn = application.endedOn?.description
        self.approvedMinutes = approvedMinutes
    }
}

extension EngagementDTO: APISchema {
    static var schema: JSONSchema {
        .record(
            "A volunteer's engagement with one of the reader's organisations",
            [
                "id": .id(),
                "organisation": .id(),
                "opportunity": .id(),
                "volunteer": .string(description: "the volunteer's name with their consent, otherwise a pseudonym"),
                "status": .oneOf(VolunteerApplication.Status.self),
                "startedOn": .day(required: false),
                "endedOn": .day(required: false),
                "approvedMinutes": .integer(minimum: (0, exclusive: false)),
            ])
    }

    static var example: Self {
        EngagementDTO(
            id: "6d7e8f9a-0b1c-4d2e-9f3a-4b5c6d7e8f9a", organisation: "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01",
            opportunity: "4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e", volunteer: "V-1A2B3C4D",
            status: VolunteerApplication.Status.completed.rawValue, startedOn: "2025-09-01", endedOn: "2026-01-31",
            approvedMinutes: 1_200)
    }
}

/// Everything held about a volunteer's volunteering in a city, for them to take away.
struct VolunteerDataDTO: Encodable {
    struct Profile: Encodable {
        var skills: [String]
        var interests: [String]
        var languages: [String: String]
        var areas: [String]
        var availability: [String]
        var background: String?
        var backgroundConsentAt: String?
        var shareEngagement: Bool
    }

    struct Application: Encodable {
        var id: String
        var opportunity: String
        var organisation: String
        var status: String
        var message: String
        var reason: String
        var createdAt: String
    }

    struct Hours: Encodable {
        var day: String
        var application: String
        var minutes: Int
        var approvedMinutes: Int?
        var status: String
        var note: String
    }

    struct Completion: Encodable {
        var training: String
        var completedOn: String
        var expiresOn: String?
    }

    struct CertificateCode: Encodable {
        var code: String
        var issuedOn: String
        var revoked: Bool
    }

    var profile: Profile?
    var applications: [Application]
    var hours: [Hours]
    var trainings: [Completion]
    var certificates: [CertificateCode]

    init(_ data: VolunteeringUseCases.DataExport) {
        profile = data.profile.map { profile in
            Profile(
                skills: profile.skills, interests: profile.interests.map(\.description),
                languages: Dictionary(profile.languages.map { ($0.language.rawValue, $0.level.rawValue) }) {
                    first, _ in first
                }, areas: profile.areaIDs.map(\.description),
                availability: profile.availability.times.map { "\($0.day)-\($0.part)" },
                background: profile.background?.rawValue,
                backgroundConsentAt: profile.backgroundConsentAt.map(DateTexts.iso8601),
                shareEngagement: profile.shareEngagement)
        }
        applications = data.applications.map {
            Application(
                id: $0.id.description, opportunity: $0.opportunityID.description,
                organisation: $0.organisationID.description, status: $0.status.rawValue, message: $0.message,
                reason: $0.reason, createdAt: DateTexts.iso8601($0.createdAt))
        }
        hours = data.hours.map {
            Hours(
                day: $0.day.description, application: $0.applicationID.description, minutes: $0.minutes,
                approvedMinutes: $0.approvedMinutes, status: $0.status.rawValue, note: $0.note)
        }
        trainings = data.completions.map {
            Completion(
                training: $0.trainingID.description, completedOn: $0.completedOn.description,
                expiresOn: $0.expiresOn?.description)
        }
        certificates = data.certificates.map {
            CertificateCode(code: $0.code, issuedOn: $0.issuedOn.description, revoked: $0.revokedAt != nil)
        }
    }
}
