/// A language as an ISO 639-1/639-3 code in lower case, for example `fi`, `sv`, `en`, `ar`.
public struct LanguageCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts two or three ASCII letters in any case; anything else is `nil`.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        guard (2...3).contains(lowered.count), lowered.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        self.rawValue = lowered
    }

    public static let finnish = LanguageCode("fi")!
    public static let swedish = LanguageCode("sv")!
    public static let english = LanguageCode("en")!
    public static let arabic = LanguageCode("ar")!

    /// Languages written right to left; pages in these get `dir="rtl"`.
    public var isRightToLeft: Bool {
        ["ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv"].contains(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = LanguageCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad language"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
