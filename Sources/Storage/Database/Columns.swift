import Crypto
import Domain
import Foundation
import SQLKit

/// Timestamps are stored as whole seconds since 1970 (BIGINT) so both engines compare them the same way.
extension Date {
    var epochSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    init(epochSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(epochSeconds)) }
}

/// Translatable text and lists are stored as JSON text.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// Tokens are stored only as SHA-256 digests, so a copy of the database opens no session.
enum TokenDigest {
    static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension SQLRow {
    func id<Tag>(_ column: String, as: Identifier<Tag>.Type = Identifier<Tag>.self) throws -> Identifier<Tag> {
        let text = try decode(column: column, as: String.self)
        guard let id = Identifier<Tag>(string: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "bad id in \(column)"))
        }
        return id
    }

    func optionalID<Tag>(_ column: String) throws -> Identifier<Tag>? {
        guard let text = try decode(column: column, as: String?.self) else { return nil }
        return Identifier<Tag>(string: text)
    }

    func date(_ column: String) throws -> Date {
        Date(epochSeconds: try decode(column: column, as: Int64.self))
    }

    func optionalDate(_ column: String) throws -> Date? {
        try decode(column: column, as: Int64?.self).map(Date.init(epochSeconds:))
    }

    func language(_ column: String) throws -> LanguageCode {
        let text = try decode(column: column, as: String.self)
        guard let code = LanguageCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "bad language in \(column)"))
        }
        return code
    }

    func localizedText(_ column: String) throws -> LocalizedText {
        try JSONColumn.decode(LocalizedText.self, from: decode(column: column, as: String.self))
    }
}

/// Binds an identifier in its canonical text form.
func bind<Tag>(_ id: Identifier<Tag>) -> SQLBind { SQLBind(id.description) }
func bind<Tag>(_ id: Identifier<Tag>?) -> SQLBind { SQLBind(id?.description) }
