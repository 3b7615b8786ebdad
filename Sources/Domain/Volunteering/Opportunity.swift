import Foundation

public typealias OpportunityID = Identifier<Opportunity>

/// A volunteer role an organisation offers (Amsterdam's and Oslo's vacancy databases): what it is, what it asks
/// for, where and when, and how many volunteers it wants.
public struct Opportunity: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Shown publicly and open for applications.
        case open
        /// Kept for the record; nobody can apply.
        case closed
    }

    public var id: OpportunityID
    public var cityID: CityID
    public var organisationID: OrganisationID
    public var title: LocalizedText
    public var description: LocalizedText
    /// Categories of the city's taxonomy the role belongs to (matched against volunteers' interests).
    public var categoryIDs: [CategoryID]
    /// Skills that help, as free words.
    public var skills: [String]
    /// Trainings a volunteer must hold to apply and to stay active.
    public var requiredTrainingIDs: [TrainingID]
    /// Languages the role is done in; a volunteer needs one of them.
    public var languages: [LanguageCode]
    public var placeID: PlaceID?
    public var areaIDs: [AreaID]
    /// The times of the week the role needs someone.
    public var times: WeeklyAvailability
    /// How many volunteers are wanted at once.
    public var wanted: Int
    public var status: Status
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: OpportunityID = OpportunityID(), cityID: CityID, organisationID: OrganisationID, title: LocalizedText,
        description: LocalizedText = LocalizedText(), categoryIDs: [CategoryID] = [], skills: [String] = [],
        requiredTrainingIDs: [TrainingID] = [], languages: [LanguageCode] = [], placeID: PlaceID? = nil,
        areaIDs: [AreaID] = [], times: WeeklyAvailability = WeeklyAvailability(bits: 0), wanted: Int = 1,
        status: Status = .open, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.organisationID = organisationID
        self.title = title
        self.description = description
        self.categoryIDs = categoryIDs
        self.skills = skills
        self.requiredTrainingIDs = requiredTrainingIDs
        self.languages = languages
        self.placeID = placeID
        self.areaIDs = areaIDs
        self.times = times
        self.wanted = wanted
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// Which opportunities to list.
public struct OpportunityQuery: Hashable, Sendable {
    public var city: CityID
    public var organisations: Set<OrganisationID>?
    public var statuses: Set<Opportunity.Status>
    /// Words that must all appear in a title or description, in any language.
    public var text: String
    public var language: LanguageCode?
    public var area: AreaID?
    public var category: CategoryID?
    /// Only those that need no training.
    public var withoutTraining: Bool

    public init(
        city: CityID, organisations: Set<OrganisationID>? = nil, statuses: Set<Opportunity.Status> = [.open],
        text: String = "", language: LanguageCode? = nil, area: AreaID? = nil, category: CategoryID? = nil,
        withoutTraining: Bool = false
    ) {
        self.city = city
        self.organisations = organisations
        self.statuses = statuses
        self.text = text
        self.language = language
        self.area = area
        self.category = category
        self.withoutTraining = withoutTraining
    }

    /// Whether an opportunity passes every filter (the repository may narrow first; this decides).
    public func matches(_ opportunity: Opportunity) -> Bool {
        guard opportunity.cityID == city, statuses.contains(opportunity.status),
            organisations.map({ $0.contains(opportunity.organisationID) }) ?? true,
            language.map(opportunity.languages.contains) ?? true,
            area.map(opportunity.areaIDs.contains) ?? true, category.map(opportunity.categoryIDs.contains) ?? true,
            !withoutTraining || opportunity.requiredTrainingIDs.isEmpty
        else { return false }
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return true }
        let haystack =
            (opportunity.title.translations.values.map(\.text)
            + opportunity.description.translations.values.map(\.text) + opportunity.skills)
            .joined(separator: " ").lowercased()
        return words.allSatisfy { haystack.contains($0) }
    }
}

/// An opportunity as typed into the form or sent to the API.
public struct OpportunityInput: Hashable, Sendable {
    public var organisation: String
    public var titles: [LanguageCode: String]
    public var descriptions: [LanguageCode: String]
    public var categories: [String]
    public var skills: String
    /// Training ids.
    public var trainings: [String]
    public var languages: String
    public var place: String
    public var areas: [String]
    public var times: [String]
    public var wanted: String
    public var status: String

    public init(
        organisation: String = "", titles: [LanguageCode: String] = [:], descriptions: [LanguageCode: String] = [:],
        categories: [String] = [], skills: String = "", trainings: [String] = [], languages: String = "",
        place: String = "", areas: [String] = [], times: [String] = [], wanted: String = "1",
        status: String = Opportunity.Status.open.rawValue
    ) {
        self.organisation = organisation
        self.titles = titles
        self.descriptions = descriptions
        self.categories = categories
        self.skills = skills
        self.trainings = trainings
        self.languages = languages
        self.place = place
        self.areas = areas
        self.times = times
        self.wanted = wanted
        self.status = status
    }

    public init(_ opportunity: Opportunity, categoryCodes: [CategoryID: String], areaCodes: [AreaID: String]) {
        self.init(
            organisation: opportunity.organisationID.description,
            titles: opportunity.title.translations.mapValues(\.text),
            descriptions: opportunity.description.translations.mapValues(\.text),
            categories: opportunity.categoryIDs.compactMap { categoryCodes[$0] },
            skills: opportunity.skills.joined(separator: ", "),
            trainings: opportunity.requiredTrainingIDs.map(\.description),
            languages: opportunity.languages.map(\.rawValue).joined(separator: ", "),
            place: opportunity.placeID?.description ?? "", areas: opportunity.areaIDs.compactMap { areaCodes[$0] },
            times: opportunity.times.times.map { "\($0.day)-\($0.part)" }, wanted: String(opportunity.wanted),
            status: opportunity.status.rawValue)
    }

    /// What an opportunity may refer to.
    public struct Choices: Sendable {
        public var organisations: Set<OrganisationID>
        public var categoriesByCode: [String: CategoryID]
        public var areasByCode: [String: AreaID]
        public var places: Set<PlaceID>
        public var trainings: Set<TrainingID>

        public init(
            organisations: Set<OrganisationID>, categoriesByCode: [String: CategoryID], areasByCode: [String: AreaID],
            places: Set<PlaceID>, trainings: Set<TrainingID>
        ) {
            self.organisations = organisations
            self.categoriesByCode = categoriesByCode
            self.areasByCode = areasByCode
            self.places = places
            self.trainings = trainings
        }
    }

    /// Checks every field and writes it into `opportunity`; nothing is written when one is wrong.
    public func apply(to opportunity: inout Opportunity, choices: Choices, original: LanguageCode, now: Date)
        throws(ValidationErrors)
    {
        var errors = ValidationErrors()
        let organisationID = OrganisationID(string: organisation.trimmingCharacters(in: .whitespaces))
            .flatMap { choices.organisations.contains($0) ? $0 : nil }
        errors.require(organisationID != nil, "stakeholders.errors.organisation.unknown", field: "organisation")
        let titles = TranslatedInput.titles(titles, errors: &errors)
        let descriptions = TranslatedInput.descriptions(descriptions, errors: &errors)
        let categoryIDs = categories.compactMap { choices.categoriesByCode[$0] }
        errors.require(categoryIDs.count == categories.count, "directory.errors.category.unknown", field: "categories")
        let skills = VolunteerProfileInput.skills(skills, errors: &errors)
        let trainingIDs = trainings.compactMap(TrainingID.init(string:)).filter(choices.trainings.contains)
        errors.require(trainingIDs.count == trainings.count, "volunteering.errors.training.unknown", field: "trainings")
        let languageWords = OrganisationInput.words(languages)
        let languages = languageWords.compactMap(LanguageCode.init)
        errors.require(
            languages.count == languageWords.count, "stakeholders.errors.languages.invalid", field: "languages")
        errors.require(!languageWords.isEmpty, "matching.errors.languages.missing", field: "languages")
        let placeText = place.trimmingCharacters(in: .whitespaces)
        let placeID = PlaceID(string: placeText).flatMap { choices.places.contains($0) ? $0 : nil }
        errors.require(placeText.isEmpty || placeID != nil, "directory.errors.place.unknown", field: "place")
        let areaIDs = areas.compactMap { choices.areasByCode[$0] }
        errors.require(areaIDs.count == areas.count, "stakeholders.errors.areas.unknown", field: "areas")
        let times = times.map(NewcomerInput.time)
        errors.require(!times.contains { $0 == nil }, "matching.errors.availability.invalid", field: "times")
        errors.require(!times.isEmpty, "matching.errors.availability.missing", field: "times")
        let wanted = Int(wanted.trimmingCharacters(in: .whitespaces))
        errors.require(
            wanted.map { (1...1_000).contains($0) } ?? false, "volunteering.errors.wanted.invalid", field: "wanted")
        let status = Opportunity.Status(rawValue: status)
        errors.require(status != nil, "stakeholders.errors.status.invalid", field: "status")
        if !errors.isEmpty { throw errors }
        opportunity.organisationID = organisationID!
        opportunity.title = opportunity.title.updated(with: titles, original: original)
        opportunity.description = opportunity.description.updated(with: descriptions, original: original)
        opportunity.categoryIDs = OrganisationInput.unique(categoryIDs)
        opportunity.skills = OrganisationInput.unique(skills)
        opportunity.requiredTrainingIDs = OrganisationInput.unique(trainingIDs)
        opportunity.languages = OrganisationInput.unique(languages)
        opportunity.placeID = placeID
        opportunity.areaIDs = OrganisationInput.unique(areaIDs)
        opportunity.times = WeeklyAvailability(times.compactMap { $0 })
        opportunity.wanted = wanted!
        opportunity.status = status!
        opportunity.updatedAt = now
    }
}

/// The volunteer roles organisations offer.
public protocol OpportunityRepository: Sendable {
    func save(_ opportunity: Opportunity) async throws
    func opportunity(id: OpportunityID) async throws -> Opportunity?
    func opportunities(_ query: OpportunityQuery) async throws -> [Opportunity]
}
