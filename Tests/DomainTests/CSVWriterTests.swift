import Domain
import Testing

@Suite("CSV writer: quoting and formula neutralisation")
struct CSVWriterTests {
    @Test(
        "a cell beginning with a formula character gets a leading apostrophe",
        arguments: ["=", "+", "-", "@", "\t", "\r"])
    func triggerIsNeutralised(trigger: String) {
        // given
        let cell = trigger + "SUM(A1:A9)"
        // when
        let written = SpreadsheetFormula.neutralised(cell)
        // then
        #expect(written == "'" + cell)
        #expect(SpreadsheetFormula.restored(written) == cell)
    }

    @Test("a plain number stays as it is", arguments: ["-5", "+3.5", "-0,25", "-.5", "+12", "-1000.00", "40.00", "7"])
    func plainNumberStays(number: String) {
        #expect(SpreadsheetFormula.neutralised(number) == number)
        #expect(CSVWriter.field(number) == (number.contains(",") ? "\"\(number)\"" : number))
        #expect(SpreadsheetFormula.restored(number) == number)
    }

    @Test(
        "a cell that only looks like a number is neutralised",
        arguments: ["-5-5", "+3.5.1", "-", "+", "-1e5", "-5.", "-x", "-0,25,1", "- 5", "=5", "@5"])
    func almostNumberIsNeutralised(cell: String) {
        #expect(SpreadsheetFormula.neutralised(cell) == "'" + cell)
    }

    @Test(
        "a cell without a formula start is written unchanged",
        arguments: ["Nicehearts ry", "", "a=b", "x-5", " =1", "'", "'quoted", "نادي", "2019-01-01"])
    func harmlessCellStays(cell: String) {
        #expect(SpreadsheetFormula.neutralised(cell) == cell)
        #expect(SpreadsheetFormula.restored(cell) == cell)
    }

    @Test(
        "apostrophes already before a formula start read back exactly",
        arguments: ["'=x", "''=x", "'-5", "'@home", "'\tx"])
    func apostrophesRoundTrip(cell: String) {
        // when
        let written = SpreadsheetFormula.neutralised(cell)
        // then
        #expect(written == "'" + cell)
        #expect(SpreadsheetFormula.restored(written) == cell)
    }

    @Test(
        "a field with a quote, a separator or a line break is quoted with its quotes doubled",
        arguments: [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("a;b", "\"a;b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("one\ntwo", "\"one\ntwo\""),
            ("one\r\ntwo", "\"one\r\ntwo\""),
            ("one\rtwo", "\"one\rtwo\""),
            ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
            ("\rx", "\"'\rx\""),
        ])
    func quoting(cell: String, written: String) {
        #expect(CSVWriter.field(cell) == written)
    }

    @Test("rows become CRLF-ended records that read back as written, formulas restored")
    func textReadsBack() throws {
        // given
        let rows = [["name", "amount"], ["=SUM(A1)", "-5"], ["a, \"b\"\nc", "-x"], ["", "@x"]]
        // when
        let text = CSVWriter.text(rows)
        // then
        #expect(text.hasPrefix("name,amount\r\n'=SUM(A1),-5\r\n"))
        #expect(text.hasSuffix(",'@x\r\n"))
        let table = try CSVTable.parse(text)
        #expect(table.header == rows[0])
        #expect(table.rows.map { $0.fields.map(SpreadsheetFormula.restored) } == Array(rows.dropFirst()))
    }
}
