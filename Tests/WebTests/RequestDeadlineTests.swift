import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

@testable import Web

@Suite("Slow clients")
struct RequestDeadlineTests {
    func connectedChannel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(RequestDeadlineHandler(limit: .seconds(5)))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8080)).wait()
        return channel
    }

    @Test("a client that never finishes its request is cut off at the limit")
    func slowRequestIsClosed() throws {
        // given a connection that sent only the head of a request
        let channel = try connectedChannel()
        try channel.writeInbound(
            HTTPRequestPart.head(HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/")))
        // when the limit passes without the end of the body
        channel.embeddedEventLoop.advanceTime(by: .seconds(4))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        // then the connection is closed
        #expect(!channel.isActive)
    }

    @Test("a complete request stops the clock while it is being answered; the next one starts it again")
    func completeRequestIsNotCut() throws {
        let channel = try connectedChannel()
        try channel.writeInbound(
            HTTPRequestPart.head(HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/")))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        #expect(channel.isActive)
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .seconds(6))
        #expect(!channel.isActive)
    }

    @Test("an answer sent before the request body ended stops the connection instead of reading the rest")
    func earlyAnswerClosesConnection() throws {
        // given a request whose body is still coming (a 100 MB upload refused with 413)
        let channel = try connectedChannel()
        try channel.writeInbound(
            HTTPRequestPart.head(HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/")))
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "part of a large body")))
        // when the server answers
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .contentTooLarge)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        // then the answer goes out and the connection closes after the short lingering time, not the request limit
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) != nil)
        channel.embeddedEventLoop.advanceTime(by: .seconds(3))
        #expect(!channel.isActive)
    }

    @Test("pipelined requests read to their end are answered on the same connection")
    func pipelinedRequestsStayOpen() throws {
        // given two complete requests sent back to back
        let channel = try connectedChannel()
        for _ in 0..<2 {
            try channel.writeInbound(
                HTTPRequestPart.head(HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/")))
            try channel.writeInbound(HTTPRequestPart.end(nil))
        }
        // when the first is answered
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .seconds(3))
        // then the connection stays open for the second
        #expect(channel.isActive)
    }

    @Test("glibc's malloc_trim is found, so memory freed after a burst of connections goes back to the system")
    func memoryTrimFindsMallocTrim() {
        #expect(MemoryTrim.mallocTrim() != nil)
    }
}
