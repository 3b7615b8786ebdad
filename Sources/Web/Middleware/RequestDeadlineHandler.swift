import NIOCore
import NIOHTTPTypes

/// Closes a connection that has not delivered a complete request (head and body) within `limit`
/// of becoming ready for one: at connection start and after each response. This cuts off clients
/// that trickle headers or bodies (slowloris) even though each byte resets an idle timer.
///
/// It also ends a connection whose response went out before its request was read to the end (a refused
/// 100 MB body, an error): the server sends its answer, stops sending (FIN) so the client sees the answer,
/// and closes the connection `lingering` later instead of reading and discarding the rest of the body.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let limit: TimeAmount
    let lingering: TimeAmount
    private var deadline: Scheduled<Void>?
    /// Requests read to their end, and responses finished, on this connection (pipelined requests may be ahead).
    private var requestsRead = 0
    private var responsesSent = 0

    init(limit: TimeAmount, lingering: TimeAmount = .seconds(2)) {
        self.limit = limit
        self.lingering = lingering
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            requestsRead += 1
            disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        responsesSent += 1
        // The request this response answers was read to its end.
        guard requestsRead < responsesSent else {
            arm(context)
            context.write(data, promise: promise)
            return
        }
        disarm()
        let written = promise ?? context.eventLoop.makePromise()
        context.write(data, promise: written)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let lingering = lingering
        written.futureResult.whenComplete { _ in
            let context = bound.value
            context.close(mode: .output, promise: nil)
            context.eventLoop.scheduleTask(in: lingering) { bound.value.close(promise: nil) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    private func arm(_ context: ChannelHandlerContext) {
        disarm()
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: limit) { bound.value.close(promise: nil) }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}
