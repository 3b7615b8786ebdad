import Domain
import Logging
import ServiceLifecycle

/// Runs periodic clean-up while the server is up: expired sessions and stale sign-in failures, and volunteers'
/// engagements whose required training has expired (suspended, with a message to the volunteer).
public struct Housekeeping: Service {
    let services: AppServices
    let config: AppConfig
    let logger: Logger
    let interval: Duration

    public init(services: AppServices, config: AppConfig, logger: Logger, interval: Duration = .seconds(3600)) {
        self.services = services
        self.config = config
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await runOnce()
            } catch {
                logger.error("housekeeping failed", metadata: ["error": "\(error)"])
            }
            // A graceful shutdown cancels the wait, so the server stops at once instead of after the interval.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One round of clean-up; returns how many engagements were suspended.
    @discardableResult
    public func runOnce() async throws -> Int {
        try await services.accounts.pruneExpired()
        var suspended = 0
        for city in try await services.cityUseCases.list() {
            suspended += try await services.volunteerManagement.suspendExpired(
                city: city, notice: VolunteeringText.notice(services: services, config: config, city: city))
        }
        if suspended > 0 { logger.info("engagements suspended", metadata: ["count": "\(suspended)"]) }
        return suspended
    }
}
