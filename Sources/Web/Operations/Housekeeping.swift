import Domain
import Logging
import ServiceLifecycle

/// Runs periodic clean-up while the server is up: expired sessions and stale sign-in failures.
public struct Housekeeping: Service {
    let accounts: AccountUseCases
    let logger: Logger
    let interval: Duration

    public init(accounts: AccountUseCases, logger: Logger, interval: Duration = .seconds(3600)) {
        self.accounts = accounts
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await accounts.pruneExpired()
            } catch {
                logger.error("housekeeping failed", metadata: ["error": "\(error)"])
            }
            // A graceful shutdown cancels the wait, so the server stops at once instead of after the interval.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
