import Domain
import Foundation
import Logging

/// The demo city: Vantaa with its real postal areas and 2026 demographics (Statistics Finland,
/// CC BY 4.0), the eight organisations of its URBACT Local Group, and one account per role.
///
/// Running it again changes nothing that exists; it only adds what is missing.
public struct DemoSeed: Sendable {
    public struct Account: Sendable, Hashable {
        public var role: RoleKind
        public var email: String
        public var password: String
    }

    public static let citySlug = "vantaa"

    let repositories: SQLRepositories
    let hasher: any PasswordHasher

    public init(repositories: SQLRepositories, hasher: any PasswordHasher) {
        self.repositories = repositories
        self.hasher = hasher
    }

    /// The demo accounts. Their passwords are public on purpose: this data is for trying Arrival out.
    public static let accounts: [Account] = RoleKind.allCases.map { role in
        let local = role.rawValue.replacingOccurrences(of: "_", with: "-")
        return Account(role: role, email: "\(local)@demo.arrival.example", password: "vantaa-demo-\(local)")
    }

    /// Creates whatever of the demo is missing and returns the city.
    @discardableResult
    public func run(logger: Logger) async throws -> City {
        let city = try await ensureCity()
        if try await repositories.areas.list(city: city.id).isEmpty {
            let records = try AreaImport.parse(try Self.bundledAreas(), municipality: "092")
            let summary = try await repositories.areas.importRecords(records, city: city.id, progress: { _ in })
            logger.info("demo areas imported", metadata: ["created": "\(summary.created)"])
        }
        var organisations = try await repositories.organisations.list(city: city.id)
        if organisations.isEmpty {
            for organisation in Self.organisations(city: city.id) {
                try await repositories.organisations.create(organisation)
            }
            organisations = try await repositories.organisations.list(city: city.id)
        }
        organisations = try await ensureRegistry(city: city, organisations: organisations)
        try await ensureDirectory(city: city, organisations: organisations)
        try await ensureActivities(city: city, organisations: organisations)
        try await ensureEvents(city: city, organisations: organisations)
        try await ensurePlan(city: city, organisations: organisations)
        let edited = organisations.first { $0.name.text(in: .finnish) == "Nicehearts ry" }
        let office = organisations.first { $0.name.text(in: .finnish) == "Vantaan työllisyyspalvelut" }
        try await ensureAccounts(city: city, editedOrganisation: edited?.id, caseworkerOffice: office?.id)
        try await ensureReferrals(city: city)
        try await ensureVolunteering(city: city, organisations: organisations)
        return city
    }

    private func ensureCity() async throws -> City {
        if let city = try await repositories.cities.find(slug: Self.citySlug) { return city }
        var name = LocalizedText(original: "Vantaa", in: .finnish)
        name.set("Vanda", in: .swedish, status: .upToDate)
        name.set("Vantaa", in: .english, status: .upToDate)
        name.set("فانتا", in: .arabic, status: .upToDate)
        let city = City(
            slug: Self.citySlug, name: name, timeZone: "Europe/Helsinki", defaultLanguage: .finnish,
            languages: [.finnish, .swedish, .english, .arabic])
        try await repositories.cities.create(city)
        return city
    }

    private func ensureAccounts(
        city: City, editedOrganisation: OrganisationID?, caseworkerOffice: OrganisationID?
    ) async throws {
        for account in Self.accounts where try await repositories.persons.find(email: account.email) == nil {
            let person = Person(
                email: account.email,
                displayName: Self.displayName(account.role),
                passwordHash: try await hasher.hash(account.password),
                preferredLanguage: .finnish,
                createdAt: Date()
            )
            try await repositories.persons.create(
                person,
                consent: Consent(
                    personID: person.id, purpose: Consent.accountPurpose, textVersion: Consent.accountTextVersion,
                    givenAt: Date()))
            try await repositories.roles.grant(
                RoleAssignment(
                    personID: person.id,
                    kind: account.role,
                    cityID: account.role.needsCity ? city.id : nil,
                    organisationID: account.role == .caseworker
                        ? caseworkerOffice : account.role.needsOrganisation ? editedOrganisation : nil,
                    grantedBy: nil,
                    grantedAt: Date()
                ))
        }
    }

    static func displayName(_ role: RoleKind) -> String {
        switch role {
        case .platformAdmin: return "Aino Platform"
        case .cityAdmin: return "Leena City"
        case .coordinator: return "Mika Coordinator"
        case .organisationEditor: return "Parisa Editor"
        case .caseworker: return "Juha Caseworker"
        case .volunteer: return "Amina Volunteer"
        case .resident: return "Oleg Resident"
        }
    }

    static func bundledAreas() throws -> Data {
        guard
            let url = Bundle.module.url(
                forResource: "vantaa-postal-areas", withExtension: "geojson", subdirectory: "Resources")
        else { throw CocoaError(.fileNoSuchFile) }
        return try Data(contentsOf: url)
    }

    /// The members of the Vantaa URBACT Local Group named in the Integrated Action Plan 2018–2022.
    static func organisations(city: CityID) -> [Organisation] {
        let members: [(Organisation.Kind, String, String?, String?)] = [
            (
                .cityDepartment, "Vantaan kaupunki, monikulttuuriset asiat", "Vanda stad, mångkulturella frågor",
                "City of Vantaa, Multicultural Affairs"
            ),
            (.ngo, "Vantaan Järjestörinki", nil, "Vantaa association network"),
            (.migrantLedNGO, "Hakunilan kansainvälinen yhdistys", nil, "Hakunila International Society"),
            (.migrantLedNGO, "R3 Maahanmuuttajanuorten tuki ry", nil, "R3 support for immigrant youth"),
            (.ngo, "Nicehearts ry", nil, nil),
            (.migrantLedNGO, "Sorasod ry", nil, nil),
            (.migrantLedNGO, "Vantaan Venäläinen klubi", nil, "Russian club of Vantaa"),
            (.migrantLedNGO, "Monimaa ry", nil, nil),
        ]
        return members.map { kind, finnish, swedish, english in
            var name = LocalizedText(original: finnish, in: .finnish)
            if let swedish { name.set(swedish, in: .swedish, status: .upToDate) }
            if let english { name.set(english, in: .english, status: .upToDate) }
            return Organisation(cityID: city, kind: kind, name: name, createdAt: Date())
        }
    }
}
