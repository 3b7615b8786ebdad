import Domain
import Hummingbird

/// What every view may know about the request: language, signed-in person, CSRF token, where we are.
public struct PageContext: Sendable {
    public var t: Translator
    public var actor: Actor?
    public var csrfToken: String
    public var path: String
    public var city: City?
    public var flash: String?

    public init(t: Translator, actor: Actor?, csrfToken: String, path: String, city: City? = nil, flash: String? = nil)
    {
        self.t = t
        self.actor = actor
        self.csrfToken = csrfToken
        self.path = path
        self.city = city
        self.flash = flash
    }

    init(_ request: Request, _ context: AppRequestContext, services: AppServices, city: City? = nil) {
        self.init(
            t: services.translator(context.language),
            actor: context.actor,
            csrfToken: context.csrfToken,
            path: request.uri.path,
            city: city,
            flash: context.flash
        )
    }

    public var language: LanguageCode { t.language }

    /// The hidden field every form carries.
    public var csrfField: Node { void("input", ["type": "hidden", "name": "_csrf", "value": csrfToken]) }
}
