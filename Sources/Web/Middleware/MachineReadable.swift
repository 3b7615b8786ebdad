import Hummingbird

extension Request {
    /// Answers meant for programs, not browsers: the JSON API and calendar feeds. They set no cookies (a client
    /// of them keeps no session and posts no forms), so shared caches may keep them.
    var isForPrograms: Bool {
        uri.path.hasPrefix("/api/") || uri.path.hasSuffix(".ics")
    }
}
