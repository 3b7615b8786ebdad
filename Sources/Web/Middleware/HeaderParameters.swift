import Foundation

/// A header value with parameters, as `Content-Disposition` (RFC 6266, RFC 7578) and `Content-Type` write it:
/// `form-data; name="file"; filename="plan; 2026.csv"; filename*=UTF-8''Ty%C3%B6t.csv`.
///
/// A quoted value may hold `;` and `=`, and `\"` or `\\` for a quote or a backslash (any other backslash is kept, so
/// a Windows path survives). A parameter also written as `name*` (RFC 8187, `charset'language'percent-encoded`, in
/// UTF-8 or ISO-8859-1) reads as that. Parameter names are case-insensitive; the first of a repeated name counts.
struct HeaderParameters: Sendable, Hashable {
    /// What comes before the first `;`, trimmed: `form-data`, `multipart/form-data`.
    var value: String
    /// By lower-cased name.
    var parameters: [String: String]

    init(_ header: String) {
        var scalars = Substring(header).unicodeScalars
        value = Self.trimmed(Self.take(&scalars) { $0 != ";" })
        var plain: [String: String] = [:]
        var extended: [String: String] = [:]
        while !scalars.isEmpty {
            scalars = scalars.drop { $0 == ";" || $0 == " " || $0 == "\t" }
            let name = Self.trimmed(Self.take(&scalars) { $0 != "=" && $0 != ";" }).lowercased()
            guard scalars.first == "=" else { continue }
            scalars = scalars.dropFirst().drop { $0 == " " || $0 == "\t" }
            let text: String
            if scalars.first == "\"" {
                scalars = scalars.dropFirst()
                text = Self.quoted(&scalars)
            } else {
                text = Self.trimmed(Self.take(&scalars) { $0 != ";" })
            }
            guard !name.isEmpty else { continue }
            if name.hasSuffix("*") {
                let base = String(name.dropLast())
                if extended[base] == nil, let decoded = Self.extendedValue(text) { extended[base] = decoded }
            } else if plain[name] == nil {
                plain[name] = text
            }
        }
        parameters = plain.merging(extended) { _, decoded in decoded }
    }

    subscript(name: String) -> String? { parameters[name.lowercased()] }

    /// The scalars up to the first one `while` refuses, taken off the front of `scalars`.
    private static func take(
        _ scalars: inout Substring.UnicodeScalarView, while accept: (Unicode.Scalar) -> Bool
    ) -> String {
        let taken = scalars.prefix(while: accept)
        scalars = scalars.dropFirst(taken.count)
        return String(taken)
    }

    /// The rest of a quoted string after its opening quote, up to its closing quote (or the end).
    private static func quoted(_ scalars: inout Substring.UnicodeScalarView) -> String {
        var text = String.UnicodeScalarView()
        while let scalar = scalars.popFirst() {
            if scalar == "\"" { break }
            if scalar == "\\", let next = scalars.first, next == "\"" || next == "\\" {
                text.append(next)
                scalars = scalars.dropFirst()
            } else {
                text.append(scalar)
            }
        }
        return String(text)
    }

    /// `UTF-8''Ty%C3%B6t.csv` → `Työt.csv`; `nil` for an unknown charset or a broken encoding.
    static func extendedValue(_ text: String) -> String? {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        var bytes: [UInt8] = []
        var utf8 = pieces[2].utf8[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard utf8.count >= 2, let high = hexValue(utf8.removeFirst()), let low = hexValue(utf8.removeFirst())
            else { return nil }
            bytes.append(high << 4 | low)
        }
        switch pieces[0].lowercased() {
        case "utf-8": return String(data: Data(bytes), encoding: .utf8)
        case "iso-8859-1": return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        default: return nil
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces)
    }
}
