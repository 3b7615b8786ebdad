import Domain
import HummingbirdBcrypt
import NIOPosix

/// bcrypt on the blocking thread pool, so hashing never stalls the event loops that serve requests.
public struct BcryptHasher: PasswordHasher {
    public let cost: UInt8

    /// Cost 12 in production; tests pass a lower cost to stay fast.
    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
