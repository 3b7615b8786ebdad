import Domain

/// Checking a volunteer's certificate by its code, and the certificate itself as issued: printable, for a CV.
enum CertificatePage {
    struct Model {
        var city: City
        var code: String
        var certificate: Certificate?
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("volunteering.certificates.title"), context: context) {
            el("h1") { t("volunteering.certificates.title") }
            if let certificate = model.certificate {
                body(certificate, city: city, context)
            } else {
                el("p", ["class": "lead"]) { t("volunteering.certificates.verify_intro") }
                el("form", ["method": "get", "action": Route.certificates(city.slug).path, "novalidate": "novalidate"])
                {
                    FormFields.summary(model.errors, t: t)
                    FormFields.text(
                        "code", label: t("volunteering.certificates.code"), value: model.code, autocomplete: "off",
                        errors: model.errors, t: t)
                    el("button", ["type": "submit"]) { t("volunteering.certificates.check") }
                }
            }
        }
    }

    /// The certificate as printed: who, the city, each engagement with its hours, the trainings, and the code.
    static func body(_ certificate: Certificate, city: City, _ context: PageContext) -> Node {
        let t = context.t
        return el("article", ["class": "certificate", "aria-labelledby": "certificate-holder"]) {
            el("p", ["role": "status", "class": "flash"]) {
                t(
                    "volunteering.certificates.valid",
                    ["day": ScheduleText.day(certificate.issuedOn, language: context.language)])
            }
            el("h2", ["id": "certificate-holder"]) { certificate.holderName }
            el("p") {
                t(
                    "volunteering.certificates.summary",
                    [
                        "city": city.displayName(in: context.language),
                        "hours": HoursInput.text(certificate.totalMinutes),
                    ])
            }
            el(
                "div",
                [
                    "class": "table-scroll", "role": "region", "aria-labelledby": "certificate-roles",
                    "tabindex": "0",
                ]
            ) {
                el("table") {
                    el("caption", ["id": "certificate-roles"]) { t("volunteering.certificates.engagements") }
                    el("thead") {
                        el("tr") {
                            el("th", ["scope": "col"]) { t("volunteering.certificates.role") }
                            el("th", ["scope": "col"]) { t("volunteering.certificates.organisation") }
                            el("th", ["scope": "col"]) { t("volunteering.certificates.period") }
                            el("th", ["scope": "col"]) { t("volunteering.certificates.hours") }
                        }
                    }
                    el("tbody") {
                        for engagement in certificate.engagements {
                            el("tr") {
                                el("td") { Localized.text(engagement.role, context) }
                                el("td") { Localized.text(engagement.organisation, context) }
                                el("td") {
                                    [engagement.from, engagement.through].map {
                                        $0.map { ScheduleText.day($0, language: context.language) } ?? "…"
                                    }.joined(separator: " – ")
                                }
                                el("td") { HoursInput.text(engagement.minutes) }
                            }
                        }
                    }
                }
            }
            if !certificate.trainings.isEmpty {
                el("h3") { t("volunteering.certificates.trainings") }
                el("ul") {
                    for training in certificate.trainings {
                        el("li") {
                            Localized.text(training.title, context)
                            " – " + ScheduleText.day(training.completedOn, language: context.language)
                        }
                    }
                }
            }
            el("p") {
                t("volunteering.certificates.check_at")
                " "
                el("code", ["class": "access-code"]) { certificate.code }
                " · "
                el("a", ["href": Route.certificate(city.slug, certificate.code).path]) {
                    Route.certificate(city.slug, certificate.code).path
                }
            }
        }
    }
}
