import Domain
import Testing

@Suite("CSV table")
struct CSVTableTests {
    @Test("reads a byte-order mark, semicolons, quotes and CRLF")
    func readsSpreadsheetExports() throws {
        let table = try CSVTable.parse("\u{FEFF}name;note\r\n\"Monimaa; ry\";\"said \"\"hi\"\"\"\r\nR3;\r\n")
        #expect(table.delimiter == ";")
        #expect(table.header == ["name", "note"])
        #expect(table.rows.map(\.fields) == [["Monimaa; ry", "said \"hi\""], ["R3", ""]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test("a quoted field over two lines keeps its line number")
    func multilineField() throws {
        let table = try CSVTable.parse("a,b\n\"one\ntwo\",x\nlast,y")
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.rows[0].fields[0] == "one\ntwo")
    }

    @Test("an unclosed quote names the line where the row starts")
    func unclosedQuote() {
        #expect(throws: CSVTable.ParseError.unterminatedQuote(line: 3)) {
            try CSVTable.parse("a,b\n1,2\n\"3,4\n")
        }
        #expect(throws: CSVTable.ParseError.empty) { try CSVTable.parse("") }
    }
}
