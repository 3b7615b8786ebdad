import Foundation

public typealias ContactPersonID = Identifier<ContactPerson>

/// A person to contact at an organisation. Personal data: shown only to the city's coordinators and the
/// organisation's editors, unless the person agreed to be shown publicly (that consent is kept with its date).
public struct ContactPerson: Hashable, Sendable {
    /// The person's agreement to be listed publicly.
    public struct PublicConsent: Hashable, Sendable {
        public static let purpose = "contact-person:public-listing"
        public var givenAt: Date
        public var purpose: String

        public init(givenAt: Date, purpose: String = PublicConsent.purpose) {
            self.givenAt = givenAt
            self.purpose = purpose
        }
    }

    public var id: ContactPersonID
    public var organisationID: OrganisationID
    public var name: String
    /// Their role at the organisation, e.g. "chair", "volunteer coordinator".
    public var role: String
    public var email: String?
    public var phone: String?
    public var publicConsent: PublicConsent?
    public var since: CalendarDay
    /// The last day as contact; `nil` while they still are.
    public var until: CalendarDay?
    public var replacesID: ContactPersonID?
    public var replacedByID: ContactPersonID?

    public init(
        id: ContactPersonID = ContactPersonID(),
        organisationID: OrganisationID,
        name: String,
        role: String,
        email: String? = nil,
        phone: String? = nil,
        publicConsent: PublicConsent? = nil,
        since: CalendarDay,
        until: CalendarDay? = nil,
        replacesID: ContactPersonID? = nil,
        replacedByID: ContactPersonID? = nil
    ) {
        self.id = id
        self.organisationID = organisationID
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.publicConsent = publicConsent
        self.since = since
        self.until = until
        self.replacesID = replacesID
        self.replacedByID = replacedByID
    }

    public var isCurrent: Bool { until == nil }
    public var isPublic: Bool { publicConsent != nil }
}

/// A contact person as typed into a form.
public struct ContactInput: Hashable, Sendable {
    public var name: String
    public var role: String
    public var email: String
    public var phone: String
    public var isPublic: Bool
    public var since: String

    public init(
        name: String = "", role: String = "", email: String = "", phone: String = "", isPublic: Bool = false,
        since: String = ""
    ) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.isPublic = isPublic
        self.since = since
    }

    /// Checks every field; `since` defaults to `today` when left empty.
    public func validate(organisation: OrganisationID, today: CalendarDay, now: Date) throws(ValidationErrors)
        -> ContactPerson
    {
        var errors = ValidationErrors()
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let role = role.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(!name.isEmpty, "common.errors.required", field: "name")
        errors.require(name.count <= 120, "common.errors.too_long", field: "name")
        errors.require(role.count <= 120, "common.errors.too_long", field: "role")
        let email = EmailAddress.normalise(email)
        errors.require(
            email.isEmpty || EmailAddress.isPlausible(email), "stakeholders.errors.email.invalid", field: "email")
        let phone = phone.trimmingCharacters(in: .whitespaces)
        errors.require(phone.isEmpty || Self.isPhone(phone), "stakeholders.errors.phone.invalid", field: "phone")
        let sinceText = since.trimmingCharacters(in: .whitespaces)
        let since = sinceText.isEmpty ? today : CalendarDay(sinceText)
        errors.require(since != nil, "stakeholders.errors.date.invalid", field: "since")
        if !errors.isEmpty { throw errors }
        return ContactPerson(
            organisationID: organisation, name: name, role: role, email: email.isEmpty ? nil : email,
            phone: phone.isEmpty ? nil : phone, publicConsent: isPublic ? .init(givenAt: now) : nil, since: since!)
    }

    /// Digits with the usual separators, 5 to 20 digits.
    static func isPhone(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber)
        return (5...20).contains(digits.count)
            && text.allSatisfy { $0.isASCII && ($0.isNumber || " +-()/.".contains($0)) }
    }
}

/// Where contact persons are kept.
public protocol ContactRepository: Sendable {
    func list(organisation: OrganisationID) async throws -> [ContactPerson]
    func find(id: ContactPersonID) async throws -> ContactPerson?
    func create(_ contact: ContactPerson) async throws
    /// Ends `previous` on `day` and records `successor` as replacing it, in one transaction.
    func handover(from previous: ContactPersonID, on day: CalendarDay, to successor: ContactPerson) async throws
    /// Erases a contact person; links from those they replaced or who replaced them are cleared.
    func delete(id: ContactPersonID) async throws
    /// The current contact persons of every organisation of a city (for the staleness list and confirmation links).
    func currentContacts(city: CityID) async throws -> [ContactPerson]
}
