import Domain
import Hummingbird
import NIOCore

/// What a request carries through middleware to its handler.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address, for sign-in throttling.
    public let remoteAddress: String
    public var requestID = ""
    public var language: LanguageCode = .english
    /// Whether the language came from the URL or the remembered choice (not guessed from the browser).
    public var languageIsExplicit = false
    public var actor: Actor?
    public var sessionToken: String?
    public var csrfToken = ""
    /// Fields of a submitted form, already checked against the CSRF token.
    public var form: [String: [String]] = [:]
    /// Files sent with a multipart form, by field name.
    public var uploads: [String: Upload] = [:]
    /// A translation key to show once, set by the previous request.
    public var flash: String?
    /// The city named by the path, found by `CityMiddleware`.
    public var city: City?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// The value of a form field, trimmed of nothing (validation decides).
    public func field(_ name: String) -> String { form[name]?.first ?? "" }
}
