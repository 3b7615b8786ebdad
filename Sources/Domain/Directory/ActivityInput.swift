import Foundation

/// An activity as typed into a form or sent to the API, before it is checked.
public struct ActivityInput: Hashable, Sendable {
    public var organisation: String
    public var kind: String
    public var titles: [LanguageCode: String]
    public var descriptions: [LanguageCode: String]
    /// Category codes.
    public var categories: [String]
    public var targetGroups: [String]
    /// Language codes separated by commas or spaces: "fi, ar, ru".
    public var languages: String
    /// Area codes.
    public var areas: [String]
    public var place: String
    public var schedule: ScheduleInput
    public var capacity: String
    /// Euros with a dot or a comma: "5", "2,50"; empty is free.
    public var fee: String
    public var volunteerRun: Bool
    public var referralEligible: Bool
    public var referralFee: String
    public var status: String

    public init(
        organisation: String = "", kind: String = Activity.Kind.service.rawValue,
        titles: [LanguageCode: String] = [:], descriptions: [LanguageCode: String] = [:], categories: [String] = [],
        targetGroups: [String] = [], languages: String = "", areas: [String] = [], place: String = "",
        schedule: ScheduleInput = .init(), capacity: String = "", fee: String = "", volunteerRun: Bool = false,
        referralEligible: Bool = false, referralFee: String = "", status: String = Activity.Status.published.rawValue
    ) {
        self.organisation = organisation
        self.kind = kind
        self.titles = titles
        self.descriptions = descriptions
        self.categories = categories
        self.targetGroups = targetGroups
        self.languages = languages
        self.areas = areas
        self.place = place
        self.schedule = schedule
        self.capacity = capacity
        self.fee = fee
        self.volunteerRun = volunteerRun
        self.referralEligible = referralEligible
        self.referralFee = referralFee
        self.status = status
    }

    /// The input that would leave an activity as it is.
    public init(_ activity: Activity, categoryCodes: [CategoryID: String], areaCodes: [AreaID: String]) {
        self.init(
            organisation: activity.organisationID.description, kind: activity.kind.rawValue,
            titles: activity.title.translations.mapValues(\.text),
            descriptions: activity.description.translations.mapValues(\.text),
            categories: activity.categoryIDs.compactMap { categoryCodes[$0] },
            targetGroups: activity.targetGroups.map(\.rawValue),
            languages: activity.languages.map(\.rawValue).joined(separator: ", "),
            areas: activity.areaIDs.compactMap { areaCodes[$0] }, place: activity.placeID?.description ?? "",
            schedule: ScheduleInput(activity.schedule), capacity: activity.capacity.map(String.init) ?? "",
            fee: activity.feeCents == 0 ? "" : Self.euros(activity.feeCents), volunteerRun: activity.volunteerRun,
            referralEligible: activity.referralEligible,
            referralFee: activity.referralFeeCents == 0 ? "" : Self.euros(activity.referralFeeCents),
            status: activity.status.rawValue)
    }

    /// What the activity may refer to: the organisations the actor acts for, and the city's categories, areas and
    /// places.
    public struct Choices: Sendable {
        public var organisations: Set<OrganisationID>
        public var categoriesByCode: [String: CategoryID]
        public var areasByCode: [String: AreaID]
        public var places: Set<PlaceID>

        public init(
            organisations: Set<OrganisationID>, categoriesByCode: [String: CategoryID],
            areasByCode: [String: AreaID], places: Set<PlaceID>
        ) {
            self.organisations = organisations
            self.categoriesByCode = categoriesByCode
            self.areasByCode = areasByCode
            self.places = places
        }
    }

    /// Checks every field and applies it to `activity`, keeping translation status.
    public func apply(to activity: inout Activity, choices: Choices, original: LanguageCode) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let organisationID = OrganisationID(string: organisation.trimmingCharacters(in: .whitespaces))
            .flatMap { choices.organisations.contains($0) ? $0 : nil }
        errors.require(organisationID != nil, "stakeholders.errors.organisation.unknown", field: "organisation")
        let kind = Activity.Kind(rawValue: kind)
        errors.require(kind != nil, "directory.errors.activity_kind.invalid", field: "kind")
        let titles = TranslatedInput.titles(titles, errors: &errors)
        let descriptions = TranslatedInput.descriptions(descriptions, errors: &errors)
        let categoryIDs = categories.compactMap { choices.categoriesByCode[$0] }
        errors.require(categoryIDs.count == categories.count, "directory.errors.category.unknown", field: "categories")
        let groups = targetGroups.compactMap(Activity.TargetGroup.init(rawValue:))
        errors.require(
            groups.count == targetGroups.count, "directory.errors.target_group.invalid", field: "target_groups")
        let languageWords = OrganisationInput.words(languages)
        let languages = languageWords.compactMap(LanguageCode.init)
        errors.require(
            languages.count == languageWords.count, "stakeholders.errors.languages.invalid", field: "languages")
        let areaIDs = areas.compactMap { choices.areasByCode[$0] }
        errors.require(areaIDs.count == areas.count, "stakeholders.errors.areas.unknown", field: "areas")
        let placeText = place.trimmingCharacters(in: .whitespaces)
        let placeID = PlaceID(string: placeText).flatMap { choices.places.contains($0) ? $0 : nil }
        errors.require(placeText.isEmpty || placeID != nil, "directory.errors.place.unknown", field: "place")
        var schedule: Schedule?
        do {
            schedule = try self.schedule.validate()
        } catch {
            errors.add(error)
        }
        let capacityText = capacity.trimmingCharacters(in: .whitespaces)
        let capacity = Int(capacityText)
        errors.require(
            capacityText.isEmpty || (capacity.map { (1...100_000).contains($0) } ?? false),
            "directory.errors.capacity.invalid", field: "capacity")
        let fee = Self.cents(fee)
        errors.require(fee != nil, "directory.errors.money.invalid", field: "fee")
        let referralFee = Self.cents(referralFee)
        errors.require(referralFee != nil, "directory.errors.money.invalid", field: "referral_fee")
        errors.require(
            referralEligible || (referralFee ?? 0) == 0, "directory.errors.referral_fee.not_eligible",
            field: "referral_fee")
        let status = Activity.Status(rawValue: status)
        errors.require(status != nil, "stakeholders.errors.status.invalid", field: "status")
        if !errors.isEmpty { throw errors }
        activity.organisationID = organisationID!
        activity.kind = kind!
        activity.title = activity.title.updated(with: titles, original: original)
        activity.description = activity.description.updated(with: descriptions, original: original)
        activity.categoryIDs = OrganisationInput.unique(categoryIDs)
        activity.targetGroups = OrganisationInput.unique(groups)
        activity.languages = OrganisationInput.unique(languages)
        activity.areaIDs = OrganisationInput.unique(areaIDs)
        activity.placeID = placeID
        activity.schedule = schedule
        activity.capacity = capacityText.isEmpty ? nil : capacity
        activity.feeCents = fee!
        activity.volunteerRun = volunteerRun
        activity.referralEligible = referralEligible
        activity.referralFeeCents = referralFee!
        activity.status = status!
    }

    /// Cents from euros as people write them: "5", "5.5", "2,50"; empty is 0; at most 100,000 €.
    public static func cents(_ text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            .replacingOccurrences(of: "€", with: "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return 0 }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let whole = Int(parts[0]), whole >= 0, parts[0].count <= 6
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let value = Int(parts[1]), value >= 0 else { return nil }
            fraction = parts[1].count == 1 ? value * 10 : value
        }
        let cents = whole * 100 + fraction
        return cents <= 10_000_000 ? cents : nil
    }

    /// "5", "2.50".
    public static func euros(_ cents: Int) -> String {
        cents % 100 == 0 ? String(cents / 100) : String(format: "%d.%02d", cents / 100, cents % 100)
    }
}
