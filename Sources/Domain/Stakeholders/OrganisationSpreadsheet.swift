import Foundation

/// Organisations in and out of spreadsheets (CSV). The export's columns are the import's, and the import takes
/// back the apostrophe the export puts before a formula-like cell, so a file exported and imported again changes
/// nothing.
public enum OrganisationSpreadsheet {
    /// What a column of the file can mean.
    public enum Field: Hashable, Sendable, CustomStringConvertible {
        case id
        case kind
        case name(LanguageCode)
        case description(LanguageCode)
        case languages
        case areas
        case website
        case email
        case status
        case lastConfirmed

        /// The column header the export writes, and the import recognises.
        public var description: String {
            switch self {
            case .id: return "id"
            case .kind: return "kind"
            case .name(let language): return "name_\(language.rawValue)"
            case .description(let language): return "description_\(language.rawValue)"
            case .languages: return "languages"
            case .areas: return "areas"
            case .website: return "website"
            case .email: return "email"
            case .status: return "status"
            case .lastConfirmed: return "last_confirmed"
            }
        }

        public init?(header: String) {
            let name = header.trimmingCharacters(in: .whitespaces).lowercased()
            if let field = Self.aliases[name] {
                self = field
                return
            }
            for (prefix, make) in [("name_", Field.name), ("description_", Field.description)]
            where name.hasPrefix(prefix) {
                guard let language = LanguageCode(String(name.dropFirst(prefix.count))) else { return nil }
                self = make(language)
                return
            }
            return nil
        }

        static let aliases: [String: Field] = [
            "id": .id, "kind": .kind, "type": .kind, "languages": .languages, "areas": .areas, "website": .website,
            "url": .website, "www": .website, "email": .email, "e-mail": .email, "status": .status,
            "last_confirmed": .lastConfirmed,
        ]

        /// Every field a file of a city may have, in export order.
        public static func all(languages: [LanguageCode]) -> [Field] {
            [.id, .kind] + languages.map(Field.name) + languages.map(Field.description)
                + [.languages, .areas, .website, .email, .status, .lastConfirmed]
        }
    }

    /// Which column holds which field (columns by index; a column mapped to nothing is ignored).
    public struct Mapping: Hashable, Sendable {
        public var columns: [Int: Field]

        public init(columns: [Int: Field]) {
            self.columns = columns
        }

        /// The mapping the headers suggest by themselves.
        public init(suggestedFor header: [String]) {
            var columns: [Int: Field] = [:]
            var seen = Set<Field>()
            for (index, name) in header.enumerated() {
                if let field = Field(header: name), seen.insert(field).inserted { columns[index] = field }
            }
            self.columns = columns
        }

        public func column(of field: Field) -> Int? { columns.first { $0.value == field }?.key }
    }

    /// One thing wrong with the file, where it is, and the value found.
    public struct Problem: Hashable, Sendable {
        /// 1-based line; the header is line 1.
        public var line: Int
        /// The column's header, or `nil` for a problem with the whole row or file.
        public var column: String?
        /// A translation key.
        public var key: String
        public var value: String?

        public init(line: Int, column: String?, key: String, value: String? = nil) {
            self.line = line
            self.column = column
            self.key = key
            self.value = value
        }
    }

    /// The outcome of reading a file: what would be written, or every problem found.
    public struct Plan: Sendable {
        public var organisations: [Organisation]
        public var created: Int
        public var updated: Int
        public var problems: [Problem]
    }

    /// Decodes the bytes of a file: UTF-8 with or without a byte-order mark, nothing else.
    public static func text(of data: Data) -> String? {
        String(data: data, encoding: .utf8)
    }

    /// Reads every row against the mapping and the city's records, collecting every problem.
    public static func plan(
        _ table: CSVTable,
        mapping: Mapping,
        context: OrganisationInput.Context,
        existing: [Organisation],
        now: Date
    ) -> Plan {
        var problems: [Problem] = []
        let mapped = Set(mapping.columns.values)
        if !mapped.contains(.kind) {
            problems.append(Problem(line: 1, column: Field.kind.description, key: "stakeholders.import.missing_column"))
        }
        if !mapped.contains(where: { if case .name = $0 { return true } else { return false } }) {
            problems.append(
                Problem(
                    line: 1, column: "name_\(context.city.defaultLanguage)", key: "stakeholders.import.missing_column"))
        }
        if !problems.isEmpty { return Plan(organisations: [], created: 0, updated: 0, problems: problems) }

        let byID = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Rows that update an organisation may keep its names; every other name counts as taken.
        let updatedIDs = Set(
            table.rows.compactMap { row in
                mapping.column(of: .id).flatMap { row.fields[safe: $0] }.flatMap(OrganisationID.init(string:))
            }.filter { byID[$0] != nil })
        var context = context
        context.takenNames = context.takenNames.filter { !updatedIDs.contains($0.value) }
        var organisations: [Organisation] = []
        var created = 0
        for row in table.rows {
            func value(_ field: Field) -> String? {
                mapping.column(of: field).flatMap { row.fields[safe: $0] }.map(SpreadsheetFormula.restored)
            }
            if row.fields.count != table.header.count {
                problems.append(Problem(line: row.line, column: nil, key: "stakeholders.import.column_count"))
                continue
            }
            let id = value(.id).flatMap(OrganisationID.init(string:)).flatMap { byID[$0] != nil ? $0 : nil }
            var input = OrganisationInput(
                kind: normaliseKind(value(.kind) ?? ""),
                languages: value(.languages) ?? "",
                areaCodes: value(.areas) ?? "",
                website: value(.website) ?? "",
                email: value(.email) ?? "",
                status: (value(.status) ?? "").isEmpty ? Organisation.Status.active.rawValue : value(.status)!)
            for (_, field) in mapping.columns {
                switch field {
                case .name(let language): input.names[language] = value(field)
                case .description(let language): input.descriptions[language] = value(field)
                default: break
                }
            }
            var confirmed: Date? = nil
            if let text = value(.lastConfirmed), !text.isEmpty {
                confirmed = parseMoment(text)
                if confirmed == nil {
                    problems.append(
                        Problem(
                            line: row.line, column: header(.lastConfirmed, mapping, table),
                            key: "stakeholders.import.bad_date", value: text))
                }
            }
            do {
                let valid = try input.validate(in: context, id: id)
                var organisation =
                    id.flatMap { byID[$0] }
                    ?? Organisation(cityID: context.city.id, kind: valid.kind, name: .init(), createdAt: now)
                if id == nil { created += 1 }
                valid.apply(to: &organisation, original: context.city.defaultLanguage)
                if confirmed != nil || mapping.column(of: .lastConfirmed) != nil {
                    organisation.lastConfirmedAt = confirmed
                }
                context.take(organisation.allNames, by: organisation.id)
                organisations.append(organisation)
            } catch {
                // A name in a faulty row still counts, so a later row with the same name is reported too.
                context.take(input.names.values.filter { !$0.isEmpty }, by: id ?? OrganisationID())
                for (field, keys) in error.fields.sorted(by: { $0.key < $1.key }) {
                    for key in keys {
                        let column = columnHeader(forError: field, mapping: mapping, table: table)
                        let index = column.flatMap { table.header.firstIndex(of: $0) }
                        problems.append(
                            Problem(
                                line: row.line, column: column, key: key,
                                value: index.flatMap { row.fields[safe: $0] }))
                    }
                }
            }
        }
        if !problems.isEmpty { organisations = [] }
        return Plan(
            organisations: organisations, created: problems.isEmpty ? created : 0,
            updated: problems.isEmpty ? organisations.count - created : 0, problems: problems)
    }

    /// The export: a header of every field and one row per organisation.
    public static func export(_ organisations: [Organisation], languages: [LanguageCode], areaCodes: [AreaID: String])
        -> String
    {
        let used = Set(organisations.flatMap { $0.name.languages + $0.description.languages })
        let columns = Field.all(languages: languages + used.subtracting(languages).sorted())
        var rows = [columns.map(\.description)]
        for organisation in organisations {
            let cells = columns.map { field -> String in
                switch field {
                case .id: return organisation.id.description
                case .kind: return organisation.kind.rawValue
                case .name(let language): return organisation.name.translations[language]?.text ?? ""
                case .description(let language): return organisation.description.translations[language]?.text ?? ""
                case .languages: return organisation.languages.map(\.rawValue).joined(separator: " ")
                case .areas: return organisation.areaIDs.compactMap { areaCodes[$0] }.joined(separator: " ")
                case .website: return organisation.website ?? ""
                case .email: return organisation.email ?? ""
                case .status: return organisation.status.rawValue
                case .lastConfirmed:
                    return organisation.lastConfirmedAt.map { $0.formatted(.iso8601) } ?? ""
                }
            }
            rows.append(cells)
        }
        return CSVWriter.text(rows)
    }

    /// `NGO`, `migrant-led NGO` and `Migrant led ngo` all mean `migrant_led_ngo`.
    static func normaliseKind(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
            .replacingOccurrences(of: " ", with: "_")
    }

    /// A full ISO 8601 moment, or a day (taken as its start in UTC).
    static func parseMoment(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date.ISO8601FormatStyle().parse(trimmed) { return date }
        guard let day = CalendarDay(trimmed) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
    }

    static func header(_ field: Field, _ mapping: Mapping, _ table: CSVTable) -> String? {
        mapping.column(of: field).flatMap { table.header[safe: $0] }
    }

    /// The column to blame for a validation error on a field of the input.
    static func columnHeader(forError field: String, mapping: Mapping, table: CSVTable) -> String? {
        let target: Field?
        switch field {
        case "kind": target = .kind
        case "languages": target = .languages
        case "areas": target = .areas
        case "website": target = .website
        case "email": target = .email
        case "status": target = .status
        case "name", "description":
            let column = mapping.columns.sorted { $0.key < $1.key }.first {
                if case .name = $0.value, field == "name" { return true }
                if case .description = $0.value, field == "description" { return true }
                return false
            }
            return column.flatMap { table.header[safe: $0.key] }
        default: target = nil
        }
        return target.flatMap { header($0, mapping, table) }
    }
}
