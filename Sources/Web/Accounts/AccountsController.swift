import Domain
import Foundation
import Hummingbird

/// Sign-up, sign-in, sign-out, password reset and the person's own account page.
struct AccountsController {
    let services: AppServices
    let config: AppConfig

    func register(on router: Router<AppRequestContext>) {
        router.get(.signIn, use: signInForm)
        router.post(.signIn, use: signIn)
        router.get(.signUp, use: signUpForm)
        router.post(.signUp, use: signUp)
        router.post(.signOut, use: signOut)
        router.get(.account, use: account)
        router.get(.passwordReset, use: resetRequestForm)
        router.post(.passwordReset, use: requestReset)
        router.get(.passwordResetToken, use: resetForm)
        router.post(.passwordResetToken, use: reset)
    }

    @Sendable func signInForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let model = SignInPage.Model(
            email: "", next: Self.safeNext(request.uri.queryParameters.get("next")), errors: .init())
        return Respond.html(SignInPage.render(model, PageContext(request, context, services: services)))
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let email = context.field("email")
        let next = Self.safeNext(context.field("next"))
        let outcome = try await services.accounts.signIn(
            email: email, password: context.field("password"), address: context.remoteAddress,
            previousToken: request.cookies[SessionMiddleware.sessionCookie]?.value)
        switch outcome {
        case .signedIn(_, let token):
            var response = Respond.redirect(to: next ?? Route.home.path, flash: "accounts.flash.signed_in")
            response.setCookie(sessionCookie(token))
            // A fresh CSRF token with the fresh session.
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.csrfCookie, value: SecureToken.generate(), path: "/",
                    secure: config.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        case .invalidCredentials, .throttled:
            let key = outcome.isThrottled ? "accounts.errors.throttled" : "accounts.errors.credentials"
            let model = SignInPage.Model(email: email, next: next, errors: ValidationErrors(["email": [key]]))
            return Respond.html(
                SignInPage.render(model, PageContext(request, context, services: services)),
                status: outcome.isThrottled ? .tooManyRequests : .unprocessableContent)
        }
    }

    @Sendable func signUpForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = SignUpInput(
            email: "", displayName: "", password: "", preferredLanguage: context.language.rawValue, acceptsTerms: false)
        return Respond.html(
            SignUpPage.render(.init(input: input, errors: .init()), PageContext(request, context, services: services)))
    }

    @Sendable func signUp(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = SignUpInput(
            email: context.field("email"), displayName: context.field("display_name"),
            password: context.field("password"), preferredLanguage: context.field("language"),
            acceptsTerms: context.field("accepts_terms") == "yes")
        return try await Respond.validating {
            let person = try await services.accounts.signUp(input)
            let outcome = try await services.accounts.signIn(
                email: person.email, password: input.password, address: context.remoteAddress, previousToken: nil)
            var response = Respond.redirect(to: .account, flash: "accounts.flash.signed_up")
            if case .signedIn(_, let token) = outcome { response.setCookie(sessionCookie(token)) }
            return response
        } invalid: { errors in
            Respond.html(
                SignUpPage.render(
                    .init(input: input, errors: errors), PageContext(request, context, services: services)))
        }
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = context.sessionToken { try await services.accounts.signOut(token: token) }
        var response = Respond.redirect(to: .home, flash: "accounts.flash.signed_out")
        response.setCookie(
            Cookie(name: SessionMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", sameSite: .lax))
        return response
    }

    @Sendable func account(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let actor = context.actor else { throw NotPermitted() }
        var cityNames: [CityID: String] = [:]
        for city in try await services.cityUseCases.list() {
            cityNames[city.id] = city.displayName(in: context.language)
        }
        let model = AccountPage.Model(
            actor: actor, cityNames: cityNames,
            consents: try await services.accounts.consents(of: actor.person.id))
        return Respond.html(AccountPage.render(model, PageContext(request, context, services: services)))
    }

    @Sendable func resetRequestForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        Respond.html(
            PasswordResetPages.request(email: "", sent: false, PageContext(request, context, services: services)))
    }

    @Sendable func requestReset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let email = context.field("email")
        guard EmailAddress.isPlausible(EmailAddress.normalise(email)) else {
            return Respond.html(
                PasswordResetPages.request(
                    email: email, sent: false, PageContext(request, context, services: services),
                    errors: ValidationErrors(["email": ["accounts.errors.email.invalid"]])),
                status: .unprocessableContent)
        }
        let catalogs = services.catalogs
        let baseURL = config.publicURL
        try await services.accounts.requestPasswordReset(email: email) { person, token in
            let t = Translator(language: person.preferredLanguage, catalogs: catalogs)
            let link = baseURL + Route.passwordResetToken(token).path
            return (
                t("accounts.reset.email.subject"),
                t("accounts.reset.email.body", ["name": person.displayName, "link": link])
            )
        }
        return Respond.html(
            PasswordResetPages.request(email: "", sent: true, PageContext(request, context, services: services)))
    }

    @Sendable func resetForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        return Respond.html(
            PasswordResetPages.reset(token: token, errors: .init(), PageContext(request, context, services: services)))
    }

    @Sendable func reset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        return try await Respond.validating {
            try await services.accounts.resetPassword(token: token, newPassword: context.field("password"))
            return Respond.redirect(to: .signIn, flash: "accounts.flash.password_changed")
        } invalid: { errors in
            Respond.html(
                PasswordResetPages.reset(
                    token: token, errors: errors, PageContext(request, context, services: services)))
        }
    }

    private func sessionCookie(_ token: String) -> Cookie {
        Cookie(
            name: SessionMiddleware.sessionCookie, value: token, maxAge: Int(services.accounts.sessionLifetime),
            path: "/", secure: config.secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// Only local paths are followed after sign-in, so a link cannot send people elsewhere.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 300 else {
            return nil
        }
        return next
    }
}

extension SignInOutcome {
    var isThrottled: Bool {
        if case .throttled = self { return true }
        return false
    }
}
