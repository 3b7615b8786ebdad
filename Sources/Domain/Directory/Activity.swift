import Foundation

public typealias ActivityID = Identifier<Activity>
public typealias CategoryID = Identifier<Category>

/// Something an organisation offers again and again: a service, a course, a club, a language café.
public struct Activity: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case service
        case course
        case club
        case languageCafe = "language_cafe"
        case counselling
        case other
    }

    public enum TargetGroup: String, Hashable, Sendable, Codable, CaseIterable {
        case everyone
        case children
        case youth
        case families
        case women
        case men
        case seniors
        case newcomers
        case jobseekers
    }

    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Visible to its organisation's editors and coordinators only.
        case draft
        case published
        /// Kept for the record; no longer in the directory.
        case archived
    }

    public var id: ActivityID
    public var cityID: CityID
    public var organisationID: OrganisationID
    public var kind: Kind
    public var title: LocalizedText
    public var description: LocalizedText
    public var categoryIDs: [CategoryID]
    public var targetGroups: [TargetGroup]
    /// The languages the activity is run in (not the languages of its description).
    public var languages: [LanguageCode]
    public var areaIDs: [AreaID]
    public var placeID: PlaceID?
    public var schedule: Schedule?
    public var capacity: Int?
    /// Cost per participant in cents; 0 is free.
    public var feeCents: Int
    public var volunteerRun: Bool
    /// Caseworkers may refer newcomers to it; the host organisation is paid `referralFeeCents` per participant.
    public var referralEligible: Bool
    public var referralFeeCents: Int
    public var status: Status
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ActivityID = ActivityID(), cityID: CityID, organisationID: OrganisationID, kind: Kind,
        title: LocalizedText, description: LocalizedText = .init(), categoryIDs: [CategoryID] = [],
        targetGroups: [TargetGroup] = [], languages: [LanguageCode] = [], areaIDs: [AreaID] = [],
        placeID: PlaceID? = nil, schedule: Schedule? = nil, capacity: Int? = nil, feeCents: Int = 0,
        volunteerRun: Bool = false, referralEligible: Bool = false, referralFeeCents: Int = 0,
        status: Status = .published, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.cityID = cityID
        self.organisationID = organisationID
        self.kind = kind
        self.title = title
        self.description = description
        self.categoryIDs = categoryIDs
        self.targetGroups = targetGroups
        self.languages = languages
        self.areaIDs = areaIDs
        self.placeID = placeID
        self.schedule = schedule
        self.capacity = capacity
        self.feeCents = feeCents
        self.volunteerRun = volunteerRun
        self.referralEligible = referralEligible
        self.referralFeeCents = referralFeeCents
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public var isFree: Bool { feeCents == 0 }
}

/// A heading of the city's activity taxonomy ("Language learning", "Work and study"), translatable and ordered.
public struct Category: Hashable, Sendable {
    public var id: CategoryID
    public var cityID: CityID
    /// Short, stable, used in links and feeds: `language-learning`.
    public var code: String
    public var name: LocalizedText
    public var position: Int

    public init(id: CategoryID = CategoryID(), cityID: CityID, code: String, name: LocalizedText, position: Int) {
        self.id = id
        self.cityID = cityID
        self.code = code
        self.name = name
        self.position = position
    }

    /// The taxonomy every new city starts with; city admins rename, add and reorder.
    public static let defaults: [(code: String, names: [String: String])] = [
        (
            "language-learning",
            ["fi": "Kielen oppiminen", "sv": "Språkinlärning", "en": "Language learning", "ar": "تعلم اللغة"]
        ),
        (
            "work-and-study",
            ["fi": "Työ ja opiskelu", "sv": "Arbete och studier", "en": "Work and study", "ar": "العمل والدراسة"]
        ),
        (
            "advice",
            [
                "fi": "Neuvonta ja palvelut", "sv": "Rådgivning och tjänster", "en": "Advice and services",
                "ar": "الإرشاد والخدمات",
            ]
        ),
        (
            "health",
            [
                "fi": "Terveys ja hyvinvointi", "sv": "Hälsa och välmående", "en": "Health and wellbeing",
                "ar": "الصحة والرفاه",
            ]
        ),
        (
            "children-and-families",
            [
                "fi": "Lapset ja perheet", "sv": "Barn och familjer", "en": "Children and families",
                "ar": "الأطفال والأسر",
            ]
        ),
        (
            "culture",
            [
                "fi": "Kulttuuri ja vapaa-aika", "sv": "Kultur och fritid", "en": "Culture and leisure",
                "ar": "الثقافة والترفيه",
            ]
        ),
        ("sports", ["fi": "Liikunta", "sv": "Idrott och motion", "en": "Sports and exercise", "ar": "الرياضة"]),
        (
            "meeting-people",
            ["fi": "Kohtaamiset ja yhteisö", "sv": "Möten och gemenskap", "en": "Meeting people", "ar": "لقاء الناس"]
        ),
    ]
}

/// What the directory is asked for: the reader's words and filters.
public struct ActivityQuery: Hashable, Sendable {
    public var city: CityID
    /// Words to find in titles and descriptions, in any language; empty lists everything.
    public var text: String
    /// The reader's language: matches in it rank first.
    public var readerLanguage: LanguageCode
    public var kind: Activity.Kind?
    public var categoryID: CategoryID?
    public var areaID: AreaID?
    public var language: LanguageCode?
    public var targetGroup: Activity.TargetGroup?
    public var organisationID: OrganisationID?
    public var freeOnly: Bool
    /// Only activities at a step-free place.
    public var accessibleOnly: Bool
    /// Only activities caseworkers may refer newcomers to.
    public var referralEligibleOnly: Bool = false
    /// Only activities with an occurrence on one of these days (coarsely in storage, exactly in `ActivityUseCases`).
    public var from: CalendarDay?
    public var through: CalendarDay?
    /// Leaves out activities whose last day is before this one.
    public var notEndedBefore: CalendarDay?
    public var statuses: Set<Activity.Status>

    public init(
        city: CityID, text: String = "", readerLanguage: LanguageCode, kind: Activity.Kind? = nil,
        categoryID: CategoryID? = nil, areaID: AreaID? = nil, language: LanguageCode? = nil,
        targetGroup: Activity.TargetGroup? = nil, organisationID: OrganisationID? = nil, freeOnly: Bool = false,
        accessibleOnly: Bool = false, from: CalendarDay? = nil, through: CalendarDay? = nil,
        statuses: Set<Activity.Status> = [.published]
    ) {
        self.city = city
        self.text = text
        self.readerLanguage = readerLanguage
        self.kind = kind
        self.categoryID = categoryID
        self.areaID = areaID
        self.language = language
        self.targetGroup = targetGroup
        self.organisationID = organisationID
        self.freeOnly = freeOnly
        self.accessibleOnly = accessibleOnly
        self.from = from
        self.through = through
        self.statuses = statuses
    }

    /// The words of the search, folded as the index folds them (case and diacritics), three letters or more:
    /// shorter ones cannot be told apart inside compound words.
    public var terms: [String] {
        OrganisationInput.unique(
            SearchText.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
                .filter { $0.count >= 3 })
    }
}

/// Text as the search index keeps it.
public enum SearchText {
    /// Lower case without diacritics, so "Kielikahvila", "kielikahvila" and "kielikahvilä" are one word.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

/// Where activities and the city's categories are kept.
public protocol ActivityRepository: Sendable {
    func find(id: ActivityID) async throws -> Activity?
    /// Activities matching the query, best first for a text search, else by title; storage applies every filter
    /// but the exact day range (it keeps activities whose first and last day enclose part of it).
    func search(_ query: ActivityQuery, offset: Int, limit: Int) async throws -> [Activity]
    /// The ids of what `search` gives, in its order, without reading the activities.
    func searchIDs(_ query: ActivityQuery, offset: Int, limit: Int) async throws -> [ActivityID]
    /// These activities in the order given; ids not found are left out.
    func find(ids: [ActivityID]) async throws -> [Activity]
    func count(_ query: ActivityQuery) async throws -> Int
    func save(_ activity: Activity) async throws
    /// Adds many new activities at once (demo data at scale, imports), in one transaction.
    func insert(_ activities: [Activity]) async throws
    func categories(city: CityID) async throws -> [Category]
    func save(_ category: Category) async throws
}
