import Foundation

/// Slows down password guessing: too many recent failures for one account or one address locks
/// further attempts until the oldest failure leaves the window.
public struct SignInThrottle: Sendable, Hashable {
    public var window: TimeInterval
    public var perAccount: Int
    public var perAddress: Int

    public init(window: TimeInterval = 15 * 60, perAccount: Int = 5, perAddress: Int = 20) {
        self.window = window
        self.perAccount = perAccount
        self.perAddress = perAddress
    }

    /// The key under which failures for an account are counted.
    public static func accountKey(_ email: String) -> String { "account:" + EmailAddress.normalise(email) }
    /// The key under which failures from one client address are counted.
    public static func addressKey(_ address: String) -> String { "address:" + address }

    /// Whether an attempt is refused, given the failures recorded in the window for the account and the address.
    public func isLocked(accountFailures: Int, addressFailures: Int) -> Bool {
        accountFailures >= perAccount || addressFailures >= perAddress
    }

    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }
}
