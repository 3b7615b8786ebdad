import Domain
import Foundation
import Hummingbird
import NIOCore
import Synchronization
import Testing

@testable import Web

@Suite("Public listings kept for anonymous visitors")
struct PublicCacheTests {
    static let cached = AppConfig(
        maxBodyBytes: 64 * 1024, publicURL: "https://arrival.example", publicCacheSeconds: 600)

    /// Publishes an activity straight through storage, as another process would: the server is not told.
    static func publishBehindTheServersBack(_ app: TestApp, title: String) async throws {
        let cafe = try await ActivitiesRoutesTests.activity(app, finnishTitle: "Kielikahvila Tikkurilassa")
        try await app.repositories.activities.save(
            Activity(
                cityID: app.vantaa.id, organisationID: cafe.organisationID, kind: .club,
                title: LocalizedText(original: title, in: .english), createdAt: Date()))
    }

    @Test("an anonymous listing is kept until a write, and signed-in people always get it fresh")
    func keptUntilAWrite() async throws {
        try await TestApp.run(config: Self.cached) { app, browser in
            // given an anonymous visitor has seen the search, on the page and through the API
            let page = "/vantaa/activities?lang=en&q=zebra"
            let api = "/api/v1/cities/vantaa/activities?q=zebra"
            #expect(!(try await browser.get(page).body.contains("Zebra crossing club")))
            #expect(!(try await browser.get(api).body.contains("Zebra crossing club")))
            // when an activity appears without the server knowing
            try await Self.publishBehindTheServersBack(app, title: "Zebra crossing club")
            // then anonymous visitors get the kept answers
            #expect(!(try await browser.get(page).body.contains("Zebra crossing club")))
            #expect(!(try await browser.get(api).body.contains("Zebra crossing club")))
            // and other listings, and the same one in another language, are answered fresh
            #expect(try await browser.get("/vantaa/activities?lang=fi&q=zebra").body.contains("Zebra crossing club"))
            // when someone signs in (a write): the kept answers are dropped
            try await browser.signIn(.organisationEditor)
            #expect(try await browser.get(page).body.contains("Zebra crossing club"))
            // a signed-in editor is never answered from what was kept
            try await Self.publishBehindTheServersBack(app, title: "Zebra stripes choir")
            #expect(try await browser.get(page).body.contains("Zebra stripes choir"))
            // an anonymous visitor again: fresh after the sign-in, then kept
            browser.setCookie(SessionMiddleware.sessionCookie, nil)
            #expect(try await browser.get(page).body.contains("Zebra stripes choir"))
            #expect(try await browser.get(api).body.contains("Zebra stripes choir"))
            try await Self.publishBehindTheServersBack(app, title: "Zebra dance evening")
            #expect(!(try await browser.get(page).body.contains("Zebra dance evening")))
            #expect(!(try await browser.get(api).body.contains("Zebra dance evening")))
            // when any request that may write arrives, even one that is refused
            let refused = try await browser.post("/vantaa/activities/new", [("title_en", "")])
            #expect(refused.status != .ok)
            // then the next anonymous visitor sees the change
            #expect(try await browser.get(page).body.contains("Zebra dance evening"))
            #expect(try await browser.get(api).body.contains("Zebra dance evening"))
        }
    }

    @Test("without the setting nothing is kept")
    func offByDefault() async throws {
        try await TestApp.run { app, browser in
            let page = "/vantaa/activities?lang=en&q=zebra"
            #expect(!(try await browser.get(page).body.contains("Zebra crossing club")))
            try await Self.publishBehindTheServersBack(app, title: "Zebra crossing club")
            #expect(try await browser.get(page).body.contains("Zebra crossing club"))
        }
    }

    @Test(
        "only the directory's listings are kept",
        arguments: [
            (Route.activities("vantaa"), true), (.events("vantaa"), true), (.places("vantaa"), true),
            (.apiActivities("vantaa"), true), (.apiPlaces("vantaa"), true), (.apiEvents("vantaa"), true),
            (.newActivity("vantaa"), false), (.myVolunteering("vantaa"), false), (.apiCity("vantaa"), false),
            (.apiOrganisations("vantaa"), false), (.city("vantaa"), false), (.activitiesCalendar("vantaa"), false),
        ])
    func cacheableRoutes(route: Route, kept: Bool) {
        #expect(route.endpoint.keptForVisitors == kept)
        #expect(Endpoint(matched: route.endpoint.routerDescription) == route.endpoint)
    }

    /// A clock tests move by hand.
    final class Clock: Sendable {
        let moment = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        func advance(_ seconds: TimeInterval) { moment.withLock { $0 += seconds } }
        func now() -> Date { moment.withLock { $0 } }
    }

    static func key(_ uri: String) -> PublicResponseCache.Key {
        .init(uri: uri, language: .english, explicitLanguage: false)
    }

    static func body(_ size: Int) -> ByteBuffer { ByteBuffer(repeating: 0x61, count: size) }

    @Test("a kept answer is not given as fresh once it is as old as its lifetime")
    func lifetime() {
        let clock = Clock()
        let cache = PublicResponseCache(lifetime: 10, now: { clock.now() })
        cache.store(Self.key("/a"), status: .ok, headers: [:], body: Self.body(5), generation: cache.generation)
        clock.advance(9)
        #expect(cache.response(for: Self.key("/a")) != nil)
        clock.advance(1)
        #expect(cache.response(for: Self.key("/a")) == nil)
    }

    @Test("an answer computed while something was written is not kept")
    func generation() {
        let cache = PublicResponseCache(lifetime: 10)
        let before = cache.generation
        cache.invalidate()
        cache.store(Self.key("/a"), status: .ok, headers: [:], body: Self.body(5), generation: before)
        #expect(cache.response(for: Self.key("/a")) == nil)
        cache.store(Self.key("/a"), status: .ok, headers: [:], body: Self.body(5), generation: cache.generation)
        #expect(cache.response(for: Self.key("/a")) != nil)
    }

    static func isKept(_ lookup: PublicResponseCache.Lookup) -> Bool {
        if case .kept = lookup { return true }
        return false
    }

    static func isRefresh(_ lookup: PublicResponseCache.Lookup) -> Bool {
        if case .refresh = lookup { return true }
        return false
    }

    static func isCompute(_ lookup: PublicResponseCache.Lookup) -> Bool {
        if case .compute = lookup { return true }
        return false
    }

    @Test("requests for an answer being computed wait for it instead of computing it too")
    func oneComputes() async throws {
        let cache = PublicResponseCache(lifetime: 10)
        // given one request computes the answer
        #expect(Self.isCompute(await cache.lookup(Self.key("/a"))))
        let generation = cache.generation
        // when five more ask meanwhile
        let waiting = (0..<5).map { _ in Task { await cache.lookup(Self.key("/a")) } }
        while cache.waiting(for: Self.key("/a")) < 5 { await Task.yield() }
        cache.finish(Self.key("/a"), keeping: (.ok, [:], Self.body(5)), generation: generation)
        // then each gets the computed answer
        for request in waiting { #expect(Self.isKept(await request.value)) }
        // and when a computed answer cannot be kept, the waiting requests compute their own
        #expect(Self.isCompute(await cache.lookup(Self.key("/b"))))
        let alone = Task { await cache.lookup(Self.key("/b")) }
        while cache.waiting(for: Self.key("/b")) < 1 { await Task.yield() }
        cache.finish(Self.key("/b"), keeping: nil, generation: generation)
        guard case .computeAlone = await alone.value else {
            Issue.record("a request waiting for an answer that was not kept must compute its own")
            return
        }
    }

    @Test("an answer past its lifetime is recomputed once while every request gets it a while longer")
    func staleWhileRecomputed() async {
        let clock = Clock()
        let cache = PublicResponseCache(lifetime: 10, now: { clock.now() })
        cache.store(Self.key("/a"), status: .ok, headers: [:], body: Self.body(5), generation: cache.generation)
        clock.advance(12)
        // the first request after the lifetime gets the old answer and has it recomputed; so does the next one
        #expect(Self.isRefresh(await cache.lookup(Self.key("/a"))))
        #expect(Self.isKept(await cache.lookup(Self.key("/a"))))
        // but not once it is two lifetimes old: then it waits
        clock.advance(10)
        let late = Task { await cache.lookup(Self.key("/a")) }
        while cache.waiting(for: Self.key("/a")) < 1 { await Task.yield() }
        cache.finish(Self.key("/a"), keeping: (.ok, [:], Self.body(7)), generation: cache.generation)
        #expect(Self.isKept(await late.value))
        #expect(cache.size.bytes == 7)
    }

    @Test("answers past their lifetime are recomputed a few at a time, and the rest are given old meanwhile")
    func fewRefreshesAtOnce() async {
        let clock = Clock()
        let cache = PublicResponseCache(lifetime: 10, maxRefreshes: 2, now: { clock.now() })
        for uri in ["/a", "/b", "/c"] {
            cache.store(Self.key(uri), status: .ok, headers: [:], body: Self.body(5), generation: cache.generation)
        }
        // given all three expire together
        clock.advance(12)
        // when they are asked for, all are given old and two are recomputed
        #expect(Self.isRefresh(await cache.lookup(Self.key("/a"))))
        #expect(Self.isRefresh(await cache.lookup(Self.key("/b"))))
        #expect(Self.isKept(await cache.lookup(Self.key("/c"))))
        // then once one is done, the third is recomputed after the next request for it
        cache.finish(Self.key("/a"), keeping: (.ok, [:], Self.body(5)), generation: cache.generation)
        #expect(Self.isRefresh(await cache.lookup(Self.key("/c"))))
        // and an answer never kept is computed at once, however many are being recomputed
        #expect(Self.isCompute(await cache.lookup(Self.key("/d"))))
    }

    @Test("past its size the least recently used answers go first, and one too large is never kept")
    func sizeLimit() {
        let cache = PublicResponseCache(lifetime: 10, maxBytes: 1_600)
        for uri in ["/a", "/b", "/c"] {
            cache.store(Self.key(uri), status: .ok, headers: [:], body: Self.body(60), generation: cache.generation)
        }
        // a one-sixteenth share of the budget is the largest answer kept
        cache.store(Self.key("/big"), status: .ok, headers: [:], body: Self.body(101), generation: cache.generation)
        #expect(cache.response(for: Self.key("/big")) == nil)
        #expect(cache.size.bytes == 180)
        _ = cache.response(for: Self.key("/a"))
        for index in 0..<25 {
            cache.store(
                Self.key("/fill\(index)"), status: .ok, headers: [:], body: Self.body(60), generation: cache.generation)
        }
        #expect(cache.size.bytes <= 1_600)
        #expect(cache.response(for: Self.key("/b")) == nil)
        #expect(cache.response(for: Self.key("/a")) != nil)
        #expect(cache.response(for: Self.key("/fill24")) != nil)
    }

    /// Numbered answers of a listing; while `held`, a new one is not given.
    final class Answers: Sendable {
        let state = Mutex((given: 0, held: false))
        func hold(_ held: Bool) { state.withLock { $0.held = held } }
        var given: Int { state.withLock { $0.given } }

        func next() async throws -> String {
            let number = state.withLock { state in
                state.given += 1
                return state.given
            }
            while state.withLock({ $0.held }) { try await Task.sleep(for: .milliseconds(1)) }
            return "answer \(number)"
        }
    }

    @Test(
        "a visitor is given an answer past its lifetime at once while it is recomputed apart",
        .timeLimit(.minutes(1)))
    func refreshedApart() async throws {
        // given the cache in front of a listing whose answers are numbered
        let clock = Clock()
        let cache = PublicResponseCache(lifetime: 10, now: { clock.now() })
        let answers = Answers()
        func listing(on router: Router<AppRequestContext>) {
            router.get(.activities) { _, _ in try await answers.next() }
        }
        let routes = Router(context: AppRequestContext.self)
        listing(on: routes)
        let router = Router(context: AppRequestContext.self)
        router.add(
            middleware: PublicCacheMiddleware(cache: cache, routes: routes.buildResponder(), rankings: RankingCache()))
        listing(on: router)
        try await Application(router: router).test(.router) { client in
            func answer() async throws -> String {
                String(buffer: try await client.execute(uri: "/vantaa/activities", method: .get).body)
            }
            #expect(try await answer() == "answer 1")
            #expect(try await answer() == "answer 1")
            // when it is past its lifetime and a new answer takes as long as the test holds it
            clock.advance(12)
            answers.hold(true)
            // then visitors get the old answer without waiting, and one new answer is being computed
            #expect(try await answer() == "answer 1")
            #expect(try await answer() == "answer 1")
            while answers.given < 2 { try await Task.sleep(for: .milliseconds(1)) }
            // and once it is computed, it is kept and given
            answers.hold(false)
            while cache.response(for: Self.key("/vantaa/activities")) == nil {
                try await Task.sleep(for: .milliseconds(1))
            }
            #expect(try await answer() == "answer 2")
            #expect(answers.given == 2)
        }
    }
}
