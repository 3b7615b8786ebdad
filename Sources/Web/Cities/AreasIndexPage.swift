import Domain

/// A city's areas with their latest population figures.
enum AreasIndexPage {
    struct Model {
        var city: City
        var areas: [Area]
        var demographics: [AreaID: AreaDemographics]
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let cityName = model.city.displayName(in: context.language)
        let year = model.demographics.values.map(\.year).max()
        return Layout.page(title: t("areas.title", ["city": cityName]), context: context) {
            el("h1") { t("areas.title", ["city": cityName]) }
            if model.areas.isEmpty {
                el("p") { t("areas.none") }
            } else {
                el(
                    "div",
                    ["class": "table-scroll", "role": "region", "aria-labelledby": "areas-caption", "tabindex": "0"]
                ) {
                    el("table") {
                        el("caption", ["id": "areas-caption"]) {
                            year.map { t("areas.caption", ["year": String($0)]) } ?? t("areas.caption_no_year")
                        }
                        el("thead") {
                            el("tr") {
                                el("th", ["scope": "col"]) { t("areas.column.code") }
                                el("th", ["scope": "col"]) { t("areas.column.name") }
                                el("th", ["scope": "col", "class": "number"]) { t("areas.column.population") }
                                el("th", ["scope": "col", "class": "number"]) { t("areas.column.foreign_language") }
                            }
                        }
                        el("tbody") {
                            for area in model.areas {
                                let figures = model.demographics[area.id]
                                el("tr") {
                                    el("td") { area.code }
                                    el("th", ["scope": "row"]) {
                                        area.name.text(in: context.language, fallback: model.city.defaultLanguage)
                                    }
                                    el("td", ["class": "number"]) {
                                        figures.map { t.formatNumber($0.population) } ?? "–"
                                    }
                                    el("td", ["class": "number"]) {
                                        figures?.foreignLanguageShare.map { t.formatPercent($0) } ?? "–"
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
