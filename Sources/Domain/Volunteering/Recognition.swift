import Foundation

public typealias AwardID = Identifier<Award>
public typealias CertificateID = Identifier<Certificate>

/// A city's award to a volunteer (volunteer of the year), shown on the public recognition page under the name the
/// volunteer agreed to.
public struct Award: Hashable, Sendable {
    public var id: AwardID
    public var cityID: CityID
    /// The volunteer's account, when they have one here.
    public var personID: PersonID?
    /// The name shown publicly.
    public var recipientName: String
    public var title: LocalizedText
    public var citation: LocalizedText
    public var awardedOn: CalendarDay
    public var createdAt: Date

    public init(
        id: AwardID = AwardID(), cityID: CityID, personID: PersonID?, recipientName: String, title: LocalizedText,
        citation: LocalizedText = LocalizedText(), awardedOn: CalendarDay, createdAt: Date
    ) {
        self.id = id
        self.cityID = cityID
        self.personID = personID
        self.recipientName = recipientName
        self.title = title
        self.citation = citation
        self.awardedOn = awardedOn
        self.createdAt = createdAt
    }
}

/// An award as typed by a coordinator.
public struct AwardInput: Hashable, Sendable {
    public var recipientName: String
    /// The recipient's email when they have an account, to link the award to it; may be empty.
    public var recipientEmail: String
    public var titles: [LanguageCode: String]
    public var citations: [LanguageCode: String]
    public var awardedOn: String
    /// That the recipient agreed to be named publicly.
    public var consent: Bool

    public init(
        recipientName: String = "", recipientEmail: String = "", titles: [LanguageCode: String] = [:],
        citations: [LanguageCode: String] = [:], awardedOn: String = "", consent: Bool = false
    ) {
        self.recipientName = recipientName
        self.recipientEmail = recipientEmail
        self.titles = titles
        self.citations = citations
        self.awardedOn = awardedOn
        self.consent = consent
    }

    public func award(city: CityID, person: PersonID?, personFound: Bool, original: LanguageCode, now: Date)
        throws(ValidationErrors) -> Award
    {
        var errors = ValidationErrors()
        let name = recipientName.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(!name.isEmpty, "common.errors.required", field: "recipient_name")
        errors.require(name.count <= 200, "common.errors.too_long", field: "recipient_name")
        let email = recipientEmail.trimmingCharacters(in: .whitespaces)
        errors.require(email.isEmpty || personFound, "volunteering.errors.person.unknown", field: "recipient_email")
        let titles = TranslatedInput.titles(titles, errors: &errors)
        let citations = TranslatedInput.descriptions(citations, field: "citation", limit: 2_000, errors: &errors)
        let day = CalendarDay(awardedOn)
        errors.require(day != nil, "stakeholders.errors.date.invalid", field: "awarded_on")
        errors.require(consent, "volunteering.errors.award.consent", field: "consent")
        if !errors.isEmpty { throw errors }
        return Award(
            cityID: city, personID: person, recipientName: name,
            title: LocalizedText().updated(with: titles, original: original),
            citation: LocalizedText().updated(with: citations, original: original), awardedOn: day!, createdAt: now)
    }
}

/// A volunteer's certificate of what they did, frozen when issued so the code anyone can check always shows what
/// was printed: roles with their organisations and approved hours, and trainings.
public struct Certificate: Hashable, Sendable, Codable {
    public struct Engagement: Hashable, Sendable, Codable {
        public var organisation: LocalizedText
        public var role: LocalizedText
        public var from: CalendarDay?
        public var through: CalendarDay?
        public var minutes: Int

        public init(
            organisation: LocalizedText, role: LocalizedText, from: CalendarDay?, through: CalendarDay?, minutes: Int
        ) {
            self.organisation = organisation
            self.role = role
            self.from = from
            self.through = through
            self.minutes = minutes
        }
    }

    public struct TrainingRecord: Hashable, Sendable, Codable {
        public var title: LocalizedText
        public var completedOn: CalendarDay

        public init(title: LocalizedText, completedOn: CalendarDay) {
            self.title = title
            self.completedOn = completedOn
        }
    }

    public var id: CertificateID
    public var cityID: CityID
    public var personID: PersonID
    /// Anyone with it can check the certificate at the public address: `7KQ4-M2XD-9PHT`.
    public var code: String
    public var holderName: String
    public var issuedOn: CalendarDay
    public var engagements: [Engagement]
    public var trainings: [TrainingRecord]
    /// When the holder withdrew it; a withdrawn code no longer verifies.
    public var revokedAt: Date?

    public init(
        id: CertificateID = CertificateID(), cityID: CityID, personID: PersonID, code: String = ReadableCode.make(),
        holderName: String, issuedOn: CalendarDay, engagements: [Engagement], trainings: [TrainingRecord],
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.personID = personID
        self.code = code
        self.holderName = holderName
        self.issuedOn = issuedOn
        self.engagements = engagements
        self.trainings = trainings
        self.revokedAt = revokedAt
    }

    public var totalMinutes: Int { engagements.reduce(0) { $0 + $1.minutes } }
}

/// Volunteers' certificates, found by the code printed on them.
public protocol CertificateRepository: Sendable {
    func save(_ certificate: Certificate) async throws
    func certificate(code: String) async throws -> Certificate?
    func certificates(person: PersonID, city: CityID) async throws -> [Certificate]
    func revoke(_ id: CertificateID, at: Date) async throws
}

/// A city's awards to volunteers.
public protocol AwardRepository: Sendable {
    func save(_ award: Award) async throws
    func awards(city: CityID) async throws -> [Award]
}
