import Domain

/// The city's activity categories in their order, with edit links for city admins.
enum CategoriesPage {
    struct Model {
        var city: City
        var categories: [Domain.Category]
        var mayEdit: Bool
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("directory.categories.title"), context: context) {
            el("h1") { t("directory.categories.title") }
            el("p", ["class": "lead"]) { t("directory.categories.intro") }
            if model.mayEdit {
                el("ul", ["class": "actions"]) {
                    el("li") { el("a", ["href": Route.newCategory(city.slug).path]) { t("directory.categories.new") } }
                }
            }
            el("ol") {
                for category in model.categories {
                    el("li") {
                        el("a", ["href": Route.activities(city.slug).path + "?category=" + category.code]) {
                            Localized.text(category.name, context)
                        }
                        if model.mayEdit {
                            " · "
                            el("a", ["href": Route.editCategory(city.slug, category.id).path]) {
                                t("directory.categories.edit")
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Adding or renaming a category. Its code is fixed once given, because links and feeds use it.
enum CategoryFormPage {
    struct Model {
        var city: City
        var editing: Domain.Category?
        var input: CategoryInput
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let title = model.editing == nil ? t("directory.categories.new") : t("directory.categories.edit")
        let action =
            model.editing.map { Route.editCategory(city.slug, $0.id).path } ?? Route.newCategory(city.slug).path
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            FormFields.post(to: action, errors: model.errors, context: context) {
                if let editing = model.editing {
                    el("p") { t("directory.categories.code_fixed", ["code": editing.code]) }
                } else {
                    FormFields.hinted(
                        "code", label: t("directory.categories.field.code"),
                        hint: t("directory.categories.code_hint"), value: model.input.code, lang: "en",
                        errors: model.errors, t: t)
                }
                TranslatableFields.lines(
                    "name", legend: t("stakeholders.field.name"), languages: city.languages,
                    values: model.input.names, errors: model.errors, t: t)
                FormFields.text(
                    "position", label: t("directory.categories.field.position"), value: model.input.position,
                    type: "number", required: false, errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("stakeholders.form.submit") }
            }
        }
    }
}
