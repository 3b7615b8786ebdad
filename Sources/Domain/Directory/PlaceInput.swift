import Foundation

/// A place as typed into a form, before it is checked.
public struct PlaceInput: Hashable, Sendable {
    public var kind: String
    public var names: [LanguageCode: String]
    public var descriptions: [LanguageCode: String]
    public var owner: String
    public var address: String
    public var areaCode: String
    public var latitude: String
    public var longitude: String
    public var capacity: String
    public var accessibility: [String]
    public var hours: String
    public var exceptions: String
    public var appointmentOnly: Bool
    public var bookable: Bool

    public init(
        kind: String = Place.Kind.communityCentre.rawValue, names: [LanguageCode: String] = [:],
        descriptions: [LanguageCode: String] = [:], owner: String = "", address: String = "", areaCode: String = "",
        latitude: String = "", longitude: String = "", capacity: String = "", accessibility: [String] = [],
        hours: String = "", exceptions: String = "", appointmentOnly: Bool = false, bookable: Bool = false
    ) {
        self.kind = kind
        self.names = names
        self.descriptions = descriptions
        self.owner = owner
        self.address = address
        self.areaCode = areaCode
        self.latitude = latitude
        self.longitude = longitude
        self.capacity = capacity
        self.accessibility = accessibility
        self.hours = hours
        self.exceptions = exceptions
        self.appointmentOnly = appointmentOnly
        self.bookable = bookable
    }

    /// The input that would leave a place as it is.
    public init(_ place: Place, areaCodes: [AreaID: String]) {
        self.init(
            kind: place.kind.rawValue, names: place.name.translations.mapValues(\.text),
            descriptions: place.description.translations.mapValues(\.text),
            owner: place.ownerID?.description ?? "", address: place.address,
            areaCode: place.areaID.flatMap { areaCodes[$0] } ?? "",
            latitude: place.latitude.map { String($0) } ?? "", longitude: place.longitude.map { String($0) } ?? "",
            capacity: place.capacity.map(String.init) ?? "", accessibility: place.accessibility.map(\.rawValue),
            hours: place.hours.weeklyText, exceptions: place.hours.exceptionsText,
            appointmentOnly: place.hours.appointmentOnly, bookable: place.bookable)
    }

    /// Checks every field and applies it to `place`, keeping translation status.
    public func apply(
        to place: inout Place, organisations: Set<OrganisationID>, areasByCode: [String: AreaID], original: LanguageCode
    ) throws(ValidationErrors) {
        var errors = ValidationErrors()
        let kind = Place.Kind(rawValue: kind)
        errors.require(kind != nil, "stakeholders.errors.kind.invalid", field: "kind")
        let names = PartnerCallInput.trimmed(names)
        errors.require(!names.isEmpty, "stakeholders.errors.name.missing", field: "name")
        errors.require(names.values.allSatisfy { $0.count <= 200 }, "stakeholders.errors.name.too_long", field: "name")
        let descriptions = PartnerCallInput.trimmed(descriptions)
        errors.require(
            descriptions.values.allSatisfy { $0.count <= 5_000 }, "stakeholders.errors.description.too_long",
            field: "description")
        let ownerText = owner.trimmingCharacters(in: .whitespaces)
        let owner = OrganisationID(string: ownerText).flatMap { organisations.contains($0) ? $0 : nil }
        errors.require(ownerText.isEmpty || owner != nil, "stakeholders.errors.organisation.unknown", field: "owner")
        let address = address.trimmingCharacters(in: .whitespacesAndNewlines)
        errors.require(address.count <= 300, "common.errors.too_long", field: "address")
        let areaText = areaCode.trimmingCharacters(in: .whitespaces)
        let areaID = areasByCode[areaText]
        errors.require(areaText.isEmpty || areaID != nil, "stakeholders.errors.areas.unknown", field: "area")
        let (latitude, longitude) = coordinates(&errors)
        let capacityText = capacity.trimmingCharacters(in: .whitespaces)
        let capacity = Int(capacityText)
        errors.require(
            capacityText.isEmpty || (capacity.map { (1...100_000).contains($0) } ?? false),
            "directory.errors.capacity.invalid", field: "capacity")
        let features = accessibility.compactMap(Place.Accessibility.init(rawValue:))
        errors.require(
            features.count == accessibility.count, "directory.errors.accessibility.invalid",
            field: "accessibility")
        var hours = OpeningHours()
        do {
            hours = try OpeningHours.parse(weekly: self.hours, exceptions: exceptions, appointmentOnly: appointmentOnly)
        } catch {
            errors.add(error)
        }
        if !errors.isEmpty { throw errors }
        place.kind = kind!
        place.name = place.name.updated(with: names, original: original)
        place.description = place.description.updated(with: descriptions, original: original)
        place.ownerID = owner
        place.address = address
        place.areaID = areaID
        place.latitude = latitude
        place.longitude = longitude
        place.capacity = capacityText.isEmpty ? nil : capacity
        place.accessibility = OrganisationInput.unique(features)
        place.hours = hours
        place.bookable = bookable
    }

    /// Both coordinates or neither; WGS 84 degrees with a dot or a comma.
    private func coordinates(_ errors: inout ValidationErrors) -> (Double?, Double?) {
        let latText = latitude.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let lonText = longitude.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        if latText.isEmpty && lonText.isEmpty { return (nil, nil) }
        let latitude = Double(latText).flatMap { (-90...90).contains($0) ? $0 : nil }
        let longitude = Double(lonText).flatMap { (-180...180).contains($0) ? $0 : nil }
        errors.require(latitude != nil, "directory.errors.coordinates.invalid", field: "latitude")
        errors.require(longitude != nil, "directory.errors.coordinates.invalid", field: "longitude")
        return (latitude, longitude)
    }
}
