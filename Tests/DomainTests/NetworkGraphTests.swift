import Domain
import Foundation
import Testing

@Suite("Network graph")
struct NetworkGraphTests {
    let city = CityID()
    let a = OrganisationID()
    let b = OrganisationID()
    let c = OrganisationID()
    let outsider = OrganisationID()

    @Test("members sit on a circle inside the square, the first at the top")
    func layout() {
        let graph = NetworkGraph(members: [a, b, c, outsider], partnerships: [], on: CalendarDay("2026-01-01")!)
        #expect(graph.nodes.count == 4)
        #expect(graph.node(a)?.x == 240)
        #expect(graph.node(a)!.y < graph.node(c)!.y)
        #expect(graph.nodes.allSatisfy { (0...480).contains($0.x) && (0...480).contains($0.y) })
    }

    @Test("only partnerships active on the day and between members become edges")
    func edges() {
        let day = CalendarDay("2026-06-01")!
        let current = Partnership(cityID: city, kind: .referral, first: a, second: b)
        let ended = Partnership(cityID: city, kind: .funding, first: a, second: c, until: CalendarDay("2025-12-31"))
        let future = Partnership(cityID: city, kind: .funding, first: b, second: c, since: CalendarDay("2027-01-01"))
        let external = Partnership(cityID: city, kind: .jointProject, first: a, second: outsider)
        let graph = NetworkGraph(members: [a, b, c], partnerships: [current, ended, future, external], on: day)
        #expect(graph.edges.map(\.partnership) == [current.id])
    }

    @Test("memberships hold within their period")
    func membershipPeriod() {
        let membership = NetworkMembership(
            networkID: NetworkID(), organisationID: a, role: .member, since: CalendarDay("2018-01-01"),
            until: CalendarDay("2022-12-31"))
        #expect(membership.isActive(on: CalendarDay("2020-05-05")!))
        #expect(!membership.isActive(on: CalendarDay("2023-01-01")!))
        #expect(!membership.isActive(on: CalendarDay("2017-12-31")!))
    }

    @Test("a partnership needs two different organisations of the city and a forward period")
    func partnershipInput() {
        let known: Set<OrganisationID> = [a, b]
        #expect(throws: ValidationErrors(["second": ["stakeholders.errors.partnership.same"]])) {
            try PartnershipInput(first: a.description, second: a.description).validate(city: city, organisations: known)
        }
        #expect(throws: ValidationErrors(["second": ["stakeholders.errors.organisation.unknown"]])) {
            try PartnershipInput(first: a.description, second: outsider.description)
                .validate(city: city, organisations: known)
        }
        #expect(throws: ValidationErrors(["until": ["stakeholders.errors.period.reversed"]])) {
            try PartnershipInput(first: a.description, second: b.description, since: "2020-01-01", until: "2019-01-01")
                .validate(city: city, organisations: known)
        }
    }
}
