import Foundation

/// The registry of organisations: the public directory, and creating and editing entries.
public struct OrganisationUseCases: Sendable {
    var organisations: any OrganisationRepository
    var areas: any AreaRepository
    public var now: @Sendable () -> Date

    public init(
        organisations: any OrganisationRepository,
        areas: any AreaRepository,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.organisations = organisations
        self.areas = areas
        self.now = now
    }

    /// The public directory: everything not archived that passes the filter.
    /// One organisation, of any city, for naming it beside what it offers.
    public func organisation(id: OrganisationID) async throws -> Organisation? {
        try await organisations.find(id: id)
    }

    /// The organisations with these ids that exist.
    public func organisations(ids: Set<OrganisationID>) async throws -> [Organisation] {
        try await organisations.find(ids: ids)
    }

    /// Every organisation of the city, for choosing one in a form.
    public func list(city: CityID) async throws -> [Organisation] {
        try await organisations.list(city: city)
    }

    public func directory(city: CityID, filter: OrganisationFilter) async throws -> [Organisation] {
        var filter = filter
        filter.includeArchived = false
        return try await organisations.list(city: city, filter: filter)
    }

    /// One organisation of a city; archived ones only for those who coordinate it.
    public func show(actor: Actor?, city: City, id: OrganisationID) async throws -> Organisation {
        guard let organisation = try await organisations.find(id: id), organisation.cityID == city.id else {
            throw NotFound()
        }
        if organisation.status == .archived && !Authorization.allows(actor, .coordinate(city.id)) {
            throw NotFound()
        }
        return organisation
    }

    /// Registers an organisation. Coordinators only. Throws `NotPermitted` or `ValidationErrors`.
    @discardableResult
    public func create(actor: Actor?, city: City, input: OrganisationInput) async throws -> Organisation {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        let valid = try input.validate(in: try await context(city))
        var organisation = Organisation(cityID: city.id, kind: valid.kind, name: .init(), createdAt: now())
        valid.apply(to: &organisation, original: city.defaultLanguage)
        try await organisations.create(organisation)
        return organisation
    }

    /// Changes an organisation. Its editors and the city's coordinators; only coordinators archive.
    @discardableResult
    public func update(actor: Actor?, city: City, id: OrganisationID, input: OrganisationInput) async throws
        -> Organisation
    {
        guard let current = try await organisations.find(id: id), current.cityID == city.id else { throw NotFound() }
        guard Authorization.allows(actor, .editOrganisation(city.id, id)) else { throw NotPermitted() }
        let valid = try input.validate(in: try await context(city), id: id)
        if valid.status == .archived && current.status != .archived
            && !Authorization.allows(actor, .coordinate(city.id))
        {
            throw ValidationErrors(["status": ["stakeholders.errors.status.archive_coordinators_only"]])
        }
        var organisation = current
        valid.apply(to: &organisation, original: city.defaultLanguage)
        try await organisations.update(organisation)
        return organisation
    }

    /// What validating an input needs: the city's areas by code and its organisations.
    public func context(_ city: City, others: [Organisation]? = nil) async throws -> OrganisationInput.Context {
        let areas = try await areas.list(city: city.id)
        let known: [Organisation]
        if let others { known = others } else { known = try await organisations.list(city: city.id) }
        return OrganisationInput.Context(
            city: city,
            areasByCode: Dictionary(areas.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first }),
            others: known)
    }
}

extension OrganisationUseCases {
    /// A spreadsheet read and checked: its header (to map columns), the mapping used, and the plan.
    public struct SpreadsheetCheck: Sendable {
        public var header: [String]
        public var mapping: OrganisationSpreadsheet.Mapping
        public var plan: OrganisationSpreadsheet.Plan
    }

    /// The dry run: reads the file and reports what would be created and updated, or every problem.
    /// Without a mapping, the one the headers suggest is used. Coordinators only; writes nothing.
    public func checkSpreadsheet(
        actor: Actor?, city: City, data: Data, mapping: OrganisationSpreadsheet.Mapping? = nil
    ) async throws -> SpreadsheetCheck {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        let fileProblem = { (key: String, line: Int) in
            SpreadsheetCheck(
                header: [], mapping: .init(columns: [:]),
                plan: .init(
                    organisations: [], created: 0, updated: 0,
                    problems: [.init(line: line, column: nil, key: key)]))
        }
        guard let text = OrganisationSpreadsheet.text(of: data) else {
            return fileProblem("stakeholders.import.not_utf8", 0)
        }
        let table: CSVTable
        do {
            table = try CSVTable.parse(text)
        } catch .empty {
            return fileProblem("stakeholders.import.empty", 0)
        } catch .unterminatedQuote(let line) {
            return fileProblem("stakeholders.import.unterminated_quote", line)
        }
        let mapping = mapping ?? OrganisationSpreadsheet.Mapping(suggestedFor: table.header)
        let existing = try await organisations.list(city: city.id)
        let context = try await context(city, others: existing)
        let plan = OrganisationSpreadsheet.plan(
            table, mapping: mapping, context: context, existing: existing, now: now())
        return SpreadsheetCheck(header: table.header, mapping: mapping, plan: plan)
    }

    /// Imports a spreadsheet all or nothing: when the dry run finds any problem nothing is written.
    public func importSpreadsheet(
        actor: Actor?,
        city: City,
        data: Data,
        mapping: OrganisationSpreadsheet.Mapping? = nil,
        progress: @Sendable (Int) -> Void = { _ in },
        planned: @Sendable (Int) -> Void = { _ in }
    ) async throws -> SpreadsheetCheck {
        let check = try await checkSpreadsheet(actor: actor, city: city, data: data, mapping: mapping)
        if check.plan.problems.isEmpty {
            planned(check.plan.organisations.count)
            try await organisations.save(check.plan.organisations, progress: progress)
        }
        return check
    }

    /// Every organisation of the city, archived ones included, in the spreadsheet the import reads.
    public func exportSpreadsheet(actor: Actor?, city: City) async throws -> String {
        guard Authorization.allows(actor, .coordinate(city.id)) else { throw NotPermitted() }
        let areas = try await areas.list(city: city.id)
        return OrganisationSpreadsheet.export(
            try await organisations.list(city: city.id), languages: city.languages,
            areaCodes: Dictionary(uniqueKeysWithValues: areas.map { ($0.id, $0.code) }))
    }
}
