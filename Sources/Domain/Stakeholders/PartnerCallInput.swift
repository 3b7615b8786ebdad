import Foundation

/// A partner call as typed into a form or sent to the API, before it is checked.
public struct PartnerCallInput: Hashable, Sendable {
    public var organisation: String
    public var titles: [LanguageCode: String]
    public var needs: [LanguageCode: String]
    public var offers: [LanguageCode: String]
    /// Area codes separated by commas or spaces.
    public var areaCodes: String
    public var deadline: String

    public init(
        organisation: String = "", titles: [LanguageCode: String] = [:], needs: [LanguageCode: String] = [:],
        offers: [LanguageCode: String] = [:], areaCodes: String = "", deadline: String = ""
    ) {
        self.organisation = organisation
        self.titles = titles
        self.needs = needs
        self.offers = offers
        self.areaCodes = areaCodes
        self.deadline = deadline
    }

    /// The input that would leave a call as it is, to fill an edit form.
    public init(_ call: PartnerCall, areaCodes: [AreaID: String]) {
        self.init(
            organisation: call.organisationID.description, titles: call.title.translations.mapValues(\.text),
            needs: call.needs.translations.mapValues(\.text), offers: call.offers.translations.mapValues(\.text),
            areaCodes: call.areaIDs.compactMap { areaCodes[$0] }.joined(separator: " "),
            deadline: call.deadline?.description ?? "")
    }

    /// The checked values.
    public struct Valid: Hashable, Sendable {
        public var organisationID: OrganisationID
        public var titles: [LanguageCode: String]
        public var needs: [LanguageCode: String]
        public var offers: [LanguageCode: String]
        public var areaIDs: [AreaID]
        public var deadline: CalendarDay?

        /// Applies the values, keeping translation status.
        public func apply(to call: inout PartnerCall, original: LanguageCode) {
            call.organisationID = organisationID
            call.title = call.title.updated(with: titles, original: original)
            call.needs = call.needs.updated(with: needs, original: original)
            call.offers = call.offers.updated(with: offers, original: original)
            call.areaIDs = areaIDs
            call.deadline = deadline
        }
    }

    /// Checks every field. `organisations` are the city's organisations that may still post; `today` bounds
    /// the deadline, which may not lie in the past.
    public func validate(
        organisations: Set<OrganisationID>, areasByCode: [String: AreaID], today: CalendarDay
    ) throws(ValidationErrors) -> Valid {
        var errors = ValidationErrors()
        let organisationID = OrganisationID(string: organisation.trimmingCharacters(in: .whitespaces))
            .flatMap { organisations.contains($0) ? $0 : nil }
        errors.require(organisationID != nil, "stakeholders.errors.organisation.unknown", field: "organisation")
        let titles = Self.trimmed(titles)
        errors.require(!titles.isEmpty, "stakeholders.errors.title.missing", field: "title")
        errors.require(titles.values.allSatisfy { $0.count <= 200 }, "common.errors.too_long", field: "title")
        let needs = Self.trimmed(needs)
        errors.require(!needs.isEmpty, "stakeholders.errors.needs.missing", field: "needs")
        errors.require(needs.values.allSatisfy { $0.count <= 5_000 }, "common.errors.too_long", field: "needs")
        let offers = Self.trimmed(offers)
        errors.require(offers.values.allSatisfy { $0.count <= 5_000 }, "common.errors.too_long", field: "offers")
        let areaWords = OrganisationInput.words(areaCodes)
        let areaIDs = areaWords.compactMap { areasByCode[$0] }
        errors.require(areaIDs.count == areaWords.count, "stakeholders.errors.areas.unknown", field: "areas")
        let deadlineText = deadline.trimmingCharacters(in: .whitespaces)
        let deadline = deadlineText.isEmpty ? nil : CalendarDay(deadlineText)
        errors.require(deadlineText.isEmpty || deadline != nil, "stakeholders.errors.date.invalid", field: "deadline")
        if let deadline {
            errors.require(today <= deadline, "stakeholders.errors.deadline.past", field: "deadline")
        }
        if !errors.isEmpty { throw errors }
        return Valid(
            organisationID: organisationID!, titles: titles, needs: needs, offers: offers,
            areaIDs: OrganisationInput.unique(areaIDs), deadline: deadline)
    }

    static func trimmed(_ texts: [LanguageCode: String]) -> [LanguageCode: String] {
        texts.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
    }
}

/// Closing a call: the outcome, the partner found (if registered here) and a note.
public struct PartnerCallClosing: Hashable, Sendable {
    public var outcome: String
    public var partner: String
    public var note: String

    public init(outcome: String = "", partner: String = "", note: String = "") {
        self.outcome = outcome
        self.partner = partner
        self.note = note
    }

    public func validate(organisations: Set<OrganisationID>, poster: OrganisationID) throws(ValidationErrors) -> (
        outcome: PartnerCall.Outcome, partner: OrganisationID?, note: String
    ) {
        var errors = ValidationErrors()
        let outcome = PartnerCall.Outcome(rawValue: outcome)
        errors.require(outcome != nil, "stakeholders.errors.outcome.invalid", field: "outcome")
        let partnerText = partner.trimmingCharacters(in: .whitespaces)
        let partner = OrganisationID(string: partnerText).flatMap { organisations.contains($0) ? $0 : nil }
        errors.require(
            partnerText.isEmpty || (partner != nil && partner != poster), "stakeholders.errors.organisation.unknown",
            field: "partner")
        if partner != nil {
            errors.require(outcome == .partnerFound, "stakeholders.errors.partner.without_outcome", field: "partner")
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(note.count <= 2_000, "common.errors.too_long", field: "note")
        if !errors.isEmpty { throw errors }
        return (outcome!, partner, note)
    }
}
