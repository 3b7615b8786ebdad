import Domain
import Hummingbird

/// The frame of every page: landmarks, skip link, navigation, language switcher, footer.
public enum Layout {
    public static func page(title: String, context: PageContext, @NodeBuilder main: () -> [Node]) -> String {
        let t = context.t
        let document = el("html", ["lang": context.language.rawValue, "dir": t.isRightToLeft ? "rtl" : "ltr"]) {
            el("head") {
                void("meta", ["charset": "utf-8"])
                void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                el("title") { "\(title) – Arrival" }
                void("link", ["rel": "icon", "type": "image/svg+xml", "href": Route.icon.path])
                void("link", ["rel": "stylesheet", "href": Route.stylesheet.path])
                void("link", ["rel": "stylesheet", "media": "print", "href": Route.printStylesheet.path])
            }
            el("body") {
                el("a", ["class": "skip-link", "href": "#main"]) { t("layout.skip_to_content") }
                header(context)
                el("main", ["id": "main", "tabindex": "-1"]) {
                    if let flash = context.flash {
                        el("p", ["class": "flash", "role": "status"]) { t(flash) }
                    }
                    main()
                }
                el("footer", ["class": "site-footer"]) {
                    el("p") { t("layout.footer.about") }
                }
            }
        }
        return "<!DOCTYPE html>\n" + document.render()
    }

    static func header(_ context: PageContext) -> Node {
        let t = context.t
        return el("header", ["class": "site-header"]) {
            el("nav", ["aria-label": t("layout.nav.main")]) {
                el("ul", ["class": "nav"]) {
                    el("li") { el("a", ["href": Route.home.path, "class": "brand"]) { "Arrival" } }
                    if let city = context.city {
                        el("li") {
                            el("a", ["href": Route.city(city.slug).path]) { city.displayName(in: context.language) }
                        }
                        el("li") { el("a", ["href": Route.cityAreas(city.slug).path]) { t("nav.areas") } }
                        el("li") {
                            el("a", ["href": Route.organisations(city.slug).path]) { t("nav.organisations") }
                        }
                        el("li") { el("a", ["href": Route.networks(city.slug).path]) { t("nav.networks") } }
                        el("li") { el("a", ["href": Route.activities(city.slug).path]) { t("nav.activities") } }
                        el("li") { el("a", ["href": Route.events(city.slug).path]) { t("nav.events") } }
                        el("li") { el("a", ["href": Route.places(city.slug).path]) { t("nav.places") } }
                        el("li") {
                            el("a", ["href": Route.volunteering(city.slug).path]) { t("nav.volunteering") }
                        }
                        el("li") { el("a", ["href": Route.plans(city.slug).path]) { t("nav.plans") } }
                        el("li") {
                            el("a", ["href": Route.partnerCalls(city.slug).path]) { t("nav.partner_calls") }
                        }
                        if Authorization.allows(context.actor, .coordinate(city.id)) {
                            el("li") { el("a", ["href": Route.dashboard(city.slug).path]) { t("nav.dashboard") } }
                        }
                        if Self.handlesReferrals(context.actor, city: city.id) {
                            el("li") { el("a", ["href": Route.referrals(city.slug).path]) { t("nav.referrals") } }
                        }
                        if Authorization.allows(context.actor, .manageRoles(city.id)) {
                            el("li") { el("a", ["href": Route.cityRoles(city.slug).path]) { t("nav.roles") } }
                        }
                    }
                    if Authorization.allows(context.actor, .manageCities) {
                        el("li") { el("a", ["href": Route.adminCities.path]) { t("nav.cities_admin") } }
                    }
                    if let actor = context.actor {
                        el("li") { el("a", ["href": Route.account.path]) { actor.person.displayName } }
                        el("li") {
                            el("form", ["method": "post", "action": Route.signOut.path, "class": "inline"]) {
                                context.csrfField
                                el("button", ["type": "submit", "class": "link-button"]) { t("nav.sign_out") }
                            }
                        }
                    } else {
                        el("li") { el("a", ["href": Route.signIn.path]) { t("nav.sign_in") } }
                        el("li") { el("a", ["href": Route.signUp.path]) { t("nav.sign_up") } }
                    }
                }
            }
            languageSwitcher(context)
        }
    }

    /// Caseworkers, organisation editors (whose activities may receive referrals) and coordinators.
    static func handlesReferrals(_ actor: Actor?, city: CityID) -> Bool {
        Authorization.allows(actor, .coordinate(city))
            || (actor?.roles.contains {
                $0.cityID == city && ($0.kind == .caseworker || $0.kind == .organisationEditor)
            } ?? false)
    }

    static func languageSwitcher(_ context: PageContext) -> Node {
        let languages = context.city?.languages.filter { Catalog.uiLanguages.contains($0) } ?? Catalog.uiLanguages
        return el("nav", ["aria-label": context.t("layout.nav.language"), "class": "languages"]) {
            el("ul") {
                for code in languages {
                    el("li") {
                        el(
                            "a",
                            [
                                "href": "\(context.path)?lang=\(code.rawValue)", "lang": code.rawValue,
                                "hreflang": code.rawValue,
                                "aria-current": code == context.language ? "true" : nil,
                            ]
                        ) { LanguageNames.endonym(code) }
                    }
                }
            }
        }
    }
}

/// Each language named in itself, as people look for their own language.
enum LanguageNames {
    static func endonym(_ code: LanguageCode) -> String {
        switch code.rawValue {
        case "fi": return "Suomi"
        case "sv": return "Svenska"
        case "en": return "English"
        case "ar": return "العربية"
        case "ru": return "Русский"
        case "so": return "Soomaali"
        case "et": return "Eesti"
        case "fa": return "فارسی"
        case "uk": return "Українська"
        case "tr": return "Türkçe"
        case "ku": return "Kurdî"
        case "es": return "Español"
        case "fr": return "Français"
        case "de": return "Deutsch"
        case "zh": return "中文"
        case "vi": return "Tiếng Việt"
        case "sq": return "Shqip"
        case "ti": return "ትግርኛ"
        default: return code.rawValue
        }
    }
}
