/// A parsed spreadsheet: a header row and data rows, each remembering its line number.
///
/// Accepts UTF-8 with or without a byte-order mark, `,` or `;` as the delimiter (detected from the
/// header), quoted fields with doubled quotes, and CRLF or LF line ends.
public struct CSVTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// 1-based line number in the file where the row starts.
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var rows: [Row]
    public var delimiter: Character

    public enum ParseError: Error, Hashable, Sendable {
        case empty
        case unterminatedQuote(line: Int)
    }

    public static func parse(_ text: String) throws(ParseError) -> CSVTable {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: Character =
            firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        let records = try records(in: body, delimiter: delimiter)
        guard let header = records.first else { throw .empty }
        let rows = records.dropFirst().filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
        return CSVTable(
            header: header.fields.map { $0.trimmingCharacters(in: .whitespaces) },
            rows: Array(rows),
            delimiter: delimiter
        )
    }

    /// The index of a column by its header name, or `nil`.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    private static func records(in text: Substring, delimiter: Character) throws(ParseError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            if inQuotes {
                if char == "\"" {
                    let next = text.index(after: index)
                    if next < text.endIndex, text[next] == "\"" {
                        field.append("\"")
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    if char == "\n" || char == "\r\n" { line += 1 }
                    field.append(char)
                }
            } else if char == "\"" && field.isEmpty {
                inQuotes = true
            } else if char == delimiter {
                fields.append(field)
                field = ""
            } else if char == "\n" || char == "\r\n" || char == "\r" {
                fields.append(field)
                rows.append(Row(line: rowStart, fields: fields))
                fields = []
                field = ""
                line += 1
                rowStart = line
            } else {
                field.append(char)
            }
            index = text.index(after: index)
        }
        if inQuotes { throw .unterminatedQuote(line: rowStart) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: rowStart, fields: fields))
        }
        return rows
    }
}
