import Domain

/// Platform admins see every city and add new ones.
enum CitiesAdminPage {
    struct Model {
        var cities: [City]
        var input: CityInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        return Layout.page(title: t("cities.admin.title"), context: context) {
            el("h1") { t("cities.admin.title") }
            el("ul") {
                for city in model.cities {
                    el("li") {
                        el("a", ["href": Route.city(city.slug).path]) { city.displayName(in: context.language) }
                    }
                }
            }
            el("h2", ["id": "new-city"]) { t("cities.admin.new") }
            FormFields.post(to: Route.adminCities.path, errors: model.errors, context: context, labelledBy: "new-city")
            {
                FormFields.text(
                    "slug", label: t("cities.form.slug"), value: model.input.slug, errors: model.errors, t: t)
                FormFields.text(
                    "name", label: t("cities.form.name"), value: model.input.name, errors: model.errors, t: t)
                FormFields.text(
                    "time_zone", label: t("cities.form.time_zone"), value: model.input.timeZone, errors: model.errors,
                    t: t)
                FormFields.text(
                    "default_language", label: t("cities.form.default_language"), value: model.input.defaultLanguage,
                    errors: model.errors, t: t)
                FormFields.text(
                    "languages", label: t("cities.form.languages"),
                    value: model.input.languages.joined(separator: ", "),
                    required: false, errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("cities.form.submit") }
            }
        }
    }
}
