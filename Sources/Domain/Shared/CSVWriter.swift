import Foundation

/// Writes every CSV file Arrival gives out (spreadsheet exports, ledgers, data packages), all the same way.
///
/// RFC 4180 with CRLF line ends: a field is quoted when it holds a quote, a comma, a semicolon, a carriage return or
/// a line feed, and its quotes are doubled. Semicolons are quoted too because spreadsheets set to a Nordic locale
/// split on them, and `CSVTable` reads either. A cell a spreadsheet would run as a formula is written with a leading
/// apostrophe (`SpreadsheetFormula.neutralised`); Arrival's own importers read it back unchanged.
public enum CSVWriter {
    /// The whole file: one record per row, each ended by CRLF.
    public static func text(_ rows: [[String]]) -> String {
        rows.map(record).joined()
    }

    /// One record and its CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One cell, neutralised and quoted as needed.
    public static func field(_ value: String) -> String {
        let cell = SpreadsheetFormula.neutralised(value)
        guard cell.unicodeScalars.contains(where: { needsQuotes.contains($0) }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let needsQuotes: Set<Unicode.Scalar> = ["\"", ",", ";", "\r", "\n"]
}
