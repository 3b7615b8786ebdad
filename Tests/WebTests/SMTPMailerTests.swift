import Domain
import Foundation
import Logging
import NIOCore
import NIOExtras
import NIOPosix
import Testing

@testable import Web

/// What a fake SMTP server heard.
actor Transcript {
    private(set) var lines: [String] = []
    func add(_ line: String) { lines.append(line) }
}

/// Runs a one-connection SMTP server on 127.0.0.1 that accepts everything, answering `recipientReply` to RCPT.
func withFakeSMTP(
    recipientReply: String = "250 ok",
    _ body: @Sendable (Int, Transcript) async throws -> Void
) async throws {
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    let port = try #require(server.channel.localAddress?.port)
    let transcript = Transcript()
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            try await server.executeThenClose { clients in
                for try await client in clients {
                    try await client.executeThenClose { input, output in
                        func reply(_ text: String) async throws {
                            try await output.write(ByteBuffer(string: text + "\r\n"))
                        }
                        try await reply("220 fake.example ESMTP")
                        var inData = false
                        for try await buffer in input {
                            let line = String(buffer: buffer)
                            await transcript.add(line)
                            if inData {
                                if line == "." {
                                    inData = false
                                    try await reply("250 queued")
                                }
                                continue
                            }
                            switch line.prefix(4) {
                            case "EHLO": try await reply("250-fake.example\r\n250 AUTH PLAIN")
                            case "AUTH": try await reply("235 accepted")
                            case "MAIL": try await reply("250 ok")
                            case "RCPT": try await reply(recipientReply)
                            case "DATA":
                                inData = true
                                try await reply("354 go ahead")
                            case "QUIT":
                                try await reply("221 bye")
                                return
                            default: try await reply("500 unknown")
                            }
                        }
                    }
                    return
                }
            }
        }
        try await body(port, transcript)
        group.cancelAll()
    }
}

@Suite("SMTP delivery")
struct SMTPMailerTests {
    static let message = OutboxMessage(
        recipient: "aino@example.org", subject: "Nollaa salasanasi – Arrival", body: "Hei Aino,\n.\nlinkki",
        createdAt: Date(timeIntervalSince1970: 1_700_000_000))

    @Test("a message is handed over with authentication, an encoded subject and a base64 body")
    func deliversMessage() async throws {
        try await withFakeSMTP { port, transcript in
            let mailer = SMTPMailer(
                host: "127.0.0.1", port: port, username: "arrival", password: "secret", from: "noreply@vantaa.example")
            try await mailer.send(Self.message)
            let lines = await transcript.lines
            #expect(lines.contains("MAIL FROM:<noreply@vantaa.example>"))
            #expect(lines.contains("RCPT TO:<aino@example.org>"))
            #expect(lines.contains("AUTH PLAIN " + Data("\u{0}arrival\u{0}secret".utf8).base64EncodedString()))
            #expect(lines.contains("Subject: =?UTF-8?B?\(Data(Self.message.subject.utf8).base64EncodedString())?="))
            let start = try #require(lines.firstIndex(of: "Content-Transfer-Encoding: base64"))
            let end = try #require(lines.lastIndex(of: "."))
            let encoded = lines[(start + 2)..<end].joined()
            #expect(String(decoding: Data(base64Encoded: encoded) ?? Data(), as: UTF8.self) == Self.message.body)
        }
    }

    @Test("a recipient refused for now (4xx) leaves the message queued for the next round")
    func refusedMessageStaysQueued() async throws {
        try await TestApp.run { app, _ in
            try await app.repositories.outbox.enqueue(Self.message)
            try await withFakeSMTP(recipientReply: "450 mailbox busy") { port, _ in
                let mailer = SMTPMailer(
                    host: "127.0.0.1", port: port, username: nil, password: nil, from: "noreply@vantaa.example")
                let delivery = OutboxDelivery(
                    outbox: app.repositories.outbox, sender: mailer, logger: Logger(label: "test"))
                let delivered = try await delivery.deliverPending()
                #expect(delivered == 0)
            }
            #expect(try await app.repositories.outbox.pending(limit: 10).map(\.id) == [Self.message.id])
        }
    }

    @Test("a recipient refused for good (5xx) is given up, and the confirmation link sent to it reads as bounced")
    func refusedForGood() async throws {
        try await TestApp.run { app, browser in
            try await browser.signIn(.coordinator)
            #expect(try await browser.post("/vantaa/dashboard/confirmation-rounds").status == .seeOther)
            let pending = try await app.repositories.outbox.pending(limit: 100)
            let first = try #require(pending.first)
            try await withFakeSMTP(recipientReply: "550 5.1.1 no such user") { port, _ in
                let mailer = SMTPMailer(
                    host: "127.0.0.1", port: port, username: nil, password: nil, from: "noreply@vantaa.example")
                let delivery = OutboxDelivery(
                    outbox: app.repositories.outbox, sender: FirstOnly(mailer: mailer, id: first.id),
                    logger: Logger(label: "test"))
                let delivered = try await delivery.deliverPending()
                #expect(delivered == pending.count - 1)
            }
            #expect(try await app.repositories.outbox.pending(limit: 100).isEmpty)
            let round = try #require(try await app.repositories.confirmations.rounds(city: app.vantaa.id).first)
            let requests = try await app.repositories.confirmations.requests(round: round.id)
            #expect(requests.filter { $0.status == .bounced }.map(\.messageID) == [first.id])
            let dashboard = try await browser.get("/vantaa/dashboard?lang=en")
            #expect(dashboard.body.contains("link bounced"))
        }
    }

    @Test("without SMTP the message is printed and marked sent")
    func loggedWithoutSMTP() async throws {
        try await TestApp.run { app, _ in
            try await app.repositories.outbox.enqueue(Self.message)
            let delivery = OutboxDelivery(outbox: app.repositories.outbox, logger: Logger(label: "test"))
            #expect(try await delivery.deliverPending() == 1)
            #expect(try await app.repositories.outbox.pending(limit: 10).isEmpty)
        }
    }

    @Test("the relay is read from an smtp:// URL with escaped credentials")
    func readsURL() {
        let mailer = SMTPMailer(url: "smtp://arrival:p%40ss@mail.vantaa.example:587", from: "noreply@vantaa.example")
        #expect(mailer?.host == "mail.vantaa.example")
        #expect(mailer?.port == 587)
        #expect(mailer?.password == "p@ss")
        #expect(SMTPMailer(url: "https://mail.example", from: "x@y.fi") == nil)
    }

    @Test("addresses cannot smuggle SMTP commands")
    func addressesAreSanitised() {
        #expect(SMTPMailer.address("a@b.fi>\r\nRCPT TO:<evil@x.fi") == "a@b.fiRCPTTO:evil@x.fi")
    }
}

/// Sends one message through the real mailer and accepts the rest, so one fake server connection suffices.
struct FirstOnly: MessageSender {
    let mailer: SMTPMailer
    let id: Identifier<OutboxMessage>

    func send(_ message: OutboxMessage) async throws {
        if message.id == id { try await mailer.send(message) }
    }
}
