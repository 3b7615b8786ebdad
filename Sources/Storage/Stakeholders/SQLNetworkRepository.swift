import Domain
import Foundation
import SQLKit

/// Networks in `networks`, memberships in `network_memberships`.
public struct SQLNetworkRepository: NetworkRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(city: CityID) async throws -> [Network] {
        try await selectNetworks().where("city_id", .equal, bind(city)).orderBy("created_at").all().map(Self.network)
    }

    public func find(id: NetworkID) async throws -> Network? {
        try await selectNetworks().where("id", .equal, bind(id)).first().map(Self.network)
    }

    public func create(_ network: Network) async throws {
        let now = Date().epochSeconds
        try await database.sql.insert(into: "networks")
            .columns("id", "city_id", "kind", "name", "description", "created_at", "updated_at")
            .values(
                bind(network.id), bind(network.cityID), SQLBind(network.kind.rawValue),
                SQLBind(try JSONColumn.encode(network.name)), SQLBind(try JSONColumn.encode(network.description)),
                SQLBind(network.createdAt.epochSeconds), SQLBind(now)
            )
            .run()
    }

    public func update(_ network: Network) async throws {
        try await database.sql.update("networks")
            .set("kind", to: SQLBind(network.kind.rawValue))
            .set("name", to: SQLBind(try JSONColumn.encode(network.name)))
            .set("description", to: SQLBind(try JSONColumn.encode(network.description)))
            .set("updated_at", to: SQLBind(Date().epochSeconds))
            .where("id", .equal, bind(network.id))
            .run()
    }

    public func members(of network: NetworkID) async throws -> [NetworkMembership] {
        try await selectMemberships().where("network_id", .equal, bind(network)).orderBy("created_at").all()
            .map(Self.membership)
    }

    public func memberships(of organisation: OrganisationID) async throws -> [NetworkMembership] {
        try await selectMemberships().where("organisation_id", .equal, bind(organisation)).all().map(Self.membership)
    }

    public func findMembership(id: MembershipID) async throws -> NetworkMembership? {
        try await selectMemberships().where("id", .equal, bind(id)).first().map(Self.membership)
    }

    public func saveMembership(_ membership: NetworkMembership) async throws {
        let now = Date().epochSeconds
        try await database.transaction { sql in
            try await sql.delete(from: "network_memberships").where("id", .equal, bind(membership.id)).run()
            try await sql.insert(into: "network_memberships")
                .columns("id", "network_id", "organisation_id", "role", "since", "until", "created_at", "updated_at")
                .values(
                    bind(membership.id), bind(membership.networkID), bind(membership.organisationID),
                    SQLBind(membership.role.rawValue), SQLBind(membership.since?.description),
                    SQLBind(membership.until?.description), SQLBind(now), SQLBind(now)
                )
                .run()
        }
    }

    public func deleteMembership(id: MembershipID) async throws {
        try await database.sql.delete(from: "network_memberships").where("id", .equal, bind(id)).run()
    }

    private func selectNetworks() -> SQLSelectBuilder {
        database.sql.select().columns("id", "city_id", "kind", "name", "description", "created_at").from("networks")
    }

    private func selectMemberships() -> SQLSelectBuilder {
        database.sql.select().columns("id", "network_id", "organisation_id", "role", "since", "until")
            .from("network_memberships")
    }

    static func network(_ row: any SQLRow) throws -> Network {
        Network(
            id: try row.id("id"), cityID: try row.id("city_id"),
            kind: Network.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            name: try row.localizedText("name"), description: try row.localizedText("description"),
            createdAt: try row.date("created_at"))
    }

    static func membership(_ row: any SQLRow) throws -> NetworkMembership {
        NetworkMembership(
            id: try row.id("id"), networkID: try row.id("network_id"), organisationID: try row.id("organisation_id"),
            role: NetworkMembership.Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .member,
            since: try SQLContactRepository.day(row, "since"), until: try SQLContactRepository.day(row, "until"))
    }
}

/// Partnerships in `partnerships`.
public struct SQLPartnershipRepository: PartnershipRepository {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(city: CityID) async throws -> [Partnership] {
        try await select().where("city_id", .equal, bind(city)).orderBy("created_at").all().map(Self.partnership)
    }

    public func list(organisation: OrganisationID) async throws -> [Partnership] {
        try await select()
            .where { $0.where("first_id", .equal, bind(organisation)).orWhere("second_id", .equal, bind(organisation)) }
            .orderBy("created_at").all().map(Self.partnership)
    }

    public func find(id: PartnershipID) async throws -> Partnership? {
        try await select().where("id", .equal, bind(id)).first().map(Self.partnership)
    }

    public func save(_ partnership: Partnership) async throws {
        let now = Date().epochSeconds
        try await database.transaction { sql in
            let created =
                try await sql.select().column("created_at").from("partnerships")
                .where("id", .equal, bind(partnership.id)).first()?.decode(column: "created_at", as: Int64.self) ?? now
            try await sql.delete(from: "partnerships").where("id", .equal, bind(partnership.id)).run()
            try await sql.insert(into: "partnerships")
                .columns(
                    "id", "city_id", "kind", "first_id", "second_id", "since", "until", "note", "created_at",
                    "updated_at"
                )
                .values(
                    bind(partnership.id), bind(partnership.cityID), SQLBind(partnership.kind.rawValue),
                    bind(partnership.first), bind(partnership.second), SQLBind(partnership.since?.description),
                    SQLBind(partnership.until?.description), SQLBind(partnership.note), SQLBind(created), SQLBind(now)
                )
                .run()
        }
    }

    public func delete(id: PartnershipID) async throws {
        try await database.sql.delete(from: "partnerships").where("id", .equal, bind(id)).run()
    }

    private func select() -> SQLSelectBuilder {
        database.sql.select().columns("id", "city_id", "kind", "first_id", "second_id", "since", "until", "note")
            .from("partnerships")
    }

    static func partnership(_ row: any SQLRow) throws -> Partnership {
        Partnership(
            id: try row.id("id"), cityID: try row.id("city_id"),
            kind: Partnership.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            first: try row.id("first_id"), second: try row.id("second_id"),
            since: try SQLContactRepository.day(row, "since"), until: try SQLContactRepository.day(row, "until"),
            note: try row.decode(column: "note", as: String.self))
    }
}
