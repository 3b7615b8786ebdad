import Foundation

/// Activities: "What's on" with search and filters, one activity with its next dates, describing an activity
/// (its organisation's editors or coordinators), and the city's categories (city admins).
public struct ActivityUseCases: Sendable {
    var activities: any ActivityRepository
    var organisations: any OrganisationRepository
    var areas: any AreaRepository
    var places: any PlaceRepository
    public var now: @Sendable () -> Date
    public var counts: CountCache
    public var rankings: RankingCache

    public init(
        activities: any ActivityRepository, organisations: any OrganisationRepository, areas: any AreaRepository,
        places: any PlaceRepository, counts: CountCache = CountCache(), rankings: RankingCache = RankingCache(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.counts = counts
        self.rankings = rankings
        self.activities = activities
        self.organisations = organisations
        self.areas = areas
        self.places = places
        self.now = now
    }

    /// One entry of a listing: the activity and its next occurrence in the asked period.
    public struct Listed: Hashable, Sendable {
        public var activity: Activity
        public var next: Schedule.Occurrence?
    }

    /// A page of a listing; `total` is exact when no day range is asked, else `nil` (only `hasMore` is known).
    public struct Page: Hashable, Sendable {
        public var items: [Listed]
        public var offset: Int
        public var total: Int?
        public var hasMore: Bool

        public init(items: [Listed], offset: Int, total: Int?, hasMore: Bool) {
            self.items = items
            self.offset = offset
            self.total = total
            self.hasMore = hasMore
        }
    }

    /// The directory: activities matching the query, `limit` from `offset`. With a day range, only activities
    /// that really take place on one of its days (worked out from their schedules) are kept. With `keptOrder`,
    /// the listing's order may come from `rankings` (for anonymous visitors, who are given kept pages too).
    public func whatsOn(
        _ query: ActivityQuery, city: City, offset: Int, limit: Int, keptOrder: Bool = false
    ) async throws -> Page {
        let zone = Self.timeZone(city)
        var query = query
        query.notEndedBefore = query.notEndedBefore ?? CalendarDay(now(), in: zone)
        let from = query.from.flatMap { Schedule.moment($0, minutes: 0, in: zone) } ?? now()
        let until =
            query.through.flatMap { Schedule.moment($0.adding(days: 1), minutes: 0, in: zone) }
            ?? from.addingTimeInterval(366 * 86_400)
        guard query.from != nil || query.through != nil else {
            let found =
                keptOrder
                ? try await ranked(query, offset: offset, limit: limit + 1)
                : try await activities.search(query, offset: offset, limit: limit + 1)
            let items = found.prefix(limit).map {
                Listed(activity: $0, next: $0.schedule?.next(after: now(), in: zone))
            }
            var total = await counts.count(query, now: now())
            if total == nil {
                total = try await activities.count(query)
                await counts.store(total!, for: query, now: now())
            }
            return Page(items: Array(items), offset: offset, total: total, hasMore: found.count > limit)
        }
        // Storage has kept those whose first and last days enclose part of the range; scan them in batches.
        var matched: [Listed] = []
        var scanned = 0
        let batch = max(100, limit * 4)
        while matched.count <= offset + limit {
            let found = try await activities.search(query, offset: scanned, limit: batch)
            for activity in found {
                guard let schedule = activity.schedule else { continue }
                if let next = schedule.occurrences(from: from, until: until, in: zone, limit: 1).first {
                    matched.append(Listed(activity: activity, next: next))
                }
            }
            scanned += found.count
            if found.count < batch { break }
        }
        let items = Array(matched.dropFirst(offset).prefix(limit))
        return Page(items: items, offset: offset, total: nil, hasMore: matched.count > offset + limit)
    }

    /// `limit` activities of a listing from `offset`. Within the first `RankingCache.reach`, the listing's order
    /// is kept a while, `RankingCache.span` ids at a time, and only the asked activities are read.
    func ranked(_ query: ActivityQuery, offset: Int, limit: Int) async throws -> [Activity] {
        let offset = max(0, offset)
        let through = offset.addingReportingOverflow(max(0, limit))
        guard rankings.isEnabled, !through.overflow, through.partialValue <= RankingCache.reach else {
            return try await activities.search(query, offset: offset, limit: limit)
        }
        let ids: [ActivityID]
        if let kept = await rankings.ids(query, through: through.partialValue, now: now()) {
            ids = kept
        } else {
            let generation = await rankings.generation
            let spans = max(1, (through.partialValue + RankingCache.span - 1) / RankingCache.span)
            let span = min(RankingCache.reach, spans * RankingCache.span)
            ids = try await activities.searchIDs(query, offset: 0, limit: span)
            await rankings.store(ids, complete: ids.count < span, for: query, generation: generation, now: now())
        }
        return try await activities.find(ids: Array(ids.dropFirst(offset).prefix(limit)))
    }

    /// One activity of the city. Drafts and archived ones only for those who may edit them.
    public func activity(actor: Actor?, city: CityID, id: ActivityID) async throws -> Activity {
        guard let activity = try await activities.find(id: id), activity.cityID == city else { throw NotFound() }
        guard activity.status == .published || Self.mayEdit(actor, city: city, activity) else { throw NotFound() }
        return activity
    }

    /// The dates of an activity from now on, at most `limit`.
    public func upcoming(_ activity: Activity, city: City, limit: Int) -> [Schedule.Occurrence] {
        activity.schedule?.occurrences(
            from: now(), until: now().addingTimeInterval(2 * 366 * 86_400), in: Self.timeZone(city), limit: limit)
            ?? []
    }

    /// The organisation's editors and coordinators describe an activity.
    public static func mayEdit(_ actor: Actor?, city: CityID, _ activity: Activity) -> Bool {
        Authorization.allows(actor, .editOrganisation(city, activity.organisationID))
    }

    /// The organisations the actor may post activities for: every active one for coordinators, else those they
    /// edit.
    public func organisationsActing(for actor: Actor?, city: CityID) async throws -> [Organisation] {
        try await organisations.acting(for: actor, city: city)
    }

    /// What an activity form may choose from.
    public func choices(actor: Actor?, city: CityID, keeping activity: Activity? = nil) async throws
        -> ActivityInput.Choices
    {
        var organisations = Set(try await organisationsActing(for: actor, city: city).map(\.id))
        if let activity { organisations.insert(activity.organisationID) }
        let areas = try await areas.list(city: city)
        return ActivityInput.Choices(
            organisations: organisations,
            categoriesByCode: Dictionary(
                try await activities.categories(city: city).map { ($0.code, $0.id) },
                uniquingKeysWith: { first, _ in first }),
            areasByCode: Dictionary(areas.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first }),
            places: Set(try await places.list(city: city).map(\.id)))
    }

    /// Adds or changes an activity. Its organisation must be one the actor edits, before and after.
    @discardableResult
    public func save(actor: Actor?, city: City, id: ActivityID? = nil, input: ActivityInput) async throws -> Activity {
        let existing = try await id.asyncMap { try await self.activity(actor: actor, city: city.id, id: $0) }
        if let existing { guard Self.mayEdit(actor, city: city.id, existing) else { throw NotPermitted() } }
        let choices = try await choices(actor: actor, city: city.id, keeping: existing)
        guard !choices.organisations.isEmpty else { throw NotPermitted() }
        var activity =
            existing
            ?? Activity(
                cityID: city.id, organisationID: choices.organisations.first!, kind: .other, title: .init(),
                createdAt: now())
        try input.apply(to: &activity, choices: choices, original: city.defaultLanguage)
        guard Self.mayEdit(actor, city: city.id, activity) else { throw NotPermitted() }
        activity.updatedAt = now()
        try await activities.save(activity)
        await counts.forget()
        await rankings.forget()
        return activity
    }

    public func categories(city: CityID) async throws -> [Category] {
        try await activities.categories(city: city).sorted { ($0.position, $0.code) < ($1.position, $1.code) }
    }

    /// Adds or renames a category (city admins). The code is kept once given, because links and feeds use it.
    @discardableResult
    public func saveCategory(
        actor: Actor?, city: City, id: CategoryID? = nil, input: CategoryInput
    ) async throws -> Category {
        guard Authorization.allows(actor, .manageRoles(city.id)) else { throw NotPermitted() }
        let existing = try await categories(city: city.id)
        var category: Category
        if let id {
            guard let found = existing.first(where: { $0.id == id }) else { throw NotFound() }
            category = found
        } else {
            category = Category(cityID: city.id, code: "", name: .init(), position: existing.count + 1)
        }
        try input.apply(
            to: &category, taken: Set(existing.filter { $0.id != id }.map(\.code)), original: city.defaultLanguage)
        try await activities.save(category)
        return category
    }

    /// Writes the default taxonomy for a city that has none yet.
    public func seedCategories(city: CityID) async throws {
        guard try await activities.categories(city: city).isEmpty else { return }
        for (index, entry) in Category.defaults.enumerated() {
            var name = LocalizedText()
            for (code, text) in entry.names.sorted(by: { $0.key < $1.key }) {
                name.set(text, in: LanguageCode(code)!, status: code == "en" ? .original : .upToDate)
            }
            try await activities.save(Category(cityID: city, code: entry.code, name: name, position: index + 1))
        }
    }

    static func timeZone(_ city: City) -> TimeZone { TimeZone(identifier: city.timeZone) ?? .current }
}

/// A category as typed by a city admin.
public struct CategoryInput: Hashable, Sendable {
    public var code: String
    public var names: [LanguageCode: String]
    public var position: String

    public init(code: String = "", names: [LanguageCode: String] = [:], position: String = "") {
        self.code = code
        self.names = names
        self.position = position
    }

    public func apply(to category: inout Category, taken: Set<String>, original: LanguageCode) throws(ValidationErrors)
    {
        var errors = ValidationErrors()
        let code = category.code.isEmpty ? code.trimmingCharacters(in: .whitespaces).lowercased() : category.code
        errors.require(
            (2...40).contains(code.count)
                && code.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" },
            "directory.errors.category_code.invalid", field: "code")
        errors.require(!taken.contains(code), "directory.errors.category_code.taken", field: "code")
        let names = PartnerCallInput.trimmed(names)
        errors.require(!names.isEmpty, "stakeholders.errors.name.missing", field: "name")
        errors.require(names.values.allSatisfy { $0.count <= 100 }, "stakeholders.errors.name.too_long", field: "name")
        let positionText = position.trimmingCharacters(in: .whitespaces)
        let position = positionText.isEmpty ? category.position : Int(positionText)
        errors.require(
            position.map { (0...1_000).contains($0) } ?? false, "directory.errors.position.invalid", field: "position")
        if !errors.isEmpty { throw errors }
        category.code = code
        category.name = category.name.updated(with: names, original: original)
        category.position = position!
    }
}

/// Reads that pages and the API make beside the use cases above, so that they never reach a repository.
extension ActivityUseCases {
    /// One activity, of any city and any status, for naming it.
    public func activity(id: ActivityID) async throws -> Activity? {
        try await activities.find(id: id)
    }

    /// A page of the activities a query finds, in the listing's order, without keeping it (for exports).
    public func search(_ query: ActivityQuery, offset: Int, limit: Int) async throws -> [Activity] {
        try await activities.search(query, offset: offset, limit: limit)
    }
}
