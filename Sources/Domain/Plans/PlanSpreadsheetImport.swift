import Foundation

/// Actions and KPIs read back from the spreadsheets `PlanSpreadsheet` writes, into an existing plan.
///
/// A row whose `id` is one of the plan's actions (or KPIs) updates it; any other row adds a new one. A column that
/// is missing keeps the record's current value, so a spreadsheet of a few columns is enough to change those.
/// Organisations are written by id or by name in any language; KPIs name their action by its number. Columns the
/// import does not know (a KPI's status and yearly values, which are computed) are ignored. Every problem is named by
/// its file, line and column, and with any problem nothing is changed.
public struct PlanSpreadsheetImport: Sendable {
    public var document: PlanDocument
    public var organisations: [Organisation]
    public var networks: Set<NetworkID>
    public var original: LanguageCode

    public init(
        document: PlanDocument, organisations: [Organisation], networks: Set<NetworkID>, original: LanguageCode
    ) {
        self.document = document
        self.organisations = organisations
        self.networks = networks
        self.original = original
    }

    /// What an import would write: the new or changed actions and KPIs.
    public struct Changes: Hashable, Sendable {
        public var actions: [PlanAction]
        public var kpis: [KPI]
        public var created: Int
        public var updated: Int
    }

    /// Reads either file or both (`nil` for a file not given).
    public func read(actions actionsText: String?, kpis kpisText: String?) throws(ValidationErrors) -> Changes {
        var errors = ValidationErrors()
        var changes = Changes(actions: [], kpis: [], created: 0, updated: 0)
        if actionsText == nil && kpisText == nil { errors.add("plans.errors.import.no_file", to: "file") }
        if let actionsText, let table = Self.table(actionsText, file: "actions.csv", errors: &errors) {
            changes.actions = readActions(table, changes: &changes, errors: &errors)
        }
        if let kpisText, let table = Self.table(kpisText, file: "kpis.csv", errors: &errors) {
            changes.kpis = readKPIs(table, actions: changes.actions, changes: &changes, errors: &errors)
        }
        if !errors.isEmpty { throw errors }
        return changes
    }

    static func table(_ text: String, file: String, errors: inout ValidationErrors) -> CSVTable? {
        do throws(CSVTable.ParseError) {
            return try CSVTable.parse(text)
        } catch {
            switch error {
            case .empty: errors.add("stakeholders.import.empty", to: file)
            case .unterminatedQuote(let line):
                errors.add("stakeholders.import.unterminated_quote", to: "\(file), line \(line)")
            }
        }
        return nil
    }

    /// A row's cell by column name: `nil` when the file has no such column. A cell the export wrote with an
    /// apostrophe before a formula-like start reads as it was (`SpreadsheetFormula.restored`).
    struct Cells {
        var table: CSVTable
        var row: CSVTable.Row

        subscript(_ name: String) -> String? {
            table.column(name).map { field($0).trimmingCharacters(in: .whitespaces) }
        }

        func field(_ index: Int) -> String {
            SpreadsheetFormula.restored(row.fields[safe: index] ?? "")
        }

        /// The texts of `prefix_xx` columns by language; languages without a column keep `current`.
        func texts(_ prefix: String, current: [LanguageCode: String]) -> [LanguageCode: String] {
            var texts = current
            for (index, name) in table.header.enumerated() where name.hasPrefix(prefix + "_") {
                guard let language = LanguageCode(String(name.dropFirst(prefix.count + 1))) else { continue }
                texts[language] = field(index)
            }
            return texts
        }
    }

    func readActions(_ table: CSVTable, changes: inout Changes, errors: inout ValidationErrors) -> [PlanAction] {
        let existing = Dictionary(uniqueKeysWithValues: document.actions.map { ($0.id, $0) })
        let objectives = Dictionary(
            document.objectives.map { (String($0.number), $0.id) }, uniquingKeysWith: { first, _ in first })
        var result: [PlanAction] = []
        var numbers = Set<Int>()
        for row in table.rows {
            let cells = Cells(table: table, row: row)
            let place = "actions.csv, line \(row.line)"
            let id = cells["id"].flatMap(PlanActionID.init(string:)).flatMap { existing[$0] != nil ? $0 : nil }
            var action =
                id.flatMap { existing[$0] }
                ?? PlanAction(
                    planID: document.plan.id, objectiveID: ObjectiveID(), number: 0, title: .init(), firstYear: 0,
                    lastYear: 0)
            var input = id == nil ? ActionInput() : ActionInput(action)
            if let objective = cells["objective"] {
                input.objective = objectives[objective]?.description ?? ""
            }
            if let number = cells["number"] { input.number = number }
            input.titles = cells.texts("title", current: input.titles)
            input.descriptions = cells.texts("description", current: input.descriptions)
            input.fundingSources = cells.texts("funding", current: input.fundingSources)
            if let first = cells["first_year"] { input.firstYear = first }
            if let last = cells["last_year"] { input.lastYear = last }
            if let status = cells["status"] { input.status = status }
            if let budget = cells["budget_euros"] { input.budget = budget }
            if let leads = cells["leads"] {
                input.leads = organisationsByYear(leads, place: place + ": leads", errors: &errors)
            }
            if let partners = cells["partners"] {
                input.partners = Self.list(partners, separator: ";").map {
                    organisation($0, place: place + ": partners", errors: &errors)
                }
            }
            do {
                try input.apply(
                    to: &action, plan: document.plan, objectives: Set(document.objectives.map(\.id)),
                    organisations: Set(organisations.map(\.id)), original: original)
                if !numbers.insert(action.number).inserted {
                    errors.add("plans.errors.import.duplicate_number", to: place + ": number")
                }
                result.append(action)
                if id == nil { changes.created += 1 } else { changes.updated += 1 }
            } catch {
                errors.add(error, prefix: place + ": ")
            }
        }
        return result
    }

    func readKPIs(
        _ table: CSVTable, actions imported: [PlanAction], changes: inout Changes, errors: inout ValidationErrors
    ) -> [KPI] {
        let existing = Dictionary(uniqueKeysWithValues: document.kpis.map { ($0.id, $0) })
        // An action number means the imported action first, then the plan's.
        var actions = Dictionary(
            document.actions.map { (String($0.number), [$0.id]) }, uniquingKeysWith: { $0 + $1 })
        for action in imported {
            actions = actions.mapValues { $0.filter { $0 != action.id } }
            actions[String(action.number)] = [action.id]
        }
        var result: [KPI] = []
        for row in table.rows {
            let cells = Cells(table: table, row: row)
            let place = "kpis.csv, line \(row.line)"
            let id = cells["id"].flatMap(KPIID.init(string:)).flatMap { existing[$0] != nil ? $0 : nil }
            var kpi =
                id.flatMap { existing[$0] }
                ?? KPI(
                    actionID: PlanActionID(), description: .init(), target: .yes,
                    due: CalendarDay(year: document.plan.lastYear, month: 12, day: 31)!)
            if let number = cells["action"] {
                let matches = actions[number] ?? []
                if matches.count == 1 {
                    kpi.actionID = matches[0]
                } else {
                    errors.add(
                        matches.isEmpty ? "plans.errors.action.unknown" : "plans.errors.import.ambiguous_action",
                        to: place + ": action")
                    continue
                }
            } else if id == nil {
                errors.add("plans.errors.action.unknown", to: place + ": action")
                continue
            }
            var input = id == nil ? KPIInput() : KPIInput(kpi)
            input.descriptions = cells.texts("description", current: input.descriptions)
            if let unit = cells["unit"] { input.unit = unit }
            if let baseline = cells["baseline"] { input.baseline = baseline }
            if let target = cells["target"] {
                let yes = target.lowercased() == "yes"
                input.targetType = yes ? "yes" : "number"
                input.target = yes ? "" : target
            }
            if let direction = cells["direction"] { input.direction = direction }
            if let period = cells["period"] { input.period = period }
            if let due = cells["due"] { input.due = due }
            if let rule = cells["rule"] {
                if rule.isEmpty || rule == "manual" {
                    input.measure = "manual"
                } else if let parsed = KPIRule(text: rule) {
                    input.measure = parsed.name.rawValue
                    input.eventKind = parsed.eventKind?.rawValue ?? ""
                    input.network = parsed.networkID?.description ?? ""
                    input.minimumAttendance = parsed.minimumAttendance.map(String.init) ?? ""
                    input.placeKind = parsed.placeKind?.rawValue ?? ""
                } else {
                    errors.add("plans.errors.rule.unknown", to: place + ": rule")
                    continue
                }
            }
            do {
                try input.apply(to: &kpi, networks: networks, original: original)
                result.append(kpi)
                if id == nil { changes.created += 1 } else { changes.updated += 1 }
            } catch {
                errors.add(error, prefix: place + ": ")
            }
        }
        return result
    }

    /// `2018: A + B; 2019: C` → year → organisation ids.
    func organisationsByYear(_ text: String, place: String, errors: inout ValidationErrors) -> [Int: [String]] {
        var result: [Int: [String]] = [:]
        for part in Self.list(text, separator: ";") {
            let pieces = part.split(separator: ":", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard pieces.count == 2, let year = Int(pieces[0]) else {
                errors.add("plans.errors.import.leads", to: place)
                continue
            }
            result[year] = Self.list(pieces[1], separator: "+").map { organisation($0, place: place, errors: &errors) }
        }
        return result
    }

    /// An organisation by id or by one of its names (any language, any case); the id as text.
    func organisation(_ text: String, place: String, errors: inout ValidationErrors) -> String {
        if let id = OrganisationID(string: text), organisations.contains(where: { $0.id == id }) {
            return id.description
        }
        let wanted = text.lowercased()
        let matches = organisations.filter { $0.allNames.contains { $0.lowercased() == wanted } }
        if matches.count == 1 { return matches[0].id.description }
        errors.add(
            matches.isEmpty ? "stakeholders.errors.organisation.unknown" : "plans.errors.import.ambiguous_organisation",
            to: place)
        return ""
    }

    static func list(_ text: String, separator: Character) -> [String] {
        text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension PlanUseCases {
    /// Updates and adds a plan's actions and KPIs from its spreadsheets (`actions.csv`, `kpis.csv`, either or both),
    /// as `PlanSpreadsheetImport` reads them; all rows are written in one transaction, or none.
    @discardableResult
    public func importSpreadsheets(
        actor: Actor?, city: City, plan id: PlanID, actions: String?, kpis: String?
    ) async throws -> PlanSpreadsheetImport.Changes {
        guard mayManage(actor, city: city) else { throw NotPermitted() }
        let reader = PlanSpreadsheetImport(
            document: try await document(city: city.id, id: id),
            organisations: try await organisations.list(city: city.id),
            networks: Set(try await networks.list(city: city.id).map(\.id)), original: city.defaultLanguage)
        let changes = try reader.read(actions: actions, kpis: kpis)
        try await plans.save(actions: changes.actions, kpis: changes.kpis)
        return changes
    }
}
