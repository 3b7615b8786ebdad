import Domain
import Foundation
import Logging
import ServiceLifecycle

/// Delivers queued messages through `sender` (SMTP) when one is configured. Without one, delivery means
/// printing the message to the log, which is how a local installation reads its password-reset links.
/// A message the sender could not hand over stays queued and is tried again on the next round, unless the
/// mail server refused it for good: then it is marked failed (which shows a confirmation link as bounced).
public struct OutboxDelivery: Service {
    let outbox: any OutboxRepository
    let sender: (any MessageSender)?
    let logger: Logger
    let interval: Duration

    public init(
        outbox: any OutboxRepository,
        sender: (any MessageSender)? = nil,
        logger: Logger,
        interval: Duration = .seconds(2)
    ) {
        self.outbox = outbox
        self.sender = sender
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await deliverPending()
            } catch {
                logger.error("outbox delivery failed", metadata: ["error": "\(error)"])
            }
            // A graceful shutdown cancels the wait, so the server stops at once instead of after the interval.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Sends (or prints) and marks as sent every pending message; returns how many were delivered.
    @discardableResult
    public func deliverPending() async throws -> Int {
        var delivered = 0
        for message in try await outbox.pending(limit: 50) {
            if let sender {
                do {
                    try await sender.send(message)
                    logger.info("outbox message sent", metadata: ["to": .string(message.recipient)])
                } catch let refusal as UndeliverableMessage {
                    logger.warning(
                        "outbox message refused for good",
                        metadata: ["to": .string(message.recipient), "reply": .string(refusal.reason)])
                    try await outbox.markFailed(message.id, at: Date(), reason: refusal.reason)
                    continue
                } catch {
                    logger.error(
                        "outbox message not sent; will retry",
                        metadata: ["to": .string(message.recipient), "error": "\(error)"])
                    continue
                }
            } else {
                logger.notice(
                    "outbox message",
                    metadata: [
                        "to": .string(message.recipient), "subject": .string(message.subject),
                        "body": .string(message.body),
                    ])
            }
            try await outbox.markSent(message.id, at: Date())
            delivered += 1
        }
        return delivered
    }
}
