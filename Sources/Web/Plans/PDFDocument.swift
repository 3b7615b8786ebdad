import Foundation

/// A small PDF 1.4 writer: A4 pages of wrapped text in the standard Helvetica fonts, and filled rectangles for
/// bar charts. Text is encoded in WinAnsi, which covers the Latin scripts of Finnish, Swedish and English;
/// characters outside it print as `?` (callers choose a Latin-script language for the PDF).
struct PDFDocument {
    static let pageWidth = 595.0
    static let pageHeight = 842.0
    static let margin = 50.0

    private var pages: [String] = []
    private var current = ""
    private(set) var y = pageHeight - margin

    /// Writes text wrapped to the page width, starting a new page when needed.
    mutating func text(_ text: String, size: Double = 10, bold: Bool = false, indent: Double = 0, gap: Double = 4) {
        let width = Self.pageWidth - 2 * Self.margin - indent
        for line in Self.wrap(text, width: width, size: size) {
            ensure(size * 1.3)
            y -= size * 1.3
            current += "BT /\(bold ? "F2" : "F1") \(Self.number(size)) Tf \(Self.number(Self.margin + indent)) "
            current += "\(Self.number(y)) Td (\(Self.escape(line))) Tj ET\n"
        }
        y -= gap
    }

    /// Horizontal bars, one per labelled value, with a vertical line at the target.
    mutating func bars(_ values: [(label: String, value: Double, met: Bool)], target: Double, indent: Double = 0) {
        guard !values.isEmpty else { return }
        let top = max(target, values.map(\.value).max() ?? 0, 1) * 1.1
        let left = Self.margin + indent + 40
        let span = Self.pageWidth - Self.margin - left - 60
        ensure(Double(values.count) * 14 + 6)
        for value in values {
            y -= 14
            current +=
                "BT /F1 8 Tf \(Self.number(Self.margin + indent)) \(Self.number(y + 2)) Td (\(Self.escape(value.label))) Tj ET\n"
            current += value.met ? "0.12 0.45 0.27 rg\n" : "0.70 0.25 0.15 rg\n"
            current +=
                "\(Self.number(left)) \(Self.number(y)) \(Self.number(span * value.value / top)) 10 re f\n0 0 0 rg\n"
        }
        let x = left + span * target / top
        current +=
            "0 0 0 RG 1 w \(Self.number(x)) \(Self.number(y - 2)) m \(Self.number(x)) \(Self.number(y + Double(values.count) * 14 + 2)) l S\n"
        y -= 8
    }

    private mutating func ensure(_ height: Double) {
        if y - height < Self.margin {
            pages.append(current)
            current = ""
            y = Self.pageHeight - Self.margin
        }
    }

    /// The finished file.
    func data() -> [UInt8] {
        let pages = self.pages + [current]
        var objects: [String] = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "",  // the page tree, filled in below
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        ]
        var kids: [Int] = []
        for content in pages {
            let stream = Array(Self.encode(content))
            objects.append("<< /Length \(stream.count) >>\nstream\n\(content)\nendstream")
            let contentID = objects.count
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Int(Self.pageWidth)) \(Int(Self.pageHeight))] "
                    + "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(contentID) 0 R >>")
            kids.append(objects.count)
        }
        objects[1] =
            "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>"
        var output: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.count)
            output += Array("\(index + 1) 0 obj\n".utf8) + Self.encode(object) + Array("\nendobj\n".utf8)
        }
        let xref = output.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return output + Array(table.utf8)
    }

    /// Content already holds only ASCII (other characters are escaped as octal), so bytes are its UTF-8.
    private static func encode(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    /// A PDF string literal's body in WinAnsi: `(`, `)` and `\` escaped, bytes above 127 as octal.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let byte = winAnsi(scalar)
            switch byte {
            case 0x28, 0x29, 0x5C: result += "\\" + String(UnicodeScalar(byte))
            case 0x20..<0x7F: result += String(UnicodeScalar(byte))
            default: result += "\\" + String(byte, radix: 8)
            }
        }
        return result
    }

    private static let specials: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96,
        0x2014: 0x97, 0x2026: 0x85, 0x0160: 0x8A, 0x0161: 0x9A, 0x017D: 0x8E, 0x017E: 0x9E,
    ]

    static func winAnsi(_ scalar: Unicode.Scalar) -> UInt8 {
        if scalar.value < 0x80 { return scalar.value < 0x20 ? 0x20 : UInt8(scalar.value) }
        if (0xA0...0xFF).contains(scalar.value) { return UInt8(scalar.value) }
        if scalar.value == 0x202F || scalar.value == 0x2009 { return 0x20 }
        return specials[scalar.value] ?? 0x3F
    }

    /// Splits text into lines that fit `width` points, estimating Helvetica's average glyph width.
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        let perLine = max(10, Int(width / (size * 0.5)))
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= perLine {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
                while line.count > perLine {
                    lines.append(String(line.prefix(perLine)))
                    line = String(line.dropFirst(perLine))
                }
            }
            lines.append(line)
        }
        return lines
    }
}
