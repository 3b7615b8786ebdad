import Domain
import Foundation
import NIOCore
import NIOExtras
import NIOPosix

/// Hands messages to an SMTP relay (plain SMTP, optional AUTH PLAIN), for example the local Postfix of
/// the server. Configured by `ARRIVAL_SMTP_URL=smtp://user:password@host:port` and `ARRIVAL_MAIL_FROM`.
public struct SMTPMailer: MessageSender {
    public let host: String
    public let port: Int
    public let username: String?
    public let password: String?
    public let from: String

    public init(host: String, port: Int, username: String?, password: String?, from: String) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.from = from
    }

    /// Reads an `smtp://` URL; `nil` for anything else.
    public init?(url: String, from: String) {
        guard let components = URLComponents(string: url), components.scheme == "smtp", let host = components.host
        else { return nil }
        self.init(
            host: host, port: components.port ?? 25, username: components.user?.removingPercentEncoding,
            password: components.password?.removingPercentEncoding, from: from)
    }

    public func send(_ message: OutboxMessage) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            func expect(_ code: Int) async throws {
                while true {
                    guard let buffer = try await lines.next() else { throw SMTPError.closed }
                    let line = String(buffer: buffer)
                    guard line.count >= 3, let received = Int(line.prefix(3)) else { throw SMTPError.reply(line) }
                    guard received == code else { throw SMTPError.reply(line) }
                    // "250-" continues a multi-line reply, "250 " ends it.
                    if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { return }
                }
            }
            func say(_ text: String) async throws {
                try await outbound.write(ByteBuffer(string: text + "\r\n"))
            }
            try await expect(220)
            try await say("EHLO arrival")
            try await expect(250)
            if let username, let password {
                let credentials = Data("\u{0}\(username)\u{0}\(password)".utf8).base64EncodedString()
                try await say("AUTH PLAIN \(credentials)")
                try await expect(235)
            }
            try await say("MAIL FROM:<\(Self.address(from))>")
            try await expect(250)
            try await say("RCPT TO:<\(Self.address(message.recipient))>")
            do {
                try await expect(250)
            } catch SMTPError.reply(let line) where line.hasPrefix("5") {
                // A permanent refusal of the recipient: trying again will not help.
                throw UndeliverableMessage(reason: line)
            }
            try await say("DATA")
            try await expect(354)
            try await outbound.write(ByteBuffer(string: Self.render(message, from: from)))
            try await say(".")
            try await expect(250)
            try await say("QUIT")
        }
    }

    /// Keeps only characters that can appear in an address, so a value can never inject an SMTP command.
    static func address(_ text: String) -> String {
        text.filter { !$0.isWhitespace && $0 != "<" && $0 != ">" && !$0.isNewline }
    }

    /// The message in RFC 5322 form with a base64 UTF-8 body (so no line can be a lone dot).
    static func render(_ message: OutboxMessage, from: String) -> String {
        let subject = "=?UTF-8?B?\(Data(message.subject.utf8).base64EncodedString())?="
        let body = Data(message.body.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        let date = DateFormatter.rfc5322.string(from: message.createdAt)
        return [
            "From: \(address(from))", "To: \(address(message.recipient))", "Subject: \(subject)", "Date: \(date)",
            "Message-ID: <\(message.id)@arrival>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64", "", body, "",
        ].joined(separator: "\r\n")
    }
}

enum SMTPError: Error, CustomStringConvertible {
    case closed
    case reply(String)

    var description: String {
        switch self {
        case .closed: return "the SMTP server closed the connection"
        case .reply(let line): return "the SMTP server answered: \(line)"
        }
    }
}

extension DateFormatter {
    static let rfc5322: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()
}
