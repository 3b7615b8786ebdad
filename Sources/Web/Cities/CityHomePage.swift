import Domain

/// A city's front page: its name, languages, areas and the organisations working in it.
enum CityHomePage {
    struct Model {
        var city: City
        var areaCount: Int
        var organisations: [Organisation]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let name = city.displayName(in: context.language)
        let organisations = model.organisations.sorted {
            $0.name.text(in: context.language, fallback: city.defaultLanguage)
                < $1.name.text(in: context.language, fallback: city.defaultLanguage)
        }
        return Layout.page(title: name, context: context) {
            el("h1") { name }
            el("p", ["class": "lead"]) { t("city.intro", ["city": name]) }
            el("p") { el("a", ["href": Route.myReferrals(city.slug).path]) { t("matching.mine.link") } }
            el("section", ["aria-labelledby": "areas-heading"]) {
                el("h2", ["id": "areas-heading"]) { t("city.areas.heading") }
                el("p") {
                    el("a", ["href": Route.cityAreas(city.slug).path]) {
                        t.plural("city.areas.count", count: model.areaCount)
                    }
                }
            }
            el("section", ["aria-labelledby": "organisations-heading"]) {
                el("h2", ["id": "organisations-heading"]) { t("city.organisations.heading") }
                el("p") {
                    el("a", ["href": Route.organisations(city.slug).path]) { t("city.organisations.directory") }
                }
                if organisations.isEmpty {
                    el("p") { t("city.organisations.none") }
                } else {
                    el("ul", ["class": "card-list"]) {
                        for organisation in organisations {
                            el("li") {
                                let resolved = organisation.name.resolve(
                                    context.language, fallback: city.defaultLanguage)
                                el("span", ["lang": resolved?.language.rawValue]) { resolved?.text ?? "" }
                                " "
                                el("span", ["class": "tag"]) { t("organisations.kind.\(organisation.kind.rawValue)") }
                            }
                        }
                    }
                }
            }
        }
    }
}
