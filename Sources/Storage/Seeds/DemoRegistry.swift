import Domain
import Foundation

/// The demo registry around the local group: more organisations of the kinds a city has, the local group and
/// the "Our Vantaa" volunteer network, and partnerships between them. Names beyond the local group are
/// illustrative.
extension DemoSeed {
    struct ExtraOrganisation {
        var kind: Organisation.Kind
        var finnish: String
        var english: String
        var description: String
        var languages: [String]
        var areas: [String]
    }

    static let extraOrganisations: [ExtraOrganisation] = [
        .init(
            kind: .religiousCommunity, finnish: "Tikkurilan seurakunta", english: "Tikkurila parish",
            description: "Perhekerhoja, ruoka-apua ja kielikahvila seurakuntakeskuksessa.",
            languages: ["fi", "sv", "en"],
            areas: ["01300", "01350"]),
        .init(
            kind: .school, finnish: "Hakunilan koulu", english: "Hakunila school",
            description: "Peruskoulu, jossa valmistavaa opetusta ja oman äidinkielen opetusta.",
            languages: ["fi", "ar", "so"],
            areas: ["01200"]),
        .init(
            kind: .publicAgency, finnish: "Vantaan työllisyyspalvelut", english: "Vantaa employment services",
            description: "Työnhaun ja kotoutumisen palvelut, ohjaus kursseille ja harjoitteluun.",
            languages: ["fi", "sv", "en", "ar", "ru"], areas: []),
        .init(
            kind: .ngo, finnish: "Vantaan vapaaehtoiskeskus", english: "Vantaa volunteer centre",
            description: "Välittää vapaaehtoistehtäviä ja kouluttaa vapaaehtoisia.", languages: ["fi", "en"], areas: []),
        .init(
            kind: .ngo, finnish: "Korson Urheiluseura", english: "Korso sports club",
            description: "Jalkapalloa ja yleisurheilua lapsille ja nuorille, maksuttomat kokeilukerrat.",
            languages: ["fi", "en"], areas: ["01450", "01480"]),
        .init(
            kind: .migrantLedNGO, finnish: "Somalinuorten tuki ry", english: "Somali youth support",
            description: "Läksykerho ja harrastuksia nuorille Myyrmäessä.", languages: ["so", "fi", "en"],
            areas: ["01600"]),
        .init(
            kind: .cityDepartment, finnish: "Vantaan kirjastot", english: "Vantaa libraries",
            description: "Kirjastot ovat avoimia kohtaamispaikkoja; kielikahviloita ja läksyapua.",
            languages: ["fi", "sv", "en"], areas: []),
        .init(
            kind: .university, finnish: "Laurea-ammattikorkeakoulu, Tikkurila",
            english: "Laurea University of Applied Sciences, Tikkurila",
            description: "Opiskelijaprojekteja ja harjoittelijoita järjestöille.", languages: ["fi", "en"],
            areas: ["01300"]),
        .init(
            kind: .business, finnish: "Myyrmäen Kauppakeskus Myyrmanni", english: "Myyrmanni shopping centre",
            description: "Tiloja tapahtumille ja harjoittelupaikkoja nuorille.", languages: ["fi", "en"],
            areas: ["01600"]),
        .init(
            kind: .informalGroup, finnish: "Koivukylän äitien kerho", english: "Koivukylä mothers' club",
            description: "Vertaistukea ja yhteisiä retkiä äideille ja lapsille.", languages: ["fi", "ar", "ru"],
            areas: ["01360"]),
        .init(
            kind: .migrantLedNGO, finnish: "Vantaan arabiankielinen perheyhdistys",
            english: "Arabic-speaking families of Vantaa",
            description: "Perheiden iltoja ja neuvontaa arabiaksi.", languages: ["ar", "fi"], areas: ["01200", "01230"]),
        .init(
            kind: .ngo, finnish: "Vantaan Martat", english: "Vantaa Martha association",
            description: "Ruoanlaittokursseja ja kodinhoidon neuvontaa eri kielillä.", languages: ["fi", "sv"],
            areas: []),
    ]

    /// Adds what is missing of the registry and returns the city's organisations.
    func ensureRegistry(city: City, organisations: [Organisation]) async throws -> [Organisation] {
        var all = organisations
        let known = Set(all.map { $0.name.text(in: .finnish) })
        let areas = try await repositories.areas.list(city: city.id)
        let areaIDs = Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0.id) })
        for extra in Self.extraOrganisations where !known.contains(extra.finnish) {
            var name = LocalizedText(original: extra.finnish, in: .finnish)
            name.set(extra.english, in: .english, status: .upToDate)
            let slug = extra.english.lowercased().filter { $0.isLetter }.prefix(24)
            let organisation = Organisation(
                cityID: city.id, kind: extra.kind, name: name,
                description: LocalizedText(original: extra.description, in: .finnish),
                languages: extra.languages.compactMap(LanguageCode.init),
                areaIDs: extra.areas.compactMap { areaIDs[$0] }, website: "https://\(slug).example.fi",
                email: "info@\(slug).example.fi", status: .active,
                lastConfirmedAt: Date(timeIntervalSinceNow: -Double(all.count % 3) * 200 * 86_400), createdAt: Date())
            try await repositories.organisations.create(organisation)
            all.append(organisation)
        }
        if try await repositories.networks.list(city: city.id).isEmpty {
            try await seedNetworks(city: city, organisations: all)
        }
        if try await repositories.partnerCalls.list(city: city.id, filter: .init()).isEmpty {
            try await seedPartnerCalls(city: city, organisations: all, areaIDs: areaIDs)
        }
        return all
    }

    /// Two open calls on the partner bulletin board.
    private func seedPartnerCalls(city: City, organisations: [Organisation], areaIDs: [String: AreaID]) async throws {
        func text(_ finnish: String, _ english: String) -> LocalizedText {
            var text = LocalizedText(original: finnish, in: .finnish)
            text.set(english, in: .english, status: .upToDate)
            return text
        }
        let today = CalendarDay(Date())
        let calls: [(String, LocalizedText, LocalizedText, LocalizedText, [String], Int)] = [
            (
                "Nicehearts ry",
                text("Kumppani naapurustoiltaan Hakunilassa", "A partner for a neighbourhood evening in Hakunila"),
                text(
                    "Tila ja kaksi vapaaehtoista ruoanlaittoon 40–60 hengen naapurustoiltaan keväällä.",
                    "A venue and two volunteers to cook for a neighbourhood evening of 40–60 people in spring."),
                text(
                    "Järjestelyt, tulkkaus somaliksi ja arabiaksi sekä viestintä.",
                    "Organisation, interpreting into Somali and Arabic, and publicity."),
                ["01200"], 45
            ),
            (
                "Vantaan vapaaehtoiskeskus",
                text(
                    "Kouluttaja vapaaehtoisten perehdytykseen venäjäksi ja arabiaksi",
                    "A trainer for volunteer induction in Russian and Arabic"),
                text(
                    "Järjestö tai kouluttaja, joka pitää kahden tunnin perehdytyksen venäjäksi ja arabiaksi.",
                    "An organisation or trainer to give a two-hour induction in Russian and Arabic."),
                text(
                    "Koulutustila Tikkurilassa, materiaalit ja kahvitus.",
                    "A training room in Tikkurila, materials and coffee."),
                ["01300"], 60
            ),
        ]
        for (poster, title, needs, offers, areas, days) in calls {
            guard let organisation = organisations.first(where: { $0.name.text(in: .finnish) == poster }) else {
                continue
            }
            try await repositories.partnerCalls.save(
                PartnerCall(
                    cityID: city.id, organisationID: organisation.id, title: title, needs: needs, offers: offers,
                    areaIDs: areas.compactMap { areaIDs[$0] }, deadline: today.adding(days: days), createdAt: Date()))
        }
    }

    private func seedNetworks(city: City, organisations: [Organisation]) async throws {
        func id(_ finnish: String) -> OrganisationID? {
            organisations.first { $0.name.text(in: .finnish) == finnish }?.id
        }
        var groupName = LocalizedText(original: "Vantaan URBACT-paikallisryhmä", in: .finnish)
        groupName.set("Vantaa URBACT Local Group", in: .english, status: .upToDate)
        groupName.set("Vanda URBACT lokala grupp", in: .swedish, status: .upToDate)
        let group = Network(
            cityID: city.id, kind: .localGroup, name: groupName,
            description: LocalizedText(
                original:
                    "Arrival Cities -hankkeen paikallisryhmä, joka laati Vantaan integroidun toimintasuunnitelman "
                    + "2018–2022 ja seuraa sen toteutumista.", in: .finnish), createdAt: Date())
        try await repositories.networks.create(group)
        let localGroup = [
            "Vantaan kaupunki, monikulttuuriset asiat", "Vantaan Järjestörinki", "Hakunilan kansainvälinen yhdistys",
            "R3 Maahanmuuttajanuorten tuki ry", "Nicehearts ry", "Sorasod ry", "Vantaan Venäläinen klubi", "Monimaa ry",
        ]
        for (index, name) in localGroup.enumerated() {
            guard let organisation = id(name) else { continue }
            try await repositories.networks.saveMembership(
                NetworkMembership(
                    networkID: group.id, organisationID: organisation, role: index == 0 ? .lead : .member,
                    since: CalendarDay("2016-09-01")))
        }
        var oursName = LocalizedText(original: "Meidän Vantaa -vapaaehtoisverkosto", in: .finnish)
        oursName.set("Our Vantaa volunteer network", in: .english, status: .upToDate)
        oursName.set("Vårt Vanda – frivillignätverk", in: .swedish, status: .upToDate)
        let ours = Network(
            cityID: city.id, kind: .volunteerNetwork, name: oursName,
            description: LocalizedText(
                original: "Vapaaehtoistoiminnan yhteinen verkosto: yhteinen koulutusohjelma ja tapaamiset 2–3 kertaa "
                    + "vuodessa.", in: .finnish), createdAt: Date())
        try await repositories.networks.create(ours)
        let volunteering: [(String, NetworkMembership.Role)] = [
            ("Vantaan vapaaehtoiskeskus", .lead), ("Vantaan Järjestörinki", .member), ("Nicehearts ry", .member),
            ("Tikkurilan seurakunta", .member), ("Korson Urheiluseura", .member), ("Vantaan Martat", .member),
            ("Somalinuorten tuki ry", .member), ("Vantaan kaupunki, monikulttuuriset asiat", .observer),
        ]
        for (name, role) in volunteering {
            guard let organisation = id(name) else { continue }
            try await repositories.networks.saveMembership(
                NetworkMembership(
                    networkID: ours.id, organisationID: organisation, role: role, since: CalendarDay("2019-01-01")))
        }
        let ties: [(String, String, Partnership.Kind, String)] = [
            (
                "Nicehearts ry", "Vantaan kaupunki, monikulttuuriset asiat", .funding,
                "Tyttöjen ja naisten talon avustus"
            ),
            ("Hakunilan kansainvälinen yhdistys", "Sorasod ry", .jointProject, "Kotoutumisfoorumi 2019"),
            ("Vantaan Järjestörinki", "Vantaan vapaaehtoiskeskus", .jointProject, "Yhteinen vapaaehtoiskoulutus"),
            ("R3 Maahanmuuttajanuorten tuki ry", "Hakunilan koulu", .referral, "Läksykerhoon ohjaus"),
            ("Tikkurilan seurakunta", "Vantaan Martat", .sharedPremises, "Kielikahvila seurakuntakeskuksessa"),
            ("Vantaan työllisyyspalvelut", "Monimaa ry", .referral, "Ohjaus työpajoihin"),
            ("Nicehearts ry", "Vantaan vapaaehtoiskeskus", .jointProject, "Vapaaehtoisten tapaamiset"),
            ("Somalinuorten tuki ry", "Korson Urheiluseura", .jointProject, "Jalkapallokerho"),
            ("Monimaa ry", "Nicehearts ry", .jointProject, "Naapurustoillat"),
        ]
        for (first, second, kind, note) in ties {
            guard let a = id(first), let b = id(second) else { continue }
            try await repositories.partnerships.save(
                Partnership(
                    cityID: city.id, kind: kind, first: a, second: b, since: CalendarDay("2019-01-01"), note: note))
        }
    }
}
