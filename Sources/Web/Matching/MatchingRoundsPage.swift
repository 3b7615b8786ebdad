import Domain

/// A city's matching rounds and the form to run a new one over the newcomers recorded in a period.
enum MatchingRoundsPage {
    struct Model {
        var city: City
        var rounds: [MatchingRound]
        var from: String
        var through: String
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        return Layout.page(title: t("matching.rounds.title"), context: context) {
            el("h1") { t("matching.rounds.title") }
            el("p", ["class": "lead"]) { t("matching.rounds.intro") }
            FormFields.post(to: Route.matchingRounds(city.slug).path, errors: model.errors, context: context) {
                FormFields.errorList(model.errors.messages(for: "round"), id: "field-round", t: t)
                ReferralText.period(from: model.from, through: model.through, errors: model.errors, t: t)
                el("button", ["type": "submit"]) { t("matching.rounds.run") }
            }
            el("h2") { t("matching.rounds.past") }
            if model.rounds.isEmpty {
                el("p") { t("matching.rounds.none") }
            } else {
                el("ul", ["class": "plain"]) {
                    for round in model.rounds {
                        el("li") {
                            el("a", ["href": Route.matchingRound(city.slug, round.id).path]) {
                                t(
                                    "matching.rounds.period",
                                    ["from": round.from.description, "through": round.through.description])
                            }
                            " – " + t("matching.rounds.status.\(round.status.rawValue)")
                        }
                    }
                }
            }
        }
    }
}

/// One round for review: each proposed pair with its reasons, taken out one by one; then confirmed (only now is
/// anyone told) or discarded.
enum MatchingRoundShowPage {
    struct Model {
        var city: City
        var round: MatchingRound
        var lines: [ReferralUseCases.RoundLine]
        var categories: [String: LocalizedText]
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let round = model.round
        let title = t("matching.rounds.period", ["from": round.from.description, "through": round.through.description])
        return Layout.page(title: title, context: context) {
            el("h1") { title }
            el("p") {
                t("matching.rounds.status.\(round.status.rawValue)") + " · "
                    + t(
                        "matching.rounds.summary",
                        [
                            "pool": String(round.poolSize), "matched": String(model.lines.count),
                            "objective": String(round.objective),
                        ])
            }
            FormFields.errorList(model.errors.messages(for: "round"), id: "field-round", t: t)
            if round.status == .proposed {
                el("p") { t("matching.rounds.not_sent") }
                el("ul", ["class": "actions"]) {
                    el("li") {
                        el("form", ["method": "post", "action": Route.confirmMatchingRound(city.slug, round.id).path]) {
                            context.csrfField
                            el("button", ["type": "submit"]) { t("matching.rounds.confirm") }
                        }
                    }
                    el("li") {
                        el("form", ["method": "post", "action": Route.discardMatchingRound(city.slug, round.id).path]) {
                            context.csrfField
                            el("button", ["type": "submit", "class": "secondary"]) { t("matching.rounds.discard") }
                        }
                    }
                }
            }
            if model.lines.isEmpty {
                el("p") { t("matching.rounds.empty") }
            } else {
                el("ul", ["class": "plain"]) {
                    for line in model.lines { el("li") { lineCard(line, model, context) } }
                }
            }
        }
    }

    static func lineCard(_ line: ReferralUseCases.RoundLine, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let city = model.city
        let title = line.activity.map { Localized.string($0.title, context) } ?? ""
        return el("article", ["class": "card", "aria-labelledby": "line-\(line.referral.id)"]) {
            el("h2", ["id": "line-\(line.referral.id)"]) {
                ReferralText.pseudonym(line.pseudonym)
                " → " + title
            }
            el("p") {
                t("matching.suggestions.score", ["score": String(line.referral.score)]) + " · "
                    + ReferralText.status(line.referral.status, t: t)
            }
            el("p") {
                t("matching.why") + " "
                    + ReferralText.reasons(line.referral.reasons, categories: model.categories, context)
            }
            if model.round.status == .proposed {
                el(
                    "form",
                    [
                        "method": "post",
                        "action": Route.removeRoundProposal(city.slug, model.round.id, line.referral.id).path,
                    ]
                ) {
                    context.csrfField
                    el(
                        "button",
                        [
                            "type": "submit", "class": "secondary",
                            "aria-label": t(
                                "matching.rounds.remove_pair", ["pseudonym": line.pseudonym, "activity": title]),
                        ]
                    ) { t("matching.rounds.remove") }
                }
            }
        }
    }
}
