import Foundation

/// An organisation as typed into a form, a spreadsheet row or an API request, before it is checked.
public struct OrganisationInput: Hashable, Sendable {
    public var kind: String
    public var names: [LanguageCode: String]
    public var descriptions: [LanguageCode: String]
    /// Language codes separated by commas or spaces: `fi, ar`.
    public var languages: String
    /// Area codes separated by commas or spaces: `01300 01350`.
    public var areaCodes: String
    public var website: String
    public var email: String
    public var status: String

    public init(
        kind: String = "",
        names: [LanguageCode: String] = [:],
        descriptions: [LanguageCode: String] = [:],
        languages: String = "",
        areaCodes: String = "",
        website: String = "",
        email: String = "",
        status: String = Organisation.Status.active.rawValue
    ) {
        self.kind = kind
        self.names = names
        self.descriptions = descriptions
        self.languages = languages
        self.areaCodes = areaCodes
        self.website = website
        self.email = email
        self.status = status
    }

    /// The input that would leave an organisation as it is, to fill an edit form.
    public init(_ organisation: Organisation, areaCodes: [AreaID: String]) {
        self.init(
            kind: organisation.kind.rawValue,
            names: organisation.name.translations.mapValues(\.text),
            descriptions: organisation.description.translations.mapValues(\.text),
            languages: organisation.languages.map(\.rawValue).joined(separator: ", "),
            areaCodes: organisation.areaIDs.compactMap { areaCodes[$0] }.joined(separator: " "),
            website: organisation.website ?? "",
            email: organisation.email ?? "",
            status: organisation.status.rawValue
        )
    }

    /// What validation needs to know about the city.
    public struct Context: Sendable {
        public var city: City
        public var areasByCode: [String: AreaID]
        /// Names already taken in the city (folded by `Organisation.comparable`) and by whom.
        public var takenNames: [String: OrganisationID]

        public init(city: City, areasByCode: [String: AreaID], others: [Organisation]) {
            self.city = city
            self.areasByCode = areasByCode
            self.takenNames = [:]
            for organisation in others { take(organisation.allNames, by: organisation.id) }
        }

        /// Records names as taken, so the next input with one of them is a duplicate.
        public mutating func take(_ names: some Sequence<String>, by id: OrganisationID) {
            for name in names { takenNames[Organisation.comparable(name)] = id }
        }
    }

    /// The checked values, ready to become an organisation.
    public struct Valid: Hashable, Sendable {
        public var kind: Organisation.Kind
        public var names: [LanguageCode: String]
        public var descriptions: [LanguageCode: String]
        public var languages: [LanguageCode]
        public var areaIDs: [AreaID]
        public var website: String?
        public var email: String?
        public var status: Organisation.Status

        /// Applies the values, keeping translation status: a changed original outdates its translations.
        public func apply(to organisation: inout Organisation, original: LanguageCode) {
            organisation.kind = kind
            organisation.name = organisation.name.updated(with: names, original: original)
            organisation.description = organisation.description.updated(with: descriptions, original: original)
            organisation.languages = languages
            organisation.areaIDs = areaIDs
            organisation.website = website
            organisation.email = email
            organisation.status = status
        }
    }

    static let maxNameLength = 200
    static let maxDescriptionLength = 5_000

    /// Checks every field and reports every problem at once. `id` is the organisation being edited, if any.
    public func validate(in context: Context, id: OrganisationID? = nil) throws(ValidationErrors) -> Valid {
        var errors = ValidationErrors()
        let kind = Organisation.Kind(rawValue: kind.trimmingCharacters(in: .whitespaces))
        errors.require(kind != nil, "stakeholders.errors.kind.invalid", field: "kind")
        let status = Organisation.Status(rawValue: status.trimmingCharacters(in: .whitespaces).lowercased())
        errors.require(status != nil, "stakeholders.errors.status.invalid", field: "status")

        let names = names.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
        errors.require(!names.isEmpty, "stakeholders.errors.name.missing", field: "name")
        errors.require(
            names.values.allSatisfy { $0.count <= Self.maxNameLength }, "stakeholders.errors.name.too_long",
            field: "name")
        let duplicate = names.values.contains { name in
            context.takenNames[Organisation.comparable(name)].map { $0 != id } ?? false
        }
        errors.require(!duplicate, "stakeholders.errors.name.duplicate", field: "name")

        let descriptions = descriptions.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.value.isEmpty }
        errors.require(
            descriptions.values.allSatisfy { $0.count <= Self.maxDescriptionLength },
            "stakeholders.errors.description.too_long", field: "description")

        let languageWords = Self.words(languages)
        let languages = languageWords.compactMap(LanguageCode.init)
        errors.require(
            languages.count == languageWords.count, "stakeholders.errors.languages.invalid", field: "languages")

        let areaWords = Self.words(areaCodes)
        let areaIDs = areaWords.compactMap { context.areasByCode[$0] }
        errors.require(areaIDs.count == areaWords.count, "stakeholders.errors.areas.unknown", field: "areas")

        let website = WebAddress.normalise(website)
        errors.require(website != nil, "stakeholders.errors.website.invalid", field: "website")

        let email = EmailAddress.normalise(email)
        errors.require(
            email.isEmpty || EmailAddress.isPlausible(email), "stakeholders.errors.email.invalid", field: "email")

        if !errors.isEmpty { throw errors }
        return Valid(
            kind: kind!, names: names, descriptions: descriptions, languages: Self.unique(languages),
            areaIDs: Self.unique(areaIDs), website: website!.isEmpty ? nil : website,
            email: email.isEmpty ? nil : email,
            status: status!)
    }

    /// A list typed as words separated by commas, semicolons or spaces.
    public static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
    }

    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}

/// Web addresses as organisations give them: `www.example.fi` becomes `https://www.example.fi`.
public enum WebAddress {
    /// The address in full, `""` for no address, or `nil` when it is not a web address.
    public static func normalise(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "" }
        let full = trimmed.contains("://") ? trimmed : "https://" + trimmed
        guard !full.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }),
            full.count <= 500, let url = URL(string: full), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, host.contains("."),
            !host.hasPrefix("."), !host.hasSuffix(".")
        else { return nil }
        return full
    }
}
