import Foundation

public typealias TrainingID = Identifier<Training>
public typealias TrainingCompletionID = Identifier<TrainingCompletion>

/// A training the city or an organisation gives volunteers (Thessaloniki's mandatory training before working with
/// refugees; Vantaa's joint training programme). Opportunities may require it.
public struct Training: Hashable, Sendable {
    public var id: TrainingID
    public var cityID: CityID
    /// The organisation that gives it and records completions; `nil` when the city does.
    public var organisationID: OrganisationID?
    public var title: LocalizedText
    public var description: LocalizedText
    /// How long a completion counts; `nil` when it never expires.
    public var validityMonths: Int?
    /// The next day it is given, told to volunteers who still need it.
    public var nextSession: CalendarDay?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: TrainingID = TrainingID(), cityID: CityID, organisationID: OrganisationID?, title: LocalizedText,
        description: LocalizedText = LocalizedText(), validityMonths: Int? = nil, nextSession: CalendarDay? = nil,
        createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.organisationID = organisationID
        self.title = title
        self.description = description
        self.validityMonths = validityMonths
        self.nextSession = nextSession
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The first day a completion on `day` no longer counts; `nil` when it never expires.
    public func expiry(completedOn day: CalendarDay) -> CalendarDay? {
        guard let validityMonths else { return nil }
        let months = day.month - 1 + validityMonths
        let year = day.year + months / 12
        let month = months % 12 + 1
        // The same day of the month, or the month's last day when it is shorter.
        var dayOfMonth = day.day
        while CalendarDay(year: year, month: month, day: dayOfMonth) == nil { dayOfMonth -= 1 }
        return CalendarDay(year: year, month: month, day: dayOfMonth)
    }
}

/// That a person completed a training, as the trainer recorded it.
public struct TrainingCompletion: Hashable, Sendable {
    public var id: TrainingCompletionID
    public var trainingID: TrainingID
    public var personID: PersonID
    public var completedOn: CalendarDay
    /// The first day it no longer counts; `nil` when it never expires.
    public var expiresOn: CalendarDay?
    public var recordedBy: PersonID?
    public var createdAt: Date

    public init(
        id: TrainingCompletionID = TrainingCompletionID(), trainingID: TrainingID, personID: PersonID,
        completedOn: CalendarDay, expiresOn: CalendarDay?, recordedBy: PersonID?, createdAt: Date
    ) {
        self.id = id
        self.trainingID = trainingID
        self.personID = personID
        self.completedOn = completedOn
        self.expiresOn = expiresOn
        self.recordedBy = recordedBy
        self.createdAt = createdAt
    }

    /// Whether it counts on `day`.
    public func isValid(on day: CalendarDay) -> Bool {
        completedOn <= day && expiresOn.map { day < $0 } ?? true
    }

    /// The trainings a person holds on `day` among their completions.
    public static func valid(_ completions: [TrainingCompletion], on day: CalendarDay) -> Set<TrainingID> {
        Set(completions.filter { $0.isValid(on: day) }.map(\.trainingID))
    }
}

/// A training as typed into the form.
public struct TrainingInput: Hashable, Sendable {
    /// An organisation id, or empty for the city's own training.
    public var organisation: String
    public var titles: [LanguageCode: String]
    public var descriptions: [LanguageCode: String]
    /// Whole months, or empty when it never expires.
    public var validityMonths: String
    /// `YYYY-MM-DD`, or empty.
    public var nextSession: String

    public init(
        organisation: String = "", titles: [LanguageCode: String] = [:], descriptions: [LanguageCode: String] = [:],
        validityMonths: String = "", nextSession: String = ""
    ) {
        self.organisation = organisation
        self.titles = titles
        self.descriptions = descriptions
        self.validityMonths = validityMonths
        self.nextSession = nextSession
    }

    public init(_ training: Training) {
        self.init(
            organisation: training.organisationID?.description ?? "",
            titles: training.title.translations.mapValues(\.text),
            descriptions: training.description.translations.mapValues(\.text),
            validityMonths: training.validityMonths.map(String.init) ?? "",
            nextSession: training.nextSession?.description ?? "")
    }

    /// Checks every field and writes it into `training`. `organisations` are those the actor may give trainings
    /// for; `cityAllowed` whether they may give the city's own.
    public func apply(
        to training: inout Training, organisations: Set<OrganisationID>, cityAllowed: Bool, original: LanguageCode,
        now: Date
    ) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let organisationText = organisation.trimmingCharacters(in: .whitespaces)
        let organisationID = OrganisationID(string: organisationText)
        errors.require(
            organisationText.isEmpty ? cityAllowed : organisationID.map(organisations.contains) ?? false,
            "stakeholders.errors.organisation.unknown", field: "organisation")
        let titles = TranslatedInput.titles(titles, errors: &errors)
        let descriptions = TranslatedInput.descriptions(descriptions, errors: &errors)
        let monthsText = validityMonths.trimmingCharacters(in: .whitespaces)
        let months = Int(monthsText)
        errors.require(
            monthsText.isEmpty || (months.map { (1...120).contains($0) } ?? false),
            "volunteering.errors.validity.invalid", field: "validity_months")
        let sessionText = nextSession.trimmingCharacters(in: .whitespaces)
        let session = CalendarDay(sessionText)
        errors.require(sessionText.isEmpty || session != nil, "stakeholders.errors.date.invalid", field: "next_session")
        if !errors.isEmpty { throw errors }
        training.organisationID = organisationText.isEmpty ? nil : organisationID
        training.title = training.title.updated(with: titles, original: original)
        training.description = training.description.updated(with: descriptions, original: original)
        training.validityMonths = monthsText.isEmpty ? nil : months
        training.nextSession = session
        training.updatedAt = now
    }
}

/// Trainings and the completions their trainers record.
public protocol TrainingRepository: Sendable {
    func save(_ training: Training) async throws
    func training(id: TrainingID) async throws -> Training?
    func trainings(city: CityID) async throws -> [Training]
    /// Records a completion (a second one of the same training and day replaces the first, in one transaction).
    func record(_ completion: TrainingCompletion) async throws
    /// Completions of a city's trainings, of the given people when `persons` is not nil, of one training when given.
    func completions(city: CityID, persons: Set<PersonID>?, training: TrainingID?) async throws
        -> [TrainingCompletion]
}
