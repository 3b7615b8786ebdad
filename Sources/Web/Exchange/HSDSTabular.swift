import Domain
import Foundation

/// The city's directory as an HSDS 3.0 tabular data package: the CSV files of the HSDS core tables Arrival has
/// data for, with the official column names and order, and a `datapackage.json` naming them, in one ZIP.
struct HSDSTabular {
    static let headers: [(file: String, resource: String, columns: [String])] = [
        (
            "organizations.csv", "organization",
            [
                "id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id",
                "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id",
            ]
        ),
        (
            "services.csv", "service",
            [
                "id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email",
                "status",
                "interpretation_services", "application_process", "fees_description", "wait_time", "fees",
                "accreditations", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
                "assurer_email", "licenses", "alert", "last_modified",
            ]
        ),
        (
            "locations.csv", "location",
            [
                "id", "location_type", "url", "organization_id", "name", "alternate_name", "description",
                "transportation", "latitude", "longitude", "external_identifier", "external_identifier_type",
            ]
        ),
        ("service_at_location.csv", "service_at_location", ["id", "service_id", "location_id", "description"]),
        (
            "schedules.csv", "schedule",
            [
                "id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart",
                "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday",
                "byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes",
            ]
        ),
        ("languages.csv", "language", ["id", "service_id", "location_id", "phone_id", "name", "code", "note"]),
        (
            "cost_options.csv", "cost_option",
            ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"]
        ),
    ]

    private var rows: [String: [[String: String]]] = [:]

    /// Adds the rows of one service: the service, its schedule, languages, cost and place.
    mutating func add(_ service: HSDSServiceDTO) {
        rows["services.csv", default: []].append([
            "id": service.id, "organization_id": service.organizationID, "name": service.name,
            "alternate_name": service.alternateName ?? "", "description": service.description, "url": service.url,
            "status": service.status, "fees_description": service.feesDescription,
            "last_modified": service.lastModified,
        ])
        for schedule in service.schedules ?? [] {
            rows["schedules.csv", default: []].append([
                "id": schedule.id, "service_id": schedule.serviceID, "dtstart": schedule.dtstart,
                "timezone": String(schedule.timezone), "until": schedule.until ?? "",
                "count": schedule.count.map(String.init) ?? "", "wkst": schedule.wkst, "freq": schedule.freq ?? "",
                "interval": schedule.interval.map(String.init) ?? "", "byday": schedule.byday ?? "",
                "bymonthday": schedule.bymonthday ?? "", "description": schedule.description,
                "opens_at": schedule.opensAt, "closes_at": schedule.closesAt,
            ])
        }
        for entry in service.languages ?? [] {
            rows["languages.csv", default: []].append([
                "id": entry.id, "service_id": entry.serviceID, "name": entry.name, "code": entry.code,
            ])
        }
        for cost in service.costOptions ?? [] {
            rows["cost_options.csv", default: []].append([
                "id": cost.id, "service_id": cost.serviceID, "option": cost.option, "currency": cost.currency,
                "amount": String(format: "%.2f", cost.amount),
            ])
        }
        for link in service.serviceAtLocations ?? [] {
            rows["service_at_location.csv", default: []].append([
                "id": link.id, "service_id": link.serviceID, "location_id": link.locationID,
            ])
        }
    }

    mutating func add(_ organisation: HSDSOrganizationDTO) {
        rows["organizations.csv", default: []].append([
            "id": organisation.id, "name": organisation.name, "alternate_name": organisation.alternateName ?? "",
            "description": organisation.description, "email": organisation.email ?? "",
            "website": organisation.website ?? "", "uri": organisation.uri,
        ])
    }

    mutating func add(_ place: Place, city: City, language: LanguageCode, publicURL: String) {
        rows["locations.csv", default: []].append([
            "id": place.id.description, "location_type": "physical",
            "url": publicURL + Route.place(city.slug, place.id).path,
            "organization_id": place.ownerID?.description ?? "",
            "name": place.name.text(in: language, fallback: city.defaultLanguage),
            "description": place.description.text(in: language, fallback: city.defaultLanguage),
            "latitude": place.latitude.map { String($0) } ?? "", "longitude": place.longitude.map { String($0) } ?? "",
        ])
    }

    /// The ZIP: every table (with its header even when empty) and the data package description.
    func archive(city: City) throws -> Data {
        var zip = ZipArchive()
        for table in Self.headers {
            let records = [table.columns] + (rows[table.file] ?? []).map { row in table.columns.map { row[$0] ?? "" } }
            zip.add(table.file, Data(CSVWriter.text(records).utf8))
        }
        let package: [String: Any] = [
            "name": "arrival-\(city.slug)", "profile": "tabular-data-package", "version": "3.0.0",
            "title": "HSDS 3.0 export of \(city.displayName(in: city.defaultLanguage))",
            "resources": Self.headers.map { table in
                [
                    "name": table.resource, "path": table.file, "format": "csv", "mediatype": "text/csv",
                    "encoding": "utf-8", "profile": "tabular-data-resource",
                    "schema": ["primaryKey": "id", "fields": table.columns.map { ["name": $0, "type": "string"] }],
                ] as [String: Any]
            },
        ]
        zip.add(
            "datapackage.json",
            try JSONSerialization.data(withJSONObject: package, options: [.prettyPrinted, .sortedKeys]))
        return zip.bytes
    }
}
