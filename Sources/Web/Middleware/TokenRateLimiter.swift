import Domain
import Foundation
import Synchronization

/// Counts each personal access token's requests per minute on this server, so that one script cannot take the
/// server from everyone else. The count is per process: behind several servers a token gets this many on each.
final class TokenRateLimiter: Sendable {
    let limit: Int
    let now: @Sendable () -> Date
    private let windows = Mutex<[AccessTokenID: (minute: Int64, count: Int)]>([:])

    init(requestsPerMinute: Int, now: @escaping @Sendable () -> Date = { Date() }) {
        self.limit = requestsPerMinute
        self.now = now
    }

    /// Counts a request; `nil` when it may go on, else the seconds until the token's next minute begins.
    func admit(_ token: AccessTokenID) -> Int? {
        let seconds = Int64(now().timeIntervalSince1970)
        let minute = seconds / 60
        return windows.withLock { windows in
            if windows.count > 10_000 { windows = windows.filter { $0.value.minute == minute } }
            var window = windows[token] ?? (minute, 0)
            if window.minute != minute { window = (minute, 0) }
            guard window.count < limit else { return Int((minute + 1) * 60 - seconds) }
            window.count += 1
            windows[token] = window
            return nil
        }
    }
}

/// A request's bearer token is unknown, revoked or expired: 401.
struct TokenRejected: Error {}

/// A token made more requests this minute than it may: 429, to be tried again after `retryAfter` seconds.
struct TokenRateLimited: Error {
    let retryAfter: Int
}
