import Foundation

/// An event as typed into a form, before it is checked.
public struct EventInput: Hashable, Sendable {
    public var kind: String
    public var titles: [LanguageCode: String]
    public var descriptions: [LanguageCode: String]
    /// Organisation ids; the first leads.
    public var organisers: [String]
    public var network: String
    public var place: String
    public var areaCode: String
    public var day: String
    public var from: String
    public var until: String
    public var capacity: String
    public var registration: Bool
    public var fee: String
    public var cost: String
    public var status: String

    public init(
        kind: String = Event.Kind.cooperationForum.rawValue, titles: [LanguageCode: String] = [:],
        descriptions: [LanguageCode: String] = [:], organisers: [String] = [], network: String = "",
        place: String = "", areaCode: String = "", day: String = "", from: String = "", until: String = "",
        capacity: String = "", registration: Bool = false, fee: String = "", cost: String = "",
        status: String = Event.Status.published.rawValue
    ) {
        self.kind = kind
        self.titles = titles
        self.descriptions = descriptions
        self.organisers = organisers
        self.network = network
        self.place = place
        self.areaCode = areaCode
        self.day = day
        self.from = from
        self.until = until
        self.capacity = capacity
        self.registration = registration
        self.fee = fee
        self.cost = cost
        self.status = status
    }

    /// The input that would leave an event as it is.
    public init(_ event: Event, areaCodes: [AreaID: String], timeZone: TimeZone) {
        let day = CalendarDay(event.start, in: timeZone)
        let startMinutes = Int(event.start.timeIntervalSince(Schedule.moment(day, minutes: 0, in: timeZone)!) / 60)
        let endMinutes = startMinutes + Int(event.end.timeIntervalSince(event.start) / 60)
        self.init(
            kind: event.kind.rawValue, titles: event.title.translations.mapValues(\.text),
            descriptions: event.description.translations.mapValues(\.text),
            organisers: event.organiserIDs.map(\.description), network: event.networkID?.description ?? "",
            place: event.placeID?.description ?? "", areaCode: event.areaID.flatMap { areaCodes[$0] } ?? "",
            day: day.description, from: OpeningHours.Span.clock(startMinutes),
            until: OpeningHours.Span.clock(min(endMinutes, 1_440)), capacity: event.capacity.map(String.init) ?? "",
            registration: event.registration, fee: event.feeCents == 0 ? "" : ActivityInput.euros(event.feeCents),
            cost: event.costCents.map(ActivityInput.euros) ?? "", status: event.status.rawValue)
    }

    /// What an event may refer to.
    public struct Choices: Sendable {
        /// Organisations the actor may name as organisers (any active one of the city may join).
        public var organisations: Set<OrganisationID>
        /// Of those, the ones the actor acts for: one of them must organise.
        public var acting: Set<OrganisationID>
        public var networks: Set<NetworkID>
        public var places: Set<PlaceID>
        public var areasByCode: [String: AreaID]

        public init(
            organisations: Set<OrganisationID>, acting: Set<OrganisationID>, networks: Set<NetworkID>,
            places: Set<PlaceID>, areasByCode: [String: AreaID]
        ) {
            self.organisations = organisations
            self.acting = acting
            self.networks = networks
            self.places = places
            self.areasByCode = areasByCode
        }
    }

    /// Checks every field and applies it to `event`, keeping translation status.
    public func apply(
        to event: inout Event, choices: Choices, timeZone: TimeZone, original: LanguageCode
    ) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let kind = Event.Kind(rawValue: kind)
        errors.require(kind != nil, "directory.errors.event_kind.invalid", field: "kind")
        let titles = PartnerCallInput.trimmed(titles)
        errors.require(!titles.isEmpty, "stakeholders.errors.title.missing", field: "title")
        errors.require(
            titles.values.allSatisfy { $0.count <= 200 }, "stakeholders.errors.name.too_long", field: "title")
        let descriptions = PartnerCallInput.trimmed(descriptions)
        errors.require(
            descriptions.values.allSatisfy { $0.count <= 5_000 }, "stakeholders.errors.description.too_long",
            field: "description")
        let organiserIDs = OrganisationInput.unique(
            organisers.filter { !$0.isEmpty }.compactMap(OrganisationID.init(string:)))
        errors.require(
            !organiserIDs.isEmpty && organiserIDs.count == Set(organisers.filter { !$0.isEmpty }).count
                && organiserIDs.allSatisfy(choices.organisations.contains),
            "stakeholders.errors.organisation.unknown", field: "organisers")
        errors.require(
            organiserIDs.contains(where: choices.acting.contains), "directory.errors.organiser.not_yours",
            field: "organisers")
        let networkText = network.trimmingCharacters(in: .whitespaces)
        let networkID = NetworkID(string: networkText).flatMap { choices.networks.contains($0) ? $0 : nil }
        errors.require(networkText.isEmpty || networkID != nil, "directory.errors.network.unknown", field: "network")
        let placeText = place.trimmingCharacters(in: .whitespaces)
        let placeID = PlaceID(string: placeText).flatMap { choices.places.contains($0) ? $0 : nil }
        errors.require(placeText.isEmpty || placeID != nil, "directory.errors.place.unknown", field: "place")
        let areaText = areaCode.trimmingCharacters(in: .whitespaces)
        let areaID = choices.areasByCode[areaText]
        errors.require(areaText.isEmpty || areaID != nil, "stakeholders.errors.areas.unknown", field: "area")
        let day = CalendarDay(day)
        errors.require(day != nil, "stakeholders.errors.date.invalid", field: "day")
        let start = OpeningHours.minutes(from.trimmingCharacters(in: .whitespaces)).flatMap { $0 < 1_440 ? $0 : nil }
        let end = OpeningHours.minutes(until.trimmingCharacters(in: .whitespaces))
        errors.require(start != nil, "directory.errors.time.invalid", field: "from")
        errors.require(end != nil, "directory.errors.time.invalid", field: "until")
        if let start, let end { errors.require(end > start, "directory.errors.booking.reversed", field: "until") }
        let capacityText = capacity.trimmingCharacters(in: .whitespaces)
        let capacity = Int(capacityText)
        errors.require(
            capacityText.isEmpty || (capacity.map { (1...100_000).contains($0) } ?? false),
            "directory.errors.capacity.invalid", field: "capacity")
        let fee = ActivityInput.cents(fee)
        errors.require(fee != nil, "directory.errors.money.invalid", field: "fee")
        let costText = cost.trimmingCharacters(in: .whitespaces)
        let cost = ActivityInput.cents(costText)
        errors.require(cost != nil, "directory.errors.money.invalid", field: "cost")
        let status = Event.Status(rawValue: status)
        errors.require(status != nil, "stakeholders.errors.status.invalid", field: "status")
        var startDate: Date?
        var endDate: Date?
        if let day, let start, let end {
            startDate = Schedule.moment(day, minutes: start, in: timeZone)
            endDate = Schedule.moment(day, minutes: end, in: timeZone)
        }
        if !errors.isEmpty { throw errors }
        event.kind = kind!
        event.title = event.title.updated(with: titles, original: original)
        event.description = event.description.updated(with: descriptions, original: original)
        event.organiserIDs = organiserIDs
        event.networkID = networkID
        event.placeID = placeID
        event.areaID = areaID
        event.start = startDate!
        event.end = endDate!
        event.capacity = capacityText.isEmpty ? nil : capacity
        event.registration = registration
        event.feeCents = fee!
        event.costCents = costText.isEmpty ? nil : cost
        event.status = status!
    }
}

/// A registration as typed by a participant.
public struct RegistrationInput: Hashable, Sendable {
    public var name: String
    public var email: String
    public var consent: Bool

    public init(name: String = "", email: String = "", consent: Bool = false) {
        self.name = name
        self.email = email
        self.consent = consent
    }

    public func validate() throws(ValidationErrors) -> (name: String, email: String) {
        var errors = ValidationErrors()
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = EmailAddress.normalise(email)
        errors.require(!name.isEmpty, "common.errors.required", field: "name")
        errors.require(name.count <= 100, "common.errors.too_long", field: "name")
        errors.require(EmailAddress.isPlausible(email), "stakeholders.errors.email.invalid", field: "email")
        errors.require(consent, "directory.errors.registration.consent", field: "consent")
        if !errors.isEmpty { throw errors }
        return (name, email)
    }
}
