import Domain
import Foundation

/// The demo city's integrated action plan 2018–2022, after the facts of Vantaa's plan: one goal, three
/// objectives, twelve actions with their lead agencies (the forum's rotating lead), timescales, KPIs, funding and
/// risks. KPIs over forums, meet-ups, get-togethers, local group meetings and bookings are computed from the demo
/// events and bookings, so some are met and some are not. Texts are written for the demo.
extension DemoSeed {
    struct DemoAction: Sendable {
        var objective: Int
        var finnish: String
        var english: String
        var leads: [Int: [String]]
        var partners: [String] = []
        var years: ClosedRange<Int>
        var funding: String
        var budget: Int? = nil
        var status: PlanAction.Status
        var kpis: [DemoKPI]
        var risks: [(String, Int, Int, String)]
    }

    struct DemoKPI: Sendable {
        var english: String
        var unit: String = ""
        var target: KPI.Target
        var direction: KPI.Direction = .atLeast
        var rule: (@Sendable (NetworkID?, NetworkID?) -> KPIRule)? = nil
        var measured: [(String, Double, String)] = []
    }

    static let cityOffice = "Vantaan kaupunki, monikulttuuriset asiat"
    static let localGroupNGOs = [
        "Hakunilan kansainvälinen yhdistys", "Vantaan Venäläinen klubi", "R3 Maahanmuuttajanuorten tuki ry",
        "Nicehearts ry", "Sorasod ry", "Monimaa ry",
    ]

    static let demoActions: [DemoAction] = [
        .init(
            objective: 1, finnish: "Paikallisten verkostojen ja toimijoiden kartoitus",
            english: "Map the local networks and stakeholders in integration work",
            leads: [2018: [cityOffice]], years: 2018...2022, funding: "The city's own staff", status: .done,
            kpis: [
                .init(
                    english: "The mapping is published for every stakeholder", target: .yes,
                    measured: [("2019-03-15", 1, "Registry opened to all local group members")]),
                .init(
                    english: "Member organisations in the local group", unit: "organisations", target: .number(9),
                    rule: { local, _ in .networkMembers(network: local!) }),
            ],
            risks: [("Staff and contact persons change, and the mapping goes stale", 4, 3, "Yearly confirmation round")]
        ),
        .init(
            objective: 1, finnish: "Vuosittainen yhteistyöfoorumi", english: "A cooperation forum every year",
            leads: [
                2018: ["Nicehearts ry"], 2019: ["Hakunilan kansainvälinen yhdistys", "Sorasod ry"],
                2020: ["Vantaan Venäläinen klubi"],
            ], partners: [cityOffice], years: 2018...2022,
            funding: "Joint fundraising by the lead agencies and the local group", budget: 150_000, status: .ongoing,
            kpis: [
                .init(
                    english: "Participants at each forum", unit: "participants", target: .number(60),
                    rule: { local, _ in .eventAttendance(kind: .cooperationForum, network: local) }),
                .init(
                    english: "Cost of one forum", unit: "€", target: .number(1_500), direction: .atMost,
                    rule: { local, _ in .eventCost(kind: .cooperationForum, network: local) }),
                .init(
                    english: "Sectors represented at the forum", unit: "sectors", target: .number(4),
                    rule: { local, _ in .sectorsAttending(kind: .cooperationForum, network: local) }),
            ],
            risks: [
                (
                    "Forum funding is not lasting; lead agencies struggle to find money", 4, 4,
                    "Share costs across partners"
                )
            ]),
        .init(
            objective: 1, finnish: "Yhteinen hanke: siltakoulutus maahanmuuttajille",
            english: "Joint project: bridging traineeships for migrants", leads: [2019: [cityOffice]],
            partners: localGroupNGOs, years: 2019...2019, funding: "Application to the European Social Fund",
            status: .done,
            kpis: [
                .init(
                    english: "The project is planned jointly by the local group", target: .yes,
                    measured: [("2019-06-10", 1, "Joint application submitted")])
            ],
            risks: [("The funding is not granted", 3, 4, "Prepare a smaller city-funded pilot")]),
        .init(
            objective: 1, finnish: "Yhteinen hanke: järjestöjen palvelujen tuotteistaminen",
            english: "Joint project: turning NGO integration work into services", leads: [2019: localGroupNGOs],
            years: 2019...2020, funding: "Channels explored by the local group", status: .dropped,
            kpis: [.init(english: "The project is planned jointly by the local group", target: .yes)],
            risks: [("The funding is not granted", 4, 3, "Look for foundation funding")]),
        .init(
            objective: 1, finnish: "Meidän Vantaa -vapaaehtoisverkosto", english: "The Our Vantaa volunteer network",
            leads: [2018: ["Vantaan Järjestörinki", "Vantaan vapaaehtoiskeskus"]], years: 2018...2022,
            funding: "Existing resources of the partners", status: .ongoing,
            kpis: [
                .init(
                    english: "Organisation meet-ups held", unit: "meet-ups", target: .number(2),
                    rule: { _, volunteers in
                        .eventCount(kind: .volunteerMeetup, network: volunteers, minimumAttendance: nil)
                    })
            ],
            risks: [
                ("Members' commitment to the common goal weakens", 3, 3, "Rotate themes members ask for"),
                ("Better-resourced members form a separate network", 2, 3, "Keep the network open and shared"),
            ]),
        .init(
            objective: 2, finnish: "Paikallisryhmän jatkuvuus", english: "Keep the local group going",
            leads: [2018: [cityOffice]], years: 2018...2022, funding: "The city, with EU funding sought",
            status: .ongoing,
            kpis: [
                .init(
                    english: "Local group meetings in the year", unit: "meetings", target: .number(2),
                    rule: { local, _ in .networkMeetings(network: local!) })
            ],
            risks: [
                ("Members' commitment declines over the years", 3, 4, "Yearly review with the advisory board"),
                ("Trust is slow to build with organisations outside the group", 3, 2, "Open forums"),
            ]),
        .init(
            objective: 2, finnish: "Henkilövaihto ja opintokäynnit", english: "Staff exchange and local study visits",
            leads: [2018: ["Vantaan Järjestörinki", "Hakunilan kansainvälinen yhdistys"]], years: 2018...2022,
            funding: "EU funding to be explored", status: .planned,
            kpis: [.init(english: "The project is planned jointly by the local group", target: .yes)],
            risks: [("The proposal fits no EU call", 3, 3, "Apply to national programmes")]),
        .init(
            objective: 2, finnish: "Yhteissuunnitteluportaalin käyttö", english: "Use the joint-planning web portal",
            leads: [2019: ["Vantaan Järjestörinki", "Hakunilan kansainvälinen yhdistys"]], years: 2019...2019,
            funding: "Covered by the portal's project", status: .done,
            kpis: [
                .init(
                    english: "Local group members keep their information up to date", target: .yes,
                    measured: [("2019-11-30", 0, "Half of the members updated their pages")])
            ],
            risks: [("The portal is not kept up to date", 4, 3, "Yearly confirmation round")]),
        .init(
            objective: 2, finnish: "Palveluhakupalvelun käyttö", english: "Use the online service finder",
            leads: [2018: [cityOffice]], years: 2018...2018, funding: "Covered by the service's own project",
            status: .done,
            kpis: [
                .init(
                    english: "Organisations listed in the service finder", unit: "organisations", target: .number(30),
                    measured: [("2018-12-15", 34, "Count from the service's listing")])
            ],
            risks: [("The service is not updated and used", 3, 3, "Link it from the city's pages")]),
        .init(
            objective: 3, finnish: "Lähiötalkoot", english: "Neighbourhood get-togethers",
            leads: [2019: localGroupNGOs], partners: [cityOffice], years: 2019...2019,
            funding: "Existing resources of the local group", status: .done,
            kpis: [
                .init(
                    english: "Participants at the get-together", unit: "participants", target: .number(50),
                    rule: { _, _ in .eventAttendance(kind: .neighbourhoodGetTogether, network: nil) })
            ],
            risks: [
                ("Not enough money or people to run it", 2, 4, "Share tasks among the six organisations"),
                ("Few residents take part", 3, 3, "Invite through schools and shops"),
            ]),
        .init(
            objective: 3, finnish: "Kohtaamispaikat tutuiksi", english: "Make places of encounter known and used",
            leads: [2018: [cityOffice]], partners: localGroupNGOs, years: 2018...2022,
            funding: "The city's own staff", status: .ongoing,
            kpis: [
                .init(
                    english: "Confirmed bookings of places of encounter", unit: "bookings", target: .number(8),
                    rule: { _, _ in .placeBookings(placeKind: nil) })
            ],
            risks: [("Spaces are already taken by their regular users", 3, 3, "Publish free hours")]),
        .init(
            objective: 3, finnish: "Hyvien etnisten suhteiden malli", english: "A model for good ethnic relations",
            leads: [:], years: 2018...2020, funding: "Assessment funded from the network; MarjaVerkko ry leads",
            status: .ongoing,
            kpis: [.init(english: "The assessment's recommendations shape the model", target: .yes)],
            risks: [("Too few resources to develop the model", 3, 3, "Seek partners among researchers")]),
    ]
}

extension DemoSeed {
    /// Adds the demo plan (once), with past bookings of places of encounter for its bookings KPI.
    func ensurePlan(city: City, organisations: [Organisation]) async throws {
        guard try await repositories.plans.list(city: city.id).isEmpty else { return }
        let byName = Dictionary(
            organisations.map { ($0.name.text(in: .finnish), $0.id) }, uniquingKeysWith: { first, _ in first })
        let networks = try await repositories.networks.list(city: city.id)
        let network = { (name: String) in networks.first { $0.name.text(in: .finnish) == name }?.id }
        let local = network(Self.localGroup)
        let volunteers = network(Self.volunteerNetwork)
        func text(_ english: String, finnish: String? = nil) -> LocalizedText {
            var text = LocalizedText(original: finnish ?? english, in: finnish == nil ? .english : .finnish)
            if finnish != nil { text.set(english, in: .english, status: .upToDate) }
            return text
        }
        let created = Date(timeIntervalSince1970: 1_523_000_000)
        let plan = ActionPlan(
            cityID: city.id,
            title: text("Integrated action plan 2018–2022", finnish: "Kotoutumisen toimintasuunnitelma 2018–2022"),
            goal: text(
                "Stronger partnerships between the city, its organisations and residents, for better integration "
                    + "services and a more inclusive city."),
            firstYear: 2018, lastYear: 2022, createdAt: created)
        var document = PlanDocument(plan: plan)
        let objectiveTitles = [
            "Develop partnerships by making good use of the city's professional, formal and informal networks",
            "Build a support system for collaboration between organisations and the city",
            "Promote and strengthen good neighbourhood relations",
        ]
        document.objectives = objectiveTitles.enumerated().map { index, title in
            PlanObjective(planID: plan.id, number: index + 1, title: text(title))
        }
        for (index, demo) in Self.demoActions.enumerated() {
            let action = PlanAction(
                planID: plan.id, objectiveID: document.objectives[demo.objective - 1].id, number: index + 1,
                title: text(demo.english, finnish: demo.finnish),
                leads: demo.leads.mapValues { $0.compactMap { byName[$0] } },
                partnerIDs: demo.partners.compactMap { byName[$0] }, firstYear: demo.years.lowerBound,
                lastYear: demo.years.upperBound, fundingSource: text(demo.funding), budgetCents: demo.budget,
                status: demo.status)
            document.actions.append(action)
            for kpiDemo in demo.kpis {
                let kpi = KPI(
                    actionID: action.id, description: text(kpiDemo.english), unit: kpiDemo.unit,
                    target: kpiDemo.target, direction: kpiDemo.direction,
                    due: CalendarDay(year: demo.years.upperBound, month: 12, day: 31)!,
                    rule: kpiDemo.rule?(local, volunteers))
                if kpi.rule?.networkID == nil, kpiDemo.rule != nil, kpi.rule?.name.needsNetwork == true { continue }
                document.kpis.append(kpi)
                for (day, value, evidence) in kpiDemo.measured {
                    document.measurements.append(
                        KPIMeasurement(
                            kpiID: kpi.id, day: CalendarDay(day)!, value: value, evidence: evidence, authorID: nil,
                            createdAt: created))
                }
            }
            for (description, likelihood, impact, mitigation) in demo.risks {
                document.risks.append(
                    Risk(
                        actionID: action.id, description: text(description), likelihood: likelihood, impact: impact,
                        mitigation: text(mitigation), ownerID: action.leads.values.first?.first))
            }
        }
        let forum = document.actions[1]
        document.notes = [
            StatusNote(
                actionID: forum.id, day: CalendarDay("2018-10-25")!, status: .ongoing,
                text: "The first forum gathered 72 people from five sectors; three joint project ideas came out of it.",
                organisationID: byName["Nicehearts ry"], authorID: nil, createdAt: created),
            StatusNote(
                actionID: forum.id, day: CalendarDay("2020-10-20")!, status: .ongoing,
                text: "Attendance fell because of distancing rules, and the venue cost more than planned.",
                organisationID: byName["Vantaan Venäläinen klubi"], authorID: nil, createdAt: created),
        ]
        if let sorasod = byName["Sorasod ry"] {
            document.contributions.append(
                ReportContribution(
                    planID: plan.id, year: 2019, actionID: forum.id, organisationID: sorasod,
                    text: "We co-hosted the 2019 forum with Hakunila International Society; two new members joined.",
                    authorID: nil, updatedAt: created))
        }
        document.locks = [ReportLock(planID: plan.id, year: 2018, lockedAt: created, lockedBy: nil)]
        try await repositories.plans.insert(document)
        try await ensurePastBookings(city: city, byName: byName)
    }

    /// Confirmed bookings of places of encounter in the plan's years, more in some years than others.
    private func ensurePastBookings(city: City, byName: [String: OrganisationID]) async throws {
        let zone = TimeZone(identifier: city.timeZone) ?? .current
        let places = try await repositories.places.list(city: city.id)
        guard !places.isEmpty, let booker = byName["Vantaan Järjestörinki"] else { return }
        let perYear = [2018: 5, 2019: 8, 2020: 6, 2021: 9, 2022: 11]
        for (year, count) in perYear.sorted(by: { $0.key < $1.key }) {
            for index in 0..<count {
                let place = places[index % places.count]
                guard let day = CalendarDay(year: year, month: 1 + index, day: 12),
                    let start = BookingInput.moment(day, minutes: 17 * 60, in: zone),
                    let end = BookingInput.moment(day, minutes: 19 * 60, in: zone)
                else { continue }
                try await repositories.bookings.create(
                    Booking(
                        placeID: place.id, organisationID: booker, start: start, end: end, purpose: "Asukasilta",
                        status: .confirmed, requestedBy: nil, createdAt: start, decidedAt: start))
            }
        }
    }
}
