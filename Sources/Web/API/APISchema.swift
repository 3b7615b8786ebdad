import Foundation
import OpenAPIKit

/// A JSON body of the API (an answer or a request) that describes itself for the OpenAPI document. The schema is
/// written beside the type and says exactly what it encodes: every object closed with `additionalProperties:
/// false`, optional properties (left out when `nil`) not required. A test encodes `example` with the API's encoder
/// and checks it against the schema in the served document, so a property added to the type alone fails it.
protocol APISchema: Encodable {
    /// The name under `components/schemas`; by default the type's name without `DTO`.
    static var schemaName: String { get }
    static var schema: JSONSchema { get }
    /// A value with every property filled, optional ones too, and one element in every list.
    static var example: Self { get }
    /// The bodies this one refers to with `$ref`, so the document holds them too.
    static var referenced: [any APISchema.Type] { get }
    /// How property names are written: as they are, or in snake case for the HSDS bodies.
    static var keys: JSONEncoder.KeyEncodingStrategy { get }
}

extension APISchema {
    static var schemaName: String {
        let name = String(describing: self)
        return name.hasSuffix("DTO") ? String(name.dropLast(3)) : name
    }

    static var referenced: [any APISchema.Type] { [] }

    static var keys: JSONEncoder.KeyEncodingStrategy { .useDefaultKeys }

    /// A `$ref` to this body's schema in `components/schemas`.
    static func reference(required: Bool = true, description: String? = nil) -> JSONSchema {
        .reference(.component(named: schemaName), required: required, description: description)
    }
}

extension JSONSchema {
    /// An object with exactly these properties; each one's own schema says whether it is required.
    static func record(_ description: String? = nil, _ properties: OrderedDictionary<String, JSONSchema>)
        -> JSONSchema
    {
        .object(description: description, properties: properties, additionalProperties: .a(false))
    }

    /// An id (a UUID in its lowercase text form).
    static func id(required: Bool = true, description: String? = nil) -> JSONSchema {
        .string(format: .uuid, required: required, description: description)
    }

    /// A calendar day, `YYYY-MM-DD`.
    static func day(required: Bool = true, description: String? = nil) -> JSONSchema {
        .string(format: .date, required: required, description: description)
    }

    /// A moment, ISO 8601 with its offset.
    static func moment(required: Bool = true, description: String? = nil) -> JSONSchema {
        .string(format: .dateTime, required: required, description: description)
    }

    /// A text in each language it is written in: language code → text.
    static func translations(required: Bool = true) -> JSONSchema {
        .object(
            required: required, description: "language code → text", additionalProperties: .b(.string))
    }

    /// A list of strings.
    static func strings(required: Bool = true, description: String? = nil) -> JSONSchema {
        .array(required: required, description: description, items: .string)
    }

    /// One of the raw values of `type`.
    static func oneOf<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, required: Bool = true, description: String? = nil
    ) -> JSONSchema where Value.RawValue == String {
        .string(
            required: required, description: description,
            allowedValues: type.allCases.map { AnyCodable($0.rawValue) })
    }

    /// A property that may be left out.
    var optional: JSONSchema { optionalSchemaObject() }
}
