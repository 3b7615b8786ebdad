import Domain

/// The platform's front page: what Arrival is and which cities run on it.
enum HomePage {
    struct Model {
        var cities: [City]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t("home.title"), context: context) {
            el("h1") { "Arrival" }
            el("p", ["class": "lead"]) { t("home.intro") }
            el("h2") { t("home.cities.heading") }
            if model.cities.isEmpty {
                el("p") { t("home.cities.none") }
            } else {
                el("ul", ["class": "card-list"]) {
                    for city in model.cities {
                        el("li") {
                            el("a", ["href": Route.city(city.slug).path]) { city.displayName(in: context.language) }
                        }
                    }
                }
            }
        }
    }
}
