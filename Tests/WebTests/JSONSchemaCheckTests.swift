import Foundation
import Testing

/// The schema check the API's tests rely on must itself refuse what a schema forbids.
@Suite("JSON schema check")
struct JSONSchemaCheckTests {
    static var check: JSONSchemaCheck {
        JSONSchemaCheck(document: [
            "components": [
                "schemas": [
                    "Thing": [
                        "type": "object", "additionalProperties": false, "required": ["id", "kind"],
                        "properties": [
                            "id": ["type": "string", "format": "uuid"],
                            "kind": ["type": "string", "enum": ["a", "b"]],
                            "day": ["type": "string", "format": "date"],
                            "count": ["type": "integer", "minimum": 0],
                            "note": ["type": ["string", "null"]],
                            "target": ["oneOf": [["type": "number"], ["type": "string", "const": "yes"]]],
                            "tags": ["type": "array", "items": ["type": "string"], "maxItems": 2],
                            "names": ["type": "object", "additionalProperties": ["type": "string"]],
                            "flag": ["type": "boolean"],
                        ],
                    ]
                ]
            ]
        ])
    }

    static let id = "6f1c2a4e-8b1d-4c55-9a3e-2f6d7c8b9a01"

    static func problems(_ json: String) throws -> [String] {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return check.problems(value, against: ["$ref": "#/components/schemas/Thing"])
    }

    @Test("a value that keeps to the schema passes")
    func validValuePasses() throws {
        let json = """
            {"id":"\(Self.id)","kind":"a","day":"2026-03-01","count":3,"note":null,"target":60,"tags":["x"],\
            "names":{"fi":"Vantaa"},"flag":true}
            """
        #expect(try Self.problems(json) == [])
        #expect(try Self.problems(#"{"id":"\#(Self.id)","kind":"b","target":"yes"}"#) == [])
    }

    @Test(
        "what the schema forbids is refused",
        arguments: [
            #"{"kind":"a"}"#,  // a required property absent
            #"{"id":"ID","kind":"a","extra":1}"#,  // a property the schema does not know
            #"{"id":"ID","kind":"c"}"#,  // not one of the enum
            #"{"id":"not-a-uuid","kind":"a"}"#,  // a wrong format
            #"{"id":"ID","kind":"a","day":"1.3.2026"}"#,
            #"{"id":"ID","kind":"a","count":1.5}"#,  // not an integer
            #"{"id":"ID","kind":"a","count":-1}"#,  // below the minimum
            #"{"id":"ID","kind":"a","flag":1}"#,  // a number is no boolean
            #"{"id":"ID","kind":"a","count":true}"#,  // a boolean is no number
            #"{"id":"ID","kind":"a","target":"no"}"#,  // matches none of oneOf
            #"{"id":"ID","kind":"a","tags":["x","y","z"]}"#,  // too many items
            #"{"id":"ID","kind":"a","tags":[1]}"#,  // a wrong item
            #"{"id":"ID","kind":"a","names":{"fi":1}}"#,  // a wrong additional property
            #"{"id":"ID","kind":"a","note":1}"#,
            #"[]"#,
        ])
    func forbiddenIsRefused(json: String) throws {
        #expect(try !Self.problems(json.replacingOccurrences(of: "\"ID\"", with: "\"\(Self.id)\"")).isEmpty)
    }

    @Test("an unresolved reference and a keyword the check does not know are problems, not passes")
    func unknownIsAProblem() {
        #expect(!Self.check.problems([:] as [String: Any], against: ["$ref": "#/components/schemas/Nothing"]).isEmpty)
        #expect(!Self.check.problems("x", against: ["type": "string", "contains": "x"]).isEmpty)
    }
}
