import Domain
import Foundation

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
