import Domain

/// A network: who its members are, a drawing of the partnerships between them, and the same in tables
/// for screen readers; coordinators add and remove members here.
enum NetworkShowPage {
    struct Model {
        var city: City
        var network: Network
        var members: [NetworkMembership]
        var organisations: [Organisation]
        var partnerships: [Partnership]
        var today: CalendarDay
        var errors: ValidationErrors
    }

    static func render(_ model: Model, _ context: PageContext) -> String {
        let t = context.t
        let city = model.city
        let names = Dictionary(
            uniqueKeysWithValues: model.organisations.map { ($0.id, Localized.string($0.name, context)) })
        let current = model.members.filter { $0.isActive(on: model.today) }
        let graph = NetworkGraph(
            members: current.map(\.organisationID), partnerships: model.partnerships, on: model.today)
        let title = Localized.string(model.network.name, context)
        let mayManage = Authorization.allows(context.actor, .coordinate(city.id))
        return Layout.page(title: title, context: context) {
            el("h1") { Localized.text(model.network.name, context) }
            el("p") { el("span", ["class": "tag"]) { t("stakeholders.networks.kind.\(model.network.kind.rawValue)") } }
            if !model.network.description.isEmpty { Localized.text(model.network.description, context, tag: "p") }
            el("section", ["aria-labelledby": "graph-heading"]) {
                el("h2", ["id": "graph-heading"]) { t("stakeholders.networks.graph") }
                svg(graph, names: names, title: title, context)
                el("p", ["class": "hint"]) { t("stakeholders.networks.graph_hint") }
            }
            el("section", ["aria-labelledby": "members-heading"]) {
                el("h2", ["id": "members-heading"]) { t("stakeholders.networks.members") }
                membersTable(model, names: names, mayManage: mayManage, context)
                if mayManage { memberForm(model, context) }
            }
            el("section", ["aria-labelledby": "partnerships-heading"]) {
                el("h2", ["id": "partnerships-heading"]) { t("stakeholders.networks.partnerships") }
                if graph.edges.isEmpty {
                    el("p") { t("stakeholders.networks.no_partnerships") }
                } else {
                    PartnershipsTable.render(
                        graph.edges.compactMap { edge in model.partnerships.first { $0.id == edge.partnership } },
                        names: names, city: city, caption: t("stakeholders.networks.partnerships_caption"), context)
                }
            }
        }
    }

    /// The drawing: a circle per member with its name, a line per partnership. It is an image with a title and
    /// a description; the tables below say the same in words.
    static func svg(_ graph: NetworkGraph, names: [OrganisationID: String], title: String, _ context: PageContext)
        -> Node
    {
        let t = context.t
        let size = String(Int(graph.size))
        return el(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(size) \(size)", "class": "network-graph",
                "role": "img", "aria-labelledby": "graph-title graph-desc",
            ]
        ) {
            el("title", ["id": "graph-title"]) { t("stakeholders.networks.graph_title", ["network": title]) }
            el("desc", ["id": "graph-desc"]) {
                t(
                    "stakeholders.networks.graph_desc",
                    ["members": "\(graph.nodes.count)", "partnerships": "\(graph.edges.count)"])
            }
            for edge in graph.edges {
                if let from = graph.node(edge.from), let to = graph.node(edge.to) {
                    void(
                        "line",
                        [
                            "x1": number(from.x), "y1": number(from.y), "x2": number(to.x), "y2": number(to.y),
                            "class": "edge edge-\(edge.kind.rawValue)",
                        ])
                }
            }
            for node in graph.nodes {
                el("g", ["class": "node"]) {
                    void("circle", ["cx": number(node.x), "cy": number(node.y), "r": "10"])
                    el(
                        "text",
                        [
                            "x": number(node.x), "y": number(node.y + (node.y > graph.size / 2 ? 26 : -16)),
                            "text-anchor": "middle",
                        ]
                    ) { String((names[node.organisation] ?? "").prefix(28)) }
                }
            }
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func membersTable(_ model: Model, names: [OrganisationID: String], mayManage: Bool, _ context: PageContext)
        -> Node
    {
        let t = context.t
        return el(
            "div", ["class": "table-scroll", "role": "region", "aria-labelledby": "members-caption", "tabindex": "0"]
        ) {
            el("table") {
                el("caption", ["id": "members-caption"]) { t("stakeholders.networks.members_caption") }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { t("stakeholders.networks.organisation") }
                        el("th", ["scope": "col"]) { t("stakeholders.networks.role") }
                        el("th", ["scope": "col"]) { t("stakeholders.networks.period") }
                        if mayManage { el("th", ["scope": "col"]) { t("roles.table.actions") } }
                    }
                }
                el("tbody") {
                    for membership in model.members {
                        el("tr") {
                            el("th", ["scope": "row"]) {
                                el("a", ["href": Route.organisation(model.city.slug, membership.organisationID).path]) {
                                    names[membership.organisationID] ?? "–"
                                }
                            }
                            el("td") { t("stakeholders.networks.role.\(membership.role.rawValue)") }
                            el("td") { period(membership.since, membership.until) }
                            if mayManage {
                                el("td") {
                                    el(
                                        "form",
                                        [
                                            "method": "post",
                                            "action": Route.removeNetworkMember(
                                                model.city.slug, model.network.id, membership.id
                                            ).path,
                                        ]
                                    ) {
                                        context.csrfField
                                        el("button", ["type": "submit", "class": "secondary"]) {
                                            t(
                                                "stakeholders.networks.remove_member",
                                                ["organisation": names[membership.organisationID] ?? ""])
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

    static func period(_ since: CalendarDay?, _ until: CalendarDay?) -> String {
        "\(since?.description ?? "…") – \(until?.description ?? "")"
    }

    static func memberForm(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let errors = model.errors
        let options = model.organisations.filter { $0.status != .archived }
            .map { ($0.id.description, Localized.string($0.name, context)) }
            .sorted { $0.1.localizedLowercase < $1.1.localizedLowercase }
        return el(
            "form",
            [
                "method": "post", "action": Route.networkMembers(model.city.slug, model.network.id).path,
                "aria-labelledby": "add-member-heading", "novalidate": "novalidate",
            ]
        ) {
            el("h3", ["id": "add-member-heading"]) { t("stakeholders.networks.add_member") }
            context.csrfField
            FormFields.summary(errors, t: t)
            FormFields.select(
                "organisation", label: t("stakeholders.networks.organisation"),
                options: [("", t("stakeholders.partnerships.choose"))] + options, selected: "", errors: errors, t: t)
            FormFields.select(
                "role", label: t("stakeholders.networks.role"),
                options: NetworkMembership.Role.allCases.map {
                    ($0.rawValue, t("stakeholders.networks.role.\($0.rawValue)"))
                }, selected: NetworkMembership.Role.member.rawValue, errors: errors, t: t)
            FormFields.hinted(
                "since", label: t("stakeholders.partnerships.since"), hint: t("stakeholders.partnerships.date_hint"),
                value: "", errors: errors, t: t)
            FormFields.hinted(
                "until", label: t("stakeholders.partnerships.until"), hint: t("stakeholders.partnerships.date_hint"),
                value: "", errors: errors, t: t)
            el("button", ["type": "submit"]) { t("stakeholders.networks.add_member") }
        }
    }
}

/// Partnerships as a table: who with whom, how, and when.
enum PartnershipsTable {
    static func render(
        _ partnerships: [Partnership], names: [OrganisationID: String], city: City, caption: String,
        removable: Bool = false, _ context: PageContext
    ) -> Node {
        let t = context.t
        let id = "partnerships-caption"
        return el("div", ["class": "table-scroll", "role": "region", "aria-labelledby": id, "tabindex": "0"]) {
            el("table") {
                el("caption", ["id": id]) { caption }
                el("thead") {
                    el("tr") {
                        el("th", ["scope": "col"]) { t("stakeholders.partnerships.first") }
                        el("th", ["scope": "col"]) { t("stakeholders.partnerships.kind") }
                        el("th", ["scope": "col"]) { t("stakeholders.partnerships.second") }
                        el("th", ["scope": "col"]) { t("stakeholders.networks.period") }
                        el("th", ["scope": "col"]) { t("stakeholders.partnerships.note") }
                        if removable { el("th", ["scope": "col"]) { t("roles.table.actions") } }
                    }
                }
                el("tbody") {
                    for partnership in partnerships {
                        el("tr") {
                            el("td") { names[partnership.first] ?? "–" }
                            el("td") { t("stakeholders.partnerships.kind.\(partnership.kind.rawValue)") }
                            el("td") { names[partnership.second] ?? "–" }
                            el("td") { NetworkShowPage.period(partnership.since, partnership.until) }
                            el("td") { partnership.note }
                            if removable {
                                el("td") {
                                    if NetworkUseCases.mayRecord(context.actor, city: city.id, partnership) {
                                        el(
                                            "form",
                                            [
                                                "method": "post",
                                                "action": Route.removePartnership(city.slug, partnership.id).path,
                                            ]
                                        ) {
                                            context.csrfField
                                            el("button", ["type": "submit", "class": "secondary"]) {
                                                t("stakeholders.partnerships.remove")
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
    }
}
