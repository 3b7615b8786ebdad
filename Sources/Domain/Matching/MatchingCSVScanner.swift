/// A forward-only reader of comma-separated bytes for large numeric files: it parses the integer columns it is
/// asked for straight from the bytes and skips the others (quoted fields included) without building strings.
/// Accepts a UTF-8 byte-order mark, LF or CRLF line ends, and blank lines (skipped).
struct MatchingCSVScanner {
    enum RowProblem: Error {
        case malformedNumber(field: Int)
        case missingField(field: Int)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// The 1-based line number of the row read last.
    private(set) var line = 0

    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let quote = UInt8(ascii: "\"")
    private static let minus = UInt8(ascii: "-")
    private static let zero = UInt8(ascii: "0")

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasByteOrderMark ? 3 : 0
    }

    /// The header's field names, trimmed of spaces and quotes; `nil` when the input has no line at all.
    mutating func readHeader() -> [String]? {
        guard skipBlankLines() else { return nil }
        line += 1
        var names: [String] = []
        var start = position
        while true {
            let atEnd = position == bytes.count || bytes[position] == Self.newline
            if atEnd || bytes[position] == Self.comma {
                var end = position
                if end > start && bytes[end - 1] == Self.carriageReturn { end -= 1 }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                names.append(text.trimmingSpacesAndQuotes())
                if atEnd { break }
                start = position + 1
            }
            position += 1
        }
        if position < bytes.count { position += 1 }
        return names
    }

    /// Reads the next non-blank row, storing field `i` into `values[target[i]]` when `target[i] >= 0`; fields past
    /// the end of `target` are ignored. Returns `false` at the end of the input.
    mutating func readRow(into values: inout [Int], target: [Int]) throws(RowProblem) -> Bool {
        guard skipBlankLines() else { return false }
        line += 1
        var field = 0
        while true {
            if field < target.count && target[field] >= 0 {
                values[target[field]] = try readInteger(field: field)
            } else {
                skipField()
            }
            field += 1
            if position < bytes.count && bytes[position] == Self.comma {
                position += 1
                continue
            }
            break
        }
        if position < bytes.count && bytes[position] == Self.carriageReturn { position += 1 }
        if position < bytes.count {
            guard bytes[position] == Self.newline else { throw .malformedNumber(field: field - 1) }
            position += 1
        }
        if let missing = target[min(field, target.count)...].firstIndex(where: { $0 >= 0 }) {
            throw .missingField(field: missing)
        }
        return true
    }

    /// Skips the next non-blank row; `false` at the end of the input.
    mutating func skipRow() -> Bool {
        guard skipBlankLines() else { return false }
        line += 1
        while position < bytes.count && bytes[position] != Self.newline {
            skipField()
            if position < bytes.count && bytes[position] != Self.newline { position += 1 }
        }
        if position < bytes.count { position += 1 }
        return true
    }

    /// An optionally signed decimal integer of at most 18 digits, ending at a comma or the end of the line.
    @inline(__always)
    private mutating func readInteger(field: Int) throws(RowProblem) -> Int {
        var negative = false
        if position < bytes.count && bytes[position] == Self.minus {
            negative = true
            position += 1
        }
        var value = 0
        var digits = 0
        while position < bytes.count {
            let digit = bytes[position] &- Self.zero
            guard digit < 10 else { break }
            value = value &* 10 &+ Int(digit)
            digits += 1
            position += 1
        }
        guard digits > 0 && digits <= 18 else { throw .malformedNumber(field: field) }
        if position < bytes.count {
            let next = bytes[position]
            guard next == Self.comma || next == Self.newline || next == Self.carriageReturn else {
                throw .malformedNumber(field: field)
            }
        }
        return negative ? -value : value
    }

    /// Moves to the comma or line end after the current field; a quoted field may contain commas and newlines.
    private mutating func skipField() {
        if position < bytes.count && bytes[position] == Self.quote {
            position += 1
            while position < bytes.count {
                if bytes[position] == Self.quote {
                    if position + 1 < bytes.count && bytes[position + 1] == Self.quote {
                        position += 2
                        continue
                    }
                    position += 1
                    break
                }
                position += 1
            }
        }
        while position < bytes.count && bytes[position] != Self.comma && bytes[position] != Self.newline {
            position += 1
        }
        if position > 0 && position <= bytes.count && bytes[position - 1] == Self.carriageReturn
            && (position == bytes.count || bytes[position] == Self.newline)
        {
            position -= 1
        }
    }

    /// Skips empty lines (counting them); `false` when nothing but blank lines is left.
    private mutating func skipBlankLines() -> Bool {
        while position < bytes.count {
            if bytes[position] == Self.newline {
                line += 1
                position += 1
            } else if bytes[position] == Self.carriageReturn && position + 1 < bytes.count
                && bytes[position + 1] == Self.newline
            {
                line += 1
                position += 2
            } else {
                return true
            }
        }
        return false
    }
}

extension String {
    fileprivate func trimmingSpacesAndQuotes() -> String {
        var characters = Substring(self)
        while let first = characters.first, first == " " || first == "\"" { characters.removeFirst() }
        while let last = characters.last, last == " " || last == "\"" { characters.removeLast() }
        return String(characters)
    }
}
