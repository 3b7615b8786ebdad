import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Storage
import Testing
import Web

/// A whole application on an in-memory SQLite database with the demo city, as `serve --demo` builds it.
struct TestApp: Sendable {
    let repositories: SQLRepositories
    let services: AppServices
    /// Every route as "METHOD /path", read from the router.
    let routes: [String]
    let vantaa: City

    static let config = AppConfig(maxBodyBytes: 64 * 1024, publicURL: "https://arrival.example")

    /// Builds the app, runs `body` with a client, and closes the database.
    static func run(
        config: AppConfig = config, _ body: @escaping @Sendable (TestApp, Browser) async throws -> Void
    ) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let database = try await Database.open(.init(location: .sqliteMemory), logger: logger)
        try await Migrator(database: database).migrate(logger: logger)
        let repositories = SQLRepositories(database: database)
        let hasher = BcryptHasher(cost: 4)
        let vantaa = try await DemoSeed(repositories: repositories, hasher: hasher).run(logger: logger)
        let services = AppServices(
            repositories: repositories.all,
            accounts: repositories.accountUseCases(hasher: hasher),
            catalogs: try Catalog.bundled(),
            metrics: PrometheusCollectorRegistry(),
            isDatabaseReady: { await repositories.isReachable() }
        )
        let router = try buildRouter(config, services: services)
        let testApp = TestApp(
            repositories: repositories, services: services,
            routes: router.routes.map { "\($0.method.rawValue) \($0.path)" }, vantaa: vantaa)
        let app = Application(router: router, logger: logger)
        do {
            try await app.test(.router) { client in
                try await body(testApp, Browser(client: client))
            }
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
    }

    /// The demo city's organisations: the eight of the local group and a dozen more.
    static let demoOrganisationCount = 20

    static func demoAccount(_ role: RoleKind) -> DemoSeed.Account {
        DemoSeed.accounts.first { $0.role == role }!
    }

    /// A text a spreadsheet would run as a formula, for checking that every CSV neutralises it.
    static let formula = "=HYPERLINK(\"http://evil.example\",\"x\")"

    /// Renames a demo organisation (found by its Finnish name) to `name` in every language, and returns it.
    @discardableResult
    func rename(organisation finnish: String, to name: String) async throws -> Organisation {
        var organisation = try #require(
            try await repositories.organisations.list(city: vantaa.id).first { $0.name.text(in: .finnish) == finnish })
        organisation.name = LocalizedText(original: name, in: vantaa.defaultLanguage)
        try await repositories.organisations.update(organisation)
        return organisation
    }
}

/// A client that keeps cookies like a browser and sends the CSRF token with every form.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        /// The body as sent, for binary answers.
        var bytes = Data()

        var location: String? { headers[.location] }
        func setCookies() -> [String] { headers[values: .setCookie] }
    }

    @discardableResult
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// Posts a form; `_csrf` is added from the cookie jar unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: String? = nil) async throws -> Page {
        var all = fields
        if cookies["arrival_csrf"] == nil { try await get("/") }
        all.append(("_csrf", csrf ?? cookies["arrival_csrf"] ?? ""))
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
    }

    /// Posts a multipart form with one file, as a browser's file upload does; `disposition` replaces the file part's
    /// `Content-Disposition` value, for clients that write it differently.
    @discardableResult
    func upload(
        _ path: String, file name: String, filename: String, data: [UInt8], fields: [(String, String)] = [],
        disposition: String? = nil
    ) async throws -> Page {
        if cookies["arrival_csrf"] == nil { try await get("/") }
        let boundary = "----ArrivalTestBoundary7MA4YWxk"
        var body: [UInt8] = []
        for (field, value) in fields + [("_csrf", cookies["arrival_csrf"] ?? "")] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
        }
        let disposition = disposition ?? "form-data; name=\"\(name)\"; filename=\"\(filename)\""
        body += Array("--\(boundary)\r\nContent-Disposition: \(disposition)\r\nContent-Type: text/csv\r\n\r\n".utf8)
        body += data
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        let response = try await client.execute(
            uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        return Page(
            status: response.status, headers: response.headers, body: String(buffer: response.body),
            bytes: Data([UInt8](buffer: response.body)))
    }

    func signIn(_ role: RoleKind) async throws {
        let account = TestApp.demoAccount(role)
        let page = try await post("/account/sign-in", [("email", account.email), ("password", account.password)])
        precondition(page.status == .seeOther, "demo sign-in failed for \(role)")
    }

    func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: String?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty, headers[.cookie] == nil {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return Page(
            status: response.status, headers: response.headers, body: String(buffer: response.body),
            bytes: Data([UInt8](buffer: response.body)))
    }

    func setCookie(_ name: String, _ value: String?) { cookies[name] = value }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", ".", "~"])) ?? text
    }
}
