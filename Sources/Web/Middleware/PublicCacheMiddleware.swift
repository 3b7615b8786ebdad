import Domain
import Hummingbird
import Metrics
import NIOCore

/// Answers anonymous visitors' requests for the directory's listings from `PublicResponseCache`, and empties it,
/// with the use cases' `RankingCache`, around every request that may write.
///
/// Only what is the same for every anonymous visitor is kept: a 200 answer to a GET without a session, a flash
/// message or a conditional header, that sets no cookie and does not carry the visitor's CSRF token. Signed-in
/// people always get a fresh answer (they may see drafts and their own registrations).
///
/// This is the last middleware, so `routes` given the context it was given compute what `next` would.
struct PublicCacheMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let cache: PublicResponseCache
    /// The routes without this or any other middleware: what recomputes an answer past its lifetime.
    let routes: RouterResponder<AppRequestContext>
    /// The order of the activity listings, which the use cases keep as long as this keeps pages.
    let rankings: RankingCache
    let hits = Counter(label: "arrival_public_cache_requests", dimensions: [("result", "hit")])
    let misses = Counter(label: "arrival_public_cache_requests", dimensions: [("result", "miss")])
    /// Given an answer past its lifetime, and had it recomputed in the background.
    let refreshes = Counter(label: "arrival_public_cache_requests", dimensions: [("result", "refresh")])

    /// Whether the route table lets the matched endpoint's answers be kept: What's on, events and places, as
    /// pages and through the API.
    static func isCacheable(_ context: AppRequestContext) -> Bool {
        context.endpointPath.flatMap(Endpoint.init(matched:))?.keptForVisitors ?? false
    }

    func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard cache.isEnabled else { return try await next(request, context) }
        guard [.get, .head, .options].contains(request.method) else {
            await forget()
            do {
                let response = try await next(request, context)
                await forget()
                return response
            } catch {
                await forget()
                throw error
            }
        }
        guard request.method == .get, context.actor == nil, context.flash == nil,
            request.headers[.ifNoneMatch] == nil, request.headers[.ifModifiedSince] == nil,
            Self.isCacheable(context)
        else { return try await next(request, context) }
        let key = PublicResponseCache.Key(
            uri: request.uri.description, language: context.language, explicitLanguage: context.languageIsExplicit)
        switch await cache.lookup(key) {
        case .kept(let response):
            hits.increment()
            return response
        case .refresh(let old):
            refreshes.increment()
            // The visitor gets the old answer now; the new one is computed by the routes alone, as `next` would,
            // in a task of its own that the cache's `maxRefreshes` bounds.
            let generation = cache.generation
            let again = Request(head: request.head, body: .init(buffer: ByteBuffer()))
            Task {
                _ = try? await keep(key, generation: generation, context: context) {
                    try await routes.respond(to: again, context: context)
                }
            }
            return old
        case .compute:
            misses.increment()
            return try await keep(key, generation: cache.generation, context: context) {
                try await next(request, context)
            }
        case .computeAlone:
            misses.increment()
            return try await next(request, context)
        }
    }

    /// Drops every kept answer and listing order: something may change.
    func forget() async {
        cache.invalidate()
        await rankings.forget()
    }

    /// Computes an answer with `respond`, keeps it if it is the same for every anonymous visitor, and ends the
    /// cache's `compute` of `key` either way.
    func keep(
        _ key: PublicResponseCache.Key, generation: UInt64, context: AppRequestContext,
        respond: () async throws -> Response
    ) async throws -> Response {
        do {
            var response = try await respond()
            guard response.status == .ok, response.headers[.setCookie] == nil else {
                cache.finish(key, keeping: nil, generation: generation)
                return response
            }
            let body = try await Self.collect(response.body)
            response.body = .init(byteBuffer: body)
            // A page with a form carries the visitor's own CSRF token: it is theirs alone.
            let keepable = context.csrfToken.isEmpty || !String(buffer: body).contains(context.csrfToken)
            cache.finish(
                key, keeping: keepable ? (response.status, response.headers, body) : nil, generation: generation)
            return response
        } catch {
            cache.finish(key, keeping: nil, generation: generation)
            throw error
        }
    }

    /// The whole body of an answer, which handlers here write in one or a few buffers.
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collector = Collector()
        try await body.write(collector)
        return collector.buffer
    }

    /// A body writer that keeps what is written.
    final class Collector: ResponseBodyWriter, @unchecked Sendable {
        var buffer = ByteBuffer()

        func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            self.buffer.writeBuffer(&buffer)
        }

        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
