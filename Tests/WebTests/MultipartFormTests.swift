import Foundation
import NIOCore
import Testing

@testable import Web

@Suite("Multipart forms and header parameters")
struct MultipartFormTests {
    @Test(
        "a Content-Disposition header reads its name and filename",
        arguments: [
            (#"form-data; name="file"; filename="plan.csv""#, "file", "plan.csv"),
            (#"form-data; name="file"; filename="plan; 2026.csv""#, "file", "plan; 2026.csv"),
            (#"form-data; name="a;b=c"; filename="x""#, "a;b=c", "x"),
            (#"form-data; name=file; filename=plan.csv"#, "file", "plan.csv"),
            (#"FORM-DATA; NAME="file"; FILENAME="Plan.CSV""#, "file", "Plan.CSV"),
            (#"form-data; name="file"; filename="say \"hi\".csv""#, "file", #"say "hi".csv"#),
            (#"form-data; name="file"; filename="C:\Users\aino\plan.csv""#, "file", #"C:\Users\aino\plan.csv"#),
            (#"form-data; name="file"; filename*=UTF-8''%E2%82%AC%20rates.csv"#, "file", "€ rates.csv"),
            (#"form-data; name="file"; filename="Tyot.csv"; filename*=utf-8'fi'Ty%C3%B6t.csv"#, "file", "Työt.csv"),
            (#"form-data; filename*=UTF-8''Ty%C3%B6t.csv; name="file"; filename="Tyot.csv""#, "file", "Työt.csv"),
            (#"form-data; name="file"; filename*=iso-8859-1'en'%A3%20rates.csv"#, "file", "£ rates.csv"),
            (#"form-data; name="file"; filename="plain.csv"; filename*=UTF-8''%ZZ"#, "file", "plain.csv"),
            (#"form-data; name="file"; filename="plain.csv"; filename*=KOI8-R''%C1"#, "file", "plain.csv"),
        ])
    func dispositionParameters(header: String, name: String, filename: String) {
        let parameters = HeaderParameters(header)
        #expect(parameters.value.lowercased() == "form-data")
        #expect(parameters["name"] == name)
        #expect(parameters["filename"] == filename)
    }

    @Test(
        "the boundary is read from a multipart Content-Type, quoted or not",
        arguments: [
            ("multipart/form-data; boundary=----x7MA4", "----x7MA4"),
            (#"multipart/form-data; charset=utf-8; boundary="a b:c""#, "a b:c"),
            ("Multipart/Form-Data;boundary=abc", "abc"),
        ])
    func boundary(contentType: String, boundary: String) {
        #expect(MultipartForm.boundary(contentType: contentType) == boundary)
    }

    @Test(
        "a Content-Type that is not a usable multipart form has no boundary",
        arguments: [
            "application/x-www-form-urlencoded", "multipart/form-data", #"multipart/form-data; boundary="""#,
            "multipart/mixed; boundary=abc", "multipart/form-data; boundary=" + String(repeating: "x", count: 71),
        ])
    func noBoundary(contentType: String) {
        #expect(MultipartForm.boundary(contentType: contentType) == nil)
    }

    static func body(_ parts: [(disposition: String, content: String)], boundary: String = "XyZ") -> ByteBuffer {
        var text = "preamble\r\n"
        for part in parts {
            text += "--\(boundary)\r\nContent-Disposition: \(part.disposition)\r\n\r\n\(part.content)\r\n"
        }
        return ByteBuffer(string: text + "--\(boundary)--\r\nepilogue")
    }

    @Test("fields and files are read, with ; inside quoted names and a filename* file")
    func readsFieldsAndFiles() {
        // given
        let body = Self.body([
            (#"form-data; name="_csrf""#, "token"),
            (#"form-data; name="note; with semicolon""#, "a;b\r\nline two"),
            (#"form-data; name="tags""#, "one"),
            (#"form-data; name="tags""#, "two"),
            (#"form-data; name="actions"; filename*=UTF-8''toimet%202026.csv"#, "id,status\r\n1,done"),
            (#"form-data; name="kpis"; filename="kpis; final.csv""#, "--XyZ is not a boundary here"),
            (#"form-data; name="empty"; filename="""#, ""),
            ("form-data", "no name, skipped"),
        ])
        // when
        let (fields, files) = MultipartForm.parse(body, boundary: "XyZ")
        // then
        #expect(fields["_csrf"] == ["token"])
        #expect(fields["note; with semicolon"] == ["a;b\r\nline two"])
        #expect(fields["tags"] == ["one", "two"])
        #expect(files["actions"] == Upload(filename: "toimet 2026.csv", data: Data("id,status\r\n1,done".utf8)))
        #expect(files["kpis"] == Upload(filename: "kpis; final.csv", data: Data("--XyZ is not a boundary here".utf8)))
        #expect(files["empty"] == Upload(filename: "", data: Data()))
        #expect(fields.count == 3 && files.count == 3)
    }

    @Test("a body that breaks off keeps the parts completed before it")
    func brokenBodyKeepsCompletedParts() {
        let body = ByteBuffer(
            string:
                "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ\r\nBad Header\r\n\r\n2\r\n--XyZ--"
        )
        let (fields, files) = MultipartForm.parse(body, boundary: "XyZ")
        #expect(fields == ["a": ["1"]])
        #expect(files.isEmpty)
    }
}
