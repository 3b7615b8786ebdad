/// Cells that a spreadsheet would take for a formula (CSV injection), and how Arrival writes and reads them.
///
/// A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading apostrophe,
/// which spreadsheets show as text; a plain number such as `-5`, `+3.5` or `-0,25` stays as it is. So that every
/// cell reads back as it was, a cell that already begins with apostrophes before such a character gets one more,
/// and `restored` takes exactly one away.
public enum SpreadsheetFormula {
    /// The characters that make a spreadsheet read a cell as a formula.
    public static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell as written to a file: with one more leading apostrophe when it would run as a formula.
    public static func neutralised(_ cell: String) -> String {
        guard startsWithTrigger(cell.unicodeScalars.drop { $0 == "'" }), !isPlainNumber(cell) else { return cell }
        return "'" + cell
    }

    /// The cell as it was before `neutralised`: one leading apostrophe fewer when apostrophes precede a trigger.
    public static func restored(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", startsWithTrigger(scalars.drop { $0 == "'" }) else { return cell }
        return String(scalars.dropFirst())
    }

    static func startsWithTrigger(_ scalars: Substring.UnicodeScalarView) -> Bool {
        scalars.first.map(triggers.contains) ?? false
    }

    /// `-5`, `+3.5`, `-0,25`, `-.5`: an optional sign, digits, and a decimal point or comma followed by digits.
    static func isPlainNumber(_ cell: String) -> Bool {
        func digits(_ text: Substring) -> Substring { text.prefix { ("0"..."9").contains($0) } }
        var rest = Substring(cell)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let integer = digits(rest)
        rest = rest.dropFirst(integer.count)
        if rest.first == "." || rest.first == "," {
            let fraction = digits(rest.dropFirst())
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(1 + fraction.count)
        } else if integer.isEmpty {
            return false
        }
        return rest.isEmpty
    }
}
