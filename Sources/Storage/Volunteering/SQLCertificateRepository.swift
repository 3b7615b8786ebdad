import Domain
import Foundation
import SQLKit

/// Certificates in `volunteer_certificates`: the certificate as issued, and its revocation in a column of its own.
public struct SQLCertificateRepository: CertificateRepository {
    let tables: VolunteeringTables

    public init(database: Database) {
        tables = VolunteeringTables(database: database)
    }

    static let columns = ["id", "city_id", "person_id", "code", "content", "issued_on", "revoked_at"]

    public func save(_ certificate: Certificate) async throws {
        try await tables.upsert(
            "volunteer_certificates", Self.columns,
            [
                bind(certificate.id), bind(certificate.cityID), bind(certificate.personID), SQLBind(certificate.code),
                SQLBind(try JSONColumn.encode(certificate)), SQLBind(Int64(certificate.issuedOn.ordinal)),
                SQLBind(certificate.revokedAt?.epochSeconds),
            ], id: certificate.id.description)
    }

    public func certificate(code: String) async throws -> Certificate? {
        try await tables.select(Self.columns, from: "volunteer_certificates").where("code", .equal, SQLBind(code))
            .first().map(Self.certificate)
    }

    public func certificates(person: PersonID, city: CityID) async throws -> [Certificate] {
        try await tables.select(Self.columns, from: "volunteer_certificates")
            .where("city_id", .equal, bind(city)).where("person_id", .equal, bind(person))
            .orderBy("issued_on", .descending).orderBy("id").all().map(Self.certificate)
    }

    public func revoke(_ id: CertificateID, at date: Date) async throws {
        try await tables.database.sql.update("volunteer_certificates")
            .set("revoked_at", to: SQLBind(date.epochSeconds))
            .where("id", .equal, bind(id)).where("revoked_at", .is, SQLLiteral.null).run()
    }

    /// The content is the certificate as issued; the revocation is read from its own column.
    static func certificate(_ row: any SQLRow) throws -> Certificate {
        var certificate = try JSONColumn.decode(
            Certificate.self, from: row.decode(column: "content", as: String.self))
        certificate.revokedAt = try row.optionalDate("revoked_at")
        return certificate
    }
}
