import Domain

/// The OpenAPI 3.1 description of `/api/v1`. A test compares it with the router, so a route
/// added without a description here fails the build's tests.
enum OpenAPIDocument {
    struct Operation {
        var method: String
        var path: String
        var id: String
        var summary: String
        var parameters: [String]
        var schema: String
        /// Query parameters beyond `lang`, each `name` → JSON schema.
        var query: [(String, JSONValue)] = []
        /// The schema of a JSON request body, for writes.
        var body: String? = nil
        var status: String = "200"
        var mediaType: String = "application/json"
        /// Answers carry an `ETag`; `If-None-Match` with it gets 304.
        var cached = false
        /// Query parameters are checked: wrong ones get 422.
        var checksQuery = false
        /// Only for signed-in people with a role that may read it: others get 403.
        var restricted = false
    }

    static let activityFilters: [(String, JSONValue)] = [
        ("q", .object(["type": "string", "maxLength": .int(100), "description": "words, in any language"])),
        ("kind", .object(["type": "string", "enum": .array(Activity.Kind.allCases.map { .string($0.rawValue) })])),
        ("category", .object(["type": "string", "description": "category code"])),
        ("area", .object(["type": "string", "description": "area code"])),
        ("language", .object(["type": "string", "description": "a language the activity is run in"])),
        (
            "group",
            .object(["type": "string", "enum": .array(Activity.TargetGroup.allCases.map { .string($0.rawValue) })])
        ),
        ("from", .object(["type": "string", "format": "date"])),
        ("through", .object(["type": "string", "format": "date"])),
        ("free", .object(["type": "string", "enum": .array(["yes"])])),
        ("accessible", .object(["type": "string", "enum": .array(["yes"])])),
    ]

    /// Every list is paged (see `APIPaging`).
    static let pagingParameters: [(String, JSONValue)] = [
        ("offset", .object(["type": "integer", "minimum": .int(0), "maximum": .int(1_000_000)])),
        ("limit", .object(["type": "integer", "minimum": .int(1), "maximum": .int(APIPaging.maximumLimit)])),
    ]

    static let organisationFilters: [(String, JSONValue)] = [
        ("q", .object(["type": "string", "maxLength": .int(100), "description": "part of a name, in any language"])),
        ("kind", .object(["type": "string"])),
        ("language", .object(["type": "string"])),
        ("area", .object(["type": "string", "description": "area code"])),
        ("migrant_led", .object(["type": "string", "enum": .array(["yes"])])),
    ]

    static let operations: [Operation] = [
        Operation(
            method: "get", path: "/api/v1/cities", id: "listCities", summary: "Cities on this installation",
            parameters: [], schema: "CityList"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}", id: "getCity", summary: "One city", parameters: ["city"],
            schema: "City"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/areas", id: "listAreas",
            summary: "A city's areas with their latest demographics", parameters: ["city"], schema: "AreaList"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/organisations", id: "listOrganisations",
            summary: "The city's organisations (archived ones left out)", parameters: ["city"],
            schema: "OrganisationList", query: organisationFilters),
        Operation(
            method: "post", path: "/api/v1/cities/{city}/organisations", id: "createOrganisation",
            summary: "Register an organisation (coordinators)", parameters: ["city"], schema: "Organisation",
            body: "OrganisationWrite", status: "201"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/organisations/{id}", id: "getOrganisation",
            summary: "One organisation", parameters: ["city", "id"], schema: "Organisation"),
        Operation(
            method: "put", path: "/api/v1/cities/{city}/organisations/{id}", id: "updateOrganisation",
            summary: "Change an organisation (its editors and coordinators)", parameters: ["city", "id"],
            schema: "Organisation", body: "OrganisationWrite"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/organisations/{id}/hsds", id: "getOrganisationHSDS",
            summary: "One organisation as an Open Referral HSDS 3.0 organization", parameters: ["city", "id"],
            schema: "HSDSOrganization"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/networks", id: "listNetworks",
            summary: "The city's networks of organisations, with their members", parameters: ["city"],
            schema: "NetworkList"),
        Operation(
            method: "post", path: "/api/v1/cities/{city}/networks", id: "createNetwork",
            summary: "Create a network (coordinators)", parameters: ["city"], schema: "Network", body: "NetworkWrite",
            status: "201"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/networks/{id}", id: "getNetwork", summary: "One network",
            parameters: ["city", "id"], schema: "Network"),
        Operation(
            method: "put", path: "/api/v1/cities/{city}/networks/{id}", id: "updateNetwork",
            summary: "Change a network (coordinators)", parameters: ["city", "id"], schema: "Network",
            body: "NetworkWrite"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/partnerships", id: "listPartnerships",
            summary: "Partnerships between the city's organisations", parameters: ["city"], schema: "PartnershipList"),
        Operation(
            method: "post", path: "/api/v1/cities/{city}/partnerships", id: "createPartnership",
            summary: "Record a partnership (coordinators, or an editor of either organisation)",
            parameters: ["city"], schema: "Partnership", body: "PartnershipWrite", status: "201"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/partnerships/{id}", id: "getPartnership",
            summary: "One partnership", parameters: ["city", "id"], schema: "Partnership"),
        Operation(
            method: "put", path: "/api/v1/cities/{city}/partnerships/{id}", id: "updatePartnership",
            summary: "Change a partnership (coordinators, or an editor of either organisation)",
            parameters: ["city", "id"], schema: "Partnership", body: "PartnershipWrite"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/partner-calls", id: "listPartnerCalls",
            summary: "The partner bulletin board: open calls whose deadline has not passed, or closed ones",
            parameters: ["city"], schema: "PartnerCallList",
            query: [
                ("status", .object(["type": "string", "enum": .array(["open", "closed"])])),
                ("area", .object(["type": "string", "description": "area code"])),
            ]),
        Operation(
            method: "post", path: "/api/v1/cities/{city}/partner-calls", id: "createPartnerCall",
            summary: "Post a call for partners (for an organisation the caller edits)", parameters: ["city"],
            schema: "PartnerCall", body: "PartnerCallWrite", status: "201"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/partner-calls/{id}", id: "getPartnerCall",
            summary: "One partner call", parameters: ["city", "id"], schema: "PartnerCall"),
        Operation(
            method: "put", path: "/api/v1/cities/{city}/partner-calls/{id}", id: "updatePartnerCall",
            summary: "Change an open call (editors of the posting organisation, coordinators)",
            parameters: ["city", "id"], schema: "PartnerCall", body: "PartnerCallWrite"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/places", id: "listPlaces",
            summary: "Places of encounter, filtered like the directory", parameters: ["city"], schema: "PlaceList",
            query: [
                ("kind", .object(["type": "string"])),
                ("area", .object(["type": "string", "description": "area code"])),
                ("step_free", .object(["type": "string", "enum": .array(["yes"])])),
                ("bookable", .object(["type": "string", "enum": .array(["yes"])])),
            ]),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/places.geojson", id: "placesGeoJSON",
            summary: "Places with coordinates as an RFC 7946 GeoJSON FeatureCollection", parameters: ["city"],
            schema: "FeatureCollection", mediaType: "application/geo+json"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/places/{id}", id: "getPlace", summary: "One place",
            parameters: ["city", "id"], schema: "Place"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/activities", id: "listActivities",
            summary: "Activities in the directory (What's on), page by page, best match first for a search",
            parameters: ["city"], schema: "ActivityPage", query: activityFilters),
        Operation(
            method: "post", path: "/api/v1/cities/{city}/activities", id: "createActivity",
            summary: "Add an activity (editors of its organisation, coordinators)", parameters: ["city"],
            schema: "Activity", body: "ActivityWrite", status: "201"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/activities/{id}", id: "getActivity", summary: "One activity",
            parameters: ["city", "id"], schema: "Activity", cached: true),
        Operation(
            method: "put", path: "/api/v1/cities/{city}/activities/{id}", id: "updateActivity",
            summary: "Change an activity (editors of its organisation, coordinators)", parameters: ["city", "id"],
            schema: "Activity", body: "ActivityWrite"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/categories", id: "listCategories",
            summary: "The city's activity categories in their order", parameters: ["city"], schema: "CategoryList"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/events", id: "listEvents",
            summary: "Published and cancelled events, earliest first", parameters: ["city"], schema: "EventList",
            query: [
                (
                    "kind",
                    .object(["type": "string", "enum": .array(Event.Kind.allCases.map { .string($0.rawValue) })])
                ),
                ("area", .object(["type": "string", "description": "area code"])),
                ("from", .object(["type": "string", "format": "date"])),
                ("through", .object(["type": "string", "format": "date"])),
            ]),
        Operation(
            method: "post", path: "/api/v1/cities/{city}/events", id: "createEvent",
            summary: "Announce an event (editors of its organisers, coordinators)", parameters: ["city"],
            schema: "Event", body: "EventWrite", status: "201"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/events/{id}", id: "getEvent", summary: "One event",
            parameters: ["city", "id"], schema: "Event", cached: true),
        Operation(
            method: "put", path: "/api/v1/cities/{city}/events/{id}", id: "updateEvent",
            summary: "Change an event (editors of its organisers, coordinators)", parameters: ["city", "id"],
            schema: "Event", body: "EventWrite"),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/hsds/services", id: "listHSDSServices",
            summary: "Published activities as Open Referral HSDS 3.0 services, in HSDS pages", parameters: ["city"],
            schema: "HSDSServicePage",
            query: [
                ("page", .object(["type": "integer", "minimum": .int(1), "maximum": .int(100_000)])),
                (
                    "per_page",
                    .object(["type": "integer", "minimum": .int(1), "maximum": .int(APIPaging.maximumLimit)])
                ),
            ], cached: true, checksQuery: true),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/hsds/services/{id}", id: "getHSDSService",
            summary: "One activity as a full HSDS 3.0 service (organization, schedules, languages, locations)",
            parameters: ["city", "id"], schema: "HSDSService", cached: true),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/hsds/tabular.zip", id: "getHSDSTabular",
            summary: "The published directory as an HSDS 3.0 tabular data package: CSV files and datapackage.json",
            parameters: ["city"], schema: "Binary", mediaType: "application/zip", cached: true),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/opportunities", id: "listOpportunities",
            summary: "Open volunteer opportunities, newest first", parameters: ["city"], schema: "OpportunityList",
            query: [
                ("q", .object(["type": "string", "maxLength": .int(200), "description": "words, in any language"])),
                ("category", .object(["type": "string", "description": "category code"])),
                ("area", .object(["type": "string", "description": "area code"])),
                ("language", .object(["type": "string", "description": "a language the role is done in"])),
            ]),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/opportunities/{id}", id: "getOpportunity",
            summary: "One volunteer opportunity", parameters: ["city", "id"], schema: "Opportunity", cached: true),
        Operation(
            method: "get", path: "/api/v1/cities/{city}/volunteering/engagements", id: "listEngagements",
            summary:
                "Engagements of volunteers with the reader's organisations (editors, coordinators), with approved "
                + "minutes; a volunteer is named only with their consent",
            parameters: ["city"], schema: "EngagementList", restricted: true),
        Operation(
            method: "get", path: "/api/v1/openapi.json", id: "openAPI", summary: "This document", parameters: [],
            schema: "Document"),
    ]

    static func pathParameter(_ name: String) -> JSONValue {
        let pattern =
            name == "city" ? "^[a-z][a-z0-9-]{1,39}$" : "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
        return .object([
            "name": .string(name), "in": "path", "required": .bool(true),
            "schema": .object(["type": "string", "pattern": .string(pattern)]),
        ])
    }

    static var document: JSONValue {
        var paths: [String: JSONValue] = [:]
        for var operation in operations {
            if operation.schema.hasSuffix("List") || operation.schema == "ActivityPage" {
                operation.query += pagingParameters
                operation.cached = true
                operation.checksQuery = true
            }
            var responses: [String: JSONValue] = [
                operation.status: .object([
                    "description": "OK",
                    "content": .object([
                        operation.mediaType: .object([
                            "schema": .object(["$ref": .string("#/components/schemas/\(operation.schema)")])
                        ])
                    ]),
                ])
            ]
            if !operation.parameters.isEmpty {
                responses["404"] = errorResponse("Not found")
            }
            if operation.cached {
                responses["304"] = .object(["description": "Not modified since the ETag sent in If-None-Match"])
            }
            if operation.checksQuery {
                responses["422"] = .object([
                    "description": "Invalid query parameters, each with translation keys of its problems",
                    "content": .object([
                        "application/json": .object([
                            "schema": .object(["$ref": "#/components/schemas/ValidationErrors"])
                        ])
                    ]),
                ])
            }
            if operation.restricted {
                responses["403"] = errorResponse("Not signed in, or not permitted")
            }
            if operation.body != nil {
                responses["400"] = errorResponse("The body is not JSON of the expected shape")
                responses["403"] = errorResponse("Not signed in, or not permitted")
                responses["415"] = errorResponse("The body is not sent as application/json")
                responses["422"] = .object([
                    "description": "Invalid fields, each with translation keys of its problems",
                    "content": .object([
                        "application/json": .object([
                            "schema": .object(["$ref": "#/components/schemas/ValidationErrors"])
                        ])
                    ]),
                ])
            }
            let query =
                [
                    (
                        "lang",
                        JSONValue.object([
                            "type": "string",
                            "description":
                                "Language of the text fields; an unknown one falls back to the city's default",
                        ])
                    )
                ] + operation.query
            var entry: [String: JSONValue] = [
                "operationId": .string(operation.id),
                "summary": .string(operation.summary),
                "parameters": .array(
                    operation.parameters.map(pathParameter)
                        + query.map { name, schema in
                            .object(["name": .string(name), "in": "query", "required": false, "schema": schema])
                        }),
                "responses": .object(responses),
            ]
            if let body = operation.body {
                entry["requestBody"] = .object([
                    "required": true,
                    "content": .object([
                        "application/json": .object([
                            "schema": .object(["$ref": .string("#/components/schemas/\(body)")])
                        ])
                    ]),
                ])
            }
            if operation.id == "openAPI" { entry["parameters"] = .array([]) }
            var methods = paths[operation.path]?.objectValue ?? [:]
            methods[operation.method] = .object(entry)
            paths[operation.path] = .object(methods)
        }
        return .object([
            "openapi": "3.1.0",
            "info": .object([
                "title": "Arrival API", "version": "1.0.0",
                "description": .string(
                    "The cities, areas, organisations, networks, partnerships, partner calls and open data of an Arrival "
                        + "installation. Writes need a "
                        + "signed-in session cookie and a JSON body."),
            ]),
            "paths": .object(paths),
            "components": .object(["schemas": schemas]),
        ])
    }

    static func errorResponse(_ description: String) -> JSONValue {
        .object([
            "description": .string(description),
            "content": .object([
                "application/json": .object(["schema": .object(["$ref": "#/components/schemas/Error"])])
            ]),
        ])
    }

    static let day: JSONValue = .object(["type": "string", "format": "date"])

    static let translations: JSONValue = .object([
        "type": "object", "additionalProperties": .object(["type": "string"]),
    ])

    static let schemas: JSONValue = .object([
        "City": .object([
            "type": "object",
            "required": .array(["slug", "name", "names", "timeZone", "defaultLanguage", "languages"]),
            "properties": .object([
                "slug": .object(["type": "string"]), "name": .object(["type": "string"]), "names": translations,
                "timeZone": .object(["type": "string"]), "defaultLanguage": .object(["type": "string"]),
                "languages": .object(["type": "array", "items": .object(["type": "string"])]),
            ]),
        ]),
        "CityList": list("City"),
        "Area": .object([
            "type": "object",
            "required": .array(["code", "kind", "name", "names"]),
            "properties": .object([
                "code": .object(["type": "string"]), "kind": .object(["type": "string"]),
                "parent": .object(["type": "string", "description": "code of the enclosing area"]),
                "name": .object(["type": "string"]), "names": translations,
                "year": .object(["type": "integer"]), "population": .object(["type": "integer"]),
                "foreignLanguageSpeakers": .object(["type": "integer"]),
                "foreignLanguageShare": .object(["type": "number"]),
            ]),
        ]),
        "AreaList": list("Area"),
        "Organisation": .object([
            "type": "object",
            "required": .array([
                "id", "kind", "migrantLed", "name", "names", "description", "descriptions", "languages", "areas",
                "status",
            ]),
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]),
                "kind": .object([
                    "type": "string", "enum": .array(Organisation.Kind.allCases.map { .string($0.rawValue) }),
                ]),
                "migrantLed": .object(["type": "boolean"]),
                "name": .object(["type": "string"]), "names": translations,
                "description": .object(["type": "string"]), "descriptions": translations,
                "languages": .object(["type": "array", "items": .object(["type": "string"])]),
                "areas": .object(["type": "array", "items": .object(["type": "string"])]),
                "website": .object(["type": "string"]), "email": .object(["type": "string"]),
                "status": .object([
                    "type": "string", "enum": .array(Organisation.Status.allCases.map { .string($0.rawValue) }),
                ]),
                "lastConfirmedAt": .object(["type": "string", "format": "date-time"]),
            ]),
        ]),
        "OrganisationList": list("Organisation"),
        "OrganisationWrite": .object([
            "type": "object",
            "required": .array(["kind", "names"]),
            "properties": .object([
                "kind": .object(["type": "string"]),
                "names": translations, "descriptions": translations,
                "languages": .object(["type": "array", "items": .object(["type": "string"])]),
                "areas": .object(["type": "array", "items": .object(["type": "string"])]),
                "website": .object(["type": "string"]), "email": .object(["type": "string"]),
                "status": .object(["type": "string"]),
            ]),
        ]),
        "HSDSOrganization": .object([
            "type": "object",
            "description": "Open Referral HSDS 3.0 organization",
            "required": .array(["id", "name", "description"]),
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]), "name": .object(["type": "string"]),
                "alternate_name": .object(["type": "string"]), "description": .object(["type": "string"]),
                "email": .object(["type": "string"]), "website": .object(["type": "string"]),
                "uri": .object(["type": "string"]),
            ]),
        ]),
        "Network": .object([
            "type": "object",
            "required": .array(["id", "kind", "name", "names", "description", "descriptions", "members"]),
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]),
                "kind": .object(["type": "string", "enum": .array(Network.Kind.allCases.map { .string($0.rawValue) })]),
                "name": .object(["type": "string"]), "names": translations,
                "description": .object(["type": "string"]), "descriptions": translations,
                "members": .object([
                    "type": "array",
                    "items": .object([
                        "type": "object", "required": .array(["organisation", "role"]),
                        "properties": .object([
                            "organisation": .object(["type": "string", "format": "uuid"]),
                            "role": .object([
                                "type": "string",
                                "enum": .array(NetworkMembership.Role.allCases.map { .string($0.rawValue) }),
                            ]),
                            "since": day, "until": day,
                        ]),
                    ]),
                ]),
            ]),
        ]),
        "NetworkList": list("Network"),
        "NetworkWrite": .object([
            "type": "object", "required": .array(["kind", "names"]),
            "properties": .object([
                "kind": .object(["type": "string"]), "names": translations, "descriptions": translations,
            ]),
        ]),
        "Partnership": .object([
            "type": "object", "required": .array(["id", "kind", "first", "second", "note"]),
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]),
                "kind": .object([
                    "type": "string", "enum": .array(Partnership.Kind.allCases.map { .string($0.rawValue) }),
                ]),
                "first": .object(["type": "string", "format": "uuid"]),
                "second": .object(["type": "string", "format": "uuid"]),
                "since": day, "until": day, "note": .object(["type": "string"]),
            ]),
        ]),
        "PartnershipList": list("Partnership"),
        "PartnershipWrite": .object([
            "type": "object", "required": .array(["kind", "first", "second"]),
            "properties": .object([
                "kind": .object(["type": "string"]), "first": .object(["type": "string"]),
                "second": .object(["type": "string"]), "since": .object(["type": "string"]),
                "until": .object(["type": "string"]), "note": .object(["type": "string"]),
            ]),
        ]),
        "PartnerCall": .object([
            "type": "object",
            "required": .array(["id", "organisation", "title", "needs", "offers", "translations", "areas", "status"]),
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]),
                "organisation": .object(["type": "string", "format": "uuid"]),
                "title": .object(["type": "string"]), "needs": .object(["type": "string"]),
                "offers": .object(["type": "string"]),
                "translations": .object([
                    "type": "object", "required": .array(["title", "needs", "offers"]),
                    "properties": .object(["title": translations, "needs": translations, "offers": translations]),
                ]),
                "areas": .object(["type": "array", "items": .object(["type": "string"])]),
                "deadline": day,
                "status": .object([
                    "type": "string", "enum": .array(PartnerCall.Status.allCases.map { .string($0.rawValue) }),
                ]),
                "outcome": .object([
                    "type": "string", "enum": .array(PartnerCall.Outcome.allCases.map { .string($0.rawValue) }),
                ]),
                "partner": .object(["type": "string", "format": "uuid"]),
                "outcomeNote": .object(["type": "string"]),
            ]),
        ]),
        "PartnerCallList": list("PartnerCall"),
        "PartnerCallWrite": .object([
            "type": "object", "required": .array(["organisation", "titles", "needs"]),
            "properties": .object([
                "organisation": .object(["type": "string", "description": "id of an organisation the caller edits"]),
                "titles": translations, "needs": translations, "offers": translations,
                "areas": .object(["type": "array", "items": .object(["type": "string"])]),
                "deadline": .object(["type": "string", "description": "YYYY-MM-DD, today or later"]),
            ]),
        ]),
        "Place": .object([
            "type": "object",
            "required": .array([
                "id", "kind", "name", "names", "description", "address", "accessibility", "hours", "bookable",
            ]),
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]),
                "kind": .object(["type": "string", "enum": .array(Place.Kind.allCases.map { .string($0.rawValue) })]),
                "name": .object(["type": "string"]), "names": translations,
                "description": .object(["type": "string"]),
                "owner": .object(["type": "string", "format": "uuid"]), "address": .object(["type": "string"]),
                "area": .object(["type": "string"]), "latitude": .object(["type": "number"]),
                "longitude": .object(["type": "number"]), "capacity": .object(["type": "integer"]),
                "accessibility": .object([
                    "type": "array",
                    "items": .object([
                        "type": "string", "enum": .array(Place.Accessibility.allCases.map { .string($0.rawValue) }),
                    ]),
                ]),
                "hours": .object([
                    "type": "object", "required": .array(["weekly", "exceptions", "appointmentOnly"]),
                    "properties": .object([
                        "weekly": .object(["type": "string", "description": "e.g. Mo-Fr 09:00-17:00; Sa 10:00-14:00"]),
                        "exceptions": .object(["type": "string", "description": "e.g. 2026-12-24 closed"]),
                        "appointmentOnly": .object(["type": "boolean"]),
                    ]),
                ]),
                "bookable": .object(["type": "boolean"]),
            ]),
        ]),
        "PlaceList": list("Place"),
        "Opportunity": .object([
            "type": "object",
            "required": .array([
                "id", "organisation", "title", "titles", "description", "categories", "skills", "requiredTrainings",
                "languages", "areas", "times", "wanted", "status", "updatedAt",
            ]),
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]),
                "organisation": .object(["type": "string", "format": "uuid"]),
                "title": .object(["type": "string"]), "titles": translations,
                "description": .object(["type": "string"]),
                "categories": .object(["type": "array", "items": .object(["type": "string"])]),
                "skills": .object(["type": "array", "items": .object(["type": "string"])]),
                "requiredTrainings": .object([
                    "type": "array", "items": .object(["type": "string", "format": "uuid"]),
                ]),
                "languages": .object(["type": "array", "items": .object(["type": "string"])]),
                "place": .object(["type": "string", "format": "uuid"]),
                "areas": .object(["type": "array", "items": .object(["type": "string"])]),
                "times": .object([
                    "type": "array",
                    "items": .object([
                        "type": "string", "pattern": "^[0-6]-[0-2]$",
                        "description": "day-part: day 0 is Monday; part 0 morning, 1 afternoon, 2 evening",
                    ]),
                ]),
                "wanted": .object(["type": "integer", "minimum": .int(1)]),
                "status": .object([
                    "type": "string", "enum": .array(Opportunity.Status.allCases.map { .string($0.rawValue) }),
                ]),
                "updatedAt": .object(["type": "string", "format": "date-time"]),
            ]),
        ]),
        "OpportunityList": list("Opportunity"),
        "Engagement": .object([
            "type": "object",
            "required": .array(["id", "organisation", "opportunity", "volunteer", "status", "approvedMinutes"]),
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]),
                "organisation": .object(["type": "string", "format": "uuid"]),
                "opportunity": .object(["type": "string", "format": "uuid"]),
                "volunteer": .object([
                    "type": "string", "description": "the volunteer's name with their consent, otherwise a pseudonym",
                ]),
                "status": .object([
                    "type": "string",
                    "enum": .array(VolunteerApplication.Status.allCases.map { .string($0.rawValue) }),
                ]),
                "startedOn": day, "endedOn": day,
                "approvedMinutes": .object(["type": "integer", "minimum": .int(0)]),
            ]),
        ]),
        "EngagementList": list("Engagement"),
        "ActivityWrite": .object([
            "type": "object",
            "required": .array(["organisation", "kind", "titles"]),
            "properties": .object([
                "organisation": .object(["type": "string", "format": "uuid"]),
                "kind": .object(["type": "string", "enum": .array(Activity.Kind.allCases.map { .string($0.rawValue) })]
                ),
                "titles": translations, "descriptions": translations,
                "categories": .object(["type": "array", "items": .object(["type": "string"])]),
                "targetGroups": .object(["type": "array", "items": .object(["type": "string"])]),
                "languages": .object(["type": "array", "items": .object(["type": "string"])]),
                "areas": .object(["type": "array", "items": .object(["type": "string"])]),
                "place": .object(["type": "string", "format": "uuid"]),
                "schedule": .object([
                    "type": "object", "required": .array(["firstDay", "start", "durationMinutes"]),
                    "description": "in the city's time zone",
                    "properties": .object([
                        "firstDay": day, "start": .object(["type": "string", "description": "HH:MM"]),
                        "durationMinutes": .object(["type": "integer"]),
                        "rule": .object(["type": "string", "description": "RFC 5545 RRULE value"]),
                        "cancelled": .object(["type": "array", "items": day]),
                    ]),
                ]),
                "capacity": .object(["type": "integer"]), "feeCents": .object(["type": "integer"]),
                "volunteerRun": .object(["type": "boolean"]), "referralEligible": .object(["type": "boolean"]),
                "referralFeeCents": .object(["type": "integer"]),
                "status": .object([
                    "type": "string", "enum": .array(Activity.Status.allCases.map { .string($0.rawValue) }),
                ]),
            ]),
        ]),
        "EventWrite": .object([
            "type": "object",
            "required": .array(["kind", "titles", "organisers", "day", "start", "end"]),
            "properties": .object([
                "kind": .object(["type": "string", "enum": .array(Event.Kind.allCases.map { .string($0.rawValue) })]),
                "titles": translations, "descriptions": translations,
                "organisers": .object(["type": "array", "items": .object(["type": "string", "format": "uuid"])]),
                "network": .object(["type": "string", "format": "uuid"]),
                "place": .object(["type": "string", "format": "uuid"]),
                "area": .object(["type": "string", "description": "area code"]),
                "day": day, "start": .object(["type": "string", "description": "HH:MM, the city's time"]),
                "end": .object(["type": "string", "description": "HH:MM, the city's time, after start"]),
                "capacity": .object(["type": "integer"]), "registration": .object(["type": "boolean"]),
                "feeCents": .object(["type": "integer"]), "costCents": .object(["type": "integer"]),
                "status": .object([
                    "type": "string", "enum": .array(Event.Status.allCases.map { .string($0.rawValue) }),
                ]),
            ]),
        ]),
        "Activity": .object([
            "type": "object",
            "required": .array([
                "id", "organisation", "kind", "title", "titles", "description", "categories", "targetGroups",
                "languages", "areas", "feeCents", "volunteerRun", "referralEligible", "referralFeeCents", "status",
                "updatedAt",
            ]),
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]),
                "organisation": .object(["type": "string", "format": "uuid"]),
                "kind": .object(["type": "string", "enum": .array(Activity.Kind.allCases.map { .string($0.rawValue) })]
                ),
                "title": .object(["type": "string"]), "titles": translations,
                "description": .object(["type": "string"]),
                "categories": .object(["type": "array", "items": .object(["type": "string"])]),
                "targetGroups": .object([
                    "type": "array",
                    "items": .object([
                        "type": "string", "enum": .array(Activity.TargetGroup.allCases.map { .string($0.rawValue) }),
                    ]),
                ]),
                "languages": .object(["type": "array", "items": .object(["type": "string"])]),
                "areas": .object(["type": "array", "items": .object(["type": "string"])]),
                "place": .object(["type": "string", "format": "uuid"]),
                "schedule": .object([
                    "type": "object",
                    "required": .array(["firstDay", "start", "durationMinutes", "cancelled", "timeZone"]),
                    "properties": .object([
                        "firstDay": .object(["type": "string", "format": "date"]),
                        "start": .object(["type": "string", "description": "HH:MM, local time"]),
                        "durationMinutes": .object(["type": "integer"]),
                        "rule": .object(["type": "string", "description": "RFC 5545 RRULE value"]),
                        "cancelled": .object([
                            "type": "array", "items": .object(["type": "string", "format": "date"]),
                        ]),
                        "timeZone": .object(["type": "string"]),
                    ]),
                ]),
                "nextStart": .object(["type": "string", "format": "date-time"]),
                "capacity": .object(["type": "integer"]),
                "feeCents": .object(["type": "integer"]), "volunteerRun": .object(["type": "boolean"]),
                "referralEligible": .object(["type": "boolean"]), "referralFeeCents": .object(["type": "integer"]),
                "status": .object([
                    "type": "string", "enum": .array(Activity.Status.allCases.map { .string($0.rawValue) }),
                ]),
                "updatedAt": .object(["type": "string", "format": "date-time"]),
            ]),
        ]),
        "ActivityPage": .object([
            "type": "object", "required": .array(["items", "count", "offset", "limit"]),
            "properties": .object([
                "items": .object(["type": "array", "items": .object(["$ref": "#/components/schemas/Activity"])]),
                "count": .object(["type": "integer"]), "offset": .object(["type": "integer"]),
                "limit": .object(["type": "integer"]),
                "total": .object(["type": "integer", "description": "absent when a day range is asked"]),
                "next": .object(["type": "string", "description": "the path of the next page, absent on the last"]),
            ]),
        ]),
        "Category": .object([
            "type": "object", "required": .array(["code", "name", "names", "position"]),
            "properties": .object([
                "code": .object(["type": "string"]), "name": .object(["type": "string"]), "names": translations,
                "position": .object(["type": "integer"]),
            ]),
        ]),
        "CategoryList": list("Category"),
        "Event": .object([
            "type": "object",
            "required": .array([
                "id", "kind", "title", "titles", "description", "organisers", "start", "end", "registration",
                "feeCents", "status",
            ]),
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]),
                "kind": .object(["type": "string", "enum": .array(Event.Kind.allCases.map { .string($0.rawValue) })]),
                "title": .object(["type": "string"]), "titles": translations,
                "description": .object(["type": "string"]),
                "organisers": .object(["type": "array", "items": .object(["type": "string", "format": "uuid"])]),
                "network": .object(["type": "string", "format": "uuid"]),
                "place": .object(["type": "string", "format": "uuid"]), "area": .object(["type": "string"]),
                "start": .object(["type": "string", "format": "date-time"]),
                "end": .object(["type": "string", "format": "date-time"]),
                "capacity": .object(["type": "integer"]), "registration": .object(["type": "boolean"]),
                "feeCents": .object(["type": "integer"]),
                "status": .object([
                    "type": "string", "enum": .array(Event.Status.allCases.map { .string($0.rawValue) }),
                ]),
                "attendance": .object([
                    "type": "integer", "description": "how many came, once known and only from 10 people up",
                ]),
            ]),
        ]),
        "EventList": list("Event"),
        "HSDSService": .object([
            "type": "object", "required": .array(["id", "name", "status"]),
            "description": "An Open Referral HSDS 3.0 service (schema/compiled/service.json of HSDS 3.0)",
        ]),
        "HSDSServicePage": .object([
            "type": "object",
            "required": .array([
                "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents",
            ]),
            "properties": .object([
                "total_items": .object(["type": "integer"]), "total_pages": .object(["type": "integer"]),
                "page_number": .object(["type": "integer"]), "size": .object(["type": "integer"]),
                "first_page": .object(["type": "boolean"]), "last_page": .object(["type": "boolean"]),
                "empty": .object(["type": "boolean"]),
                "contents": .object(["type": "array", "items": .object(["$ref": "#/components/schemas/HSDSService"])]),
            ]),
        ]),
        "FeatureCollection": .object([
            "type": "object", "required": .array(["type", "features"]),
            "properties": .object([
                "type": .object(["type": "string", "enum": .array(["FeatureCollection"])]),
                "features": .object(["type": "array", "items": .object(["type": "object"])]),
            ]),
        ]),
        "ValidationErrors": .object([
            "type": "object", "required": .array(["errors"]),
            "properties": .object([
                "errors": .object([
                    "type": "object",
                    "additionalProperties": .object(["type": "array", "items": .object(["type": "string"])]),
                ])
            ]),
        ]),
        "Error": .object([
            "type": "object", "required": .array(["error", "message"]),
            "properties": .object(["error": .object(["type": "string"]), "message": .object(["type": "string"])]),
        ]),
        "Document": .object(["type": "object"]),
        "Binary": .object(["type": "string", "format": "binary"]),
    ])

    static func list(_ item: String) -> JSONValue {
        .object([
            "type": "object", "required": .array(["items", "count", "offset", "limit"]),
            "properties": .object([
                "items": .object(["type": "array", "items": .object(["$ref": .string("#/components/schemas/\(item)")])]
                ),
                "count": .object(["type": "integer", "description": "items on this page"]),
                "offset": .object(["type": "integer"]), "limit": .object(["type": "integer"]),
                "total": .object(["type": "integer", "description": "items in the whole list"]),
                "next": .object(["type": "string", "description": "the path of the next page, absent on the last"]),
            ]),
        ])
    }
}

/// A JSON value for documents built in code.
indirect enum JSONValue: Encodable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    case string(String)
    case bool(Bool)
    case int(Int)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }

    var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
