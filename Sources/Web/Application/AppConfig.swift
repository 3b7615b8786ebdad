/// Settings of one running server. `serve` fills it from flags and environment; tests use the defaults.
public struct AppConfig: Sendable {
    public var host: String
    public var port: Int
    /// Set the `Secure` flag on cookies: on whenever the server is reached over HTTPS.
    public var secureCookies: Bool
    /// Largest request body accepted, in bytes; larger requests get 413.
    public var maxBodyBytes: Int
    /// Largest body accepted by the spreadsheet import pages, which carry whole files.
    public var maxUploadBytes: Int
    /// Seconds a keep-alive connection may sit idle before it is closed.
    public var idleTimeoutSeconds: Int64
    /// Seconds a client has to send a whole request (headers and body) once the connection is ready for one.
    public var requestTimeoutSeconds: Int64
    /// The address people reach the server at, used in links sent by email.
    public var publicURL: String
    /// Seconds the directory's public listings are kept for anonymous visitors (`PublicResponseCache`); 0 keeps
    /// none. Off unless set, so tests see every change at once; `arrival serve` keeps them 10 seconds.
    public var publicCacheSeconds: Int
    /// Requests one personal access token may make in a minute on this server before it is answered 429.
    public var tokenRequestsPerMinute: Int

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        secureCookies: Bool = false,
        maxBodyBytes: Int = 1_048_576,
        maxUploadBytes: Int = 16 * 1_048_576,
        idleTimeoutSeconds: Int64 = 30,
        requestTimeoutSeconds: Int64 = 20,
        publicURL: String? = nil,
        publicCacheSeconds: Int = 0,
        tokenRequestsPerMinute: Int = 600
    ) {
        self.tokenRequestsPerMinute = max(1, tokenRequestsPerMinute)
        self.publicCacheSeconds = max(0, publicCacheSeconds)
        self.publicURL = publicURL ?? "http://\(host):\(port)"
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.maxBodyBytes = maxBodyBytes
        self.maxUploadBytes = maxUploadBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.requestTimeoutSeconds = requestTimeoutSeconds
    }

    /// The body limit of a path: uploads on import pages, the ordinary limit everywhere else.
    public func bodyLimit(for path: String) -> Int {
        path.contains("/import") && !path.hasPrefix("/api/") ? max(maxUploadBytes, maxBodyBytes) : maxBodyBytes
    }
}
