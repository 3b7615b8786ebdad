import Domain
import Foundation
import Testing

@testable import Web

@Suite("Translation catalogs")
struct CatalogTests {
    static let catalogs = try! Catalog.bundled()
    static var english: Catalog { catalogs[.english]! }

    /// The package's root folder, for reading the sources and locale files as they are in the repository.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every locale file but English's, by language code: `Sources/Web/Resources/locales/<code>.json`.
    static let otherLocales: [String] = {
        let folder = root.appendingPathComponent("Sources/Web/Resources/locales")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter { $0 != "en" }.sorted()
    }()

    @Test("every locale file is a catalog the application loads")
    func everyLocaleIsLoaded() {
        #expect(Set(["fi", "sv", "ar"]).isSubset(of: Self.otherLocales))
        #expect(Set(Self.otherLocales + ["en"]) == Set(Catalog.uiLanguages.map(\.rawValue)))
        #expect(Set(Self.catalogs.keys) == Set(Catalog.uiLanguages))
    }

    @Test("every locale has exactly the keys of en.json", arguments: otherLocales)
    func keysAreComplete(code: String) throws {
        let catalog = try #require(Self.catalogs[LanguageCode(code)!])
        let missing = Set(Self.english.entries.keys).subtracting(catalog.entries.keys)
        let unknown = Set(catalog.entries.keys).subtracting(Self.english.entries.keys)
        #expect(missing.isEmpty, "missing in \(code): \(missing.sorted())")
        #expect(unknown.isEmpty, "keys in \(code) but not in English: \(unknown.sorted())")
        print("catalog \(code): \(Self.english.entries.count) keys of en.json checked for presence")
    }

    @Test(
        "every translation has the English placeholders, and plural forms where English has them",
        arguments: otherLocales)
    func placeholdersMatch(code: String) throws {
        let catalog = try #require(Self.catalogs[LanguageCode(code)!])
        var checked = 0
        for (key, english) in Self.english.entries {
            let expected = Self.placeholders(english)
            switch (english, catalog.entries[key]) {
            case (.text, .text(let text)?):
                #expect(Catalog.placeholders(in: text) == expected, "\(code) \(key)")
            case (.plural, .plural(let forms)?):
                #expect(Set(forms.keys) == PluralRules.requiredCategories(language: code), "\(code) \(key) forms")
                for (form, text) in forms {
                    #expect(Catalog.placeholders(in: text) == expected, "\(code) \(key) \(form)")
                }
            case (_, nil):
                Issue.record("\(code) has no \(key)")
            default:
                Issue.record("\(code) \(key) is \(english.isPlural ? "not " : "")plural forms, unlike English")
            }
            checked += 1
        }
        print("catalog \(code): placeholders of \(checked) keys checked against en.json")
    }

    /// Every key literal in Sources (`"plans.kpi.title"`) and every key built from a value
    /// (`"plans.severity.\\(risk.severity.rawValue)"`, expanded with `dynamicKeys`).
    static func keysUsedInSources() throws -> (literal: Set<String>, built: Set<String>, unlisted: Set<String>) {
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        // A key starts with a namespace of en.json or with a feature folder's name, so a new feature is checked too.
        let folders = ["Domain", "Web"].flatMap { layer in
            (try? FileManager.default.contentsOfDirectory(atPath: sources.appendingPathComponent(layer).path)) ?? []
        }
        let namespaces = Set(Self.english.entries.keys.map { String($0.prefix { $0 != "." }) })
            .union(folders.map { $0.lowercased() }).sorted().joined(separator: "|")
        let literal = try NSRegularExpression(pattern: #""((?:"# + namespaces + #")\.[a-z0-9_.]+)""#)
        let built = try NSRegularExpression(pattern: #""((?:"# + namespaces + #")\.[a-z0-9_.]*)\\\("#)
        var literals = Set<String>()
        var prefixes = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for match in literal.matches(in: text, range: range) {
                literals.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
            for match in built.matches(in: text, range: range) {
                prefixes.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        let expanded = prefixes.flatMap { prefix in (dynamicKeys[prefix] ?? []).map { prefix + $0 } }
        return (literals, Set(expanded), prefixes.subtracting(dynamicKeys.keys))
    }

    @Test("every key the code uses exists in en.json")
    func usedKeysExist() throws {
        let used = try Self.keysUsedInSources()
        #expect(used.literal.count > 1_000)
        #expect(
            used.unlisted.isEmpty, "keys built from values with no list in CatalogTests.dynamicKeys: \(used.unlisted)")
        let missing = used.literal.union(used.built).filter { Self.english.entries[$0] == nil }
        #expect(missing.isEmpty, "keys used but not in en.json: \(missing.sorted())")
        print(
            "catalog: \(used.literal.count) key literals and \(used.built.count) keys built from values in Sources"
                + " checked against en.json")
    }

    @Test("every key of en.json is used by the code")
    func everyKeyIsUsed() throws {
        let used = try Self.keysUsedInSources()
        let unused = Set(Self.english.entries.keys).subtracting(used.literal).subtracting(used.built)
        #expect(unused.isEmpty, "keys in en.json that no code uses: \(unused.sorted())")
        let total = Self.english.entries.count
        print("catalog: \(total - unused.count) of \(total) keys of en.json used by the code")
    }

    /// Keys the code builds from a value, by prefix, with every value the prefix takes.
    static let dynamicKeys: [String: [String]] = [
        "accounts.tokens.scope.": AccessToken.Scope.allCases.map(\.rawValue),
        "consent.purpose.": [Consent.accountPurpose],
        "directory.activities.group.": Activity.TargetGroup.allCases.map(\.rawValue),
        "directory.activities.kind.": Activity.Kind.allCases.map(\.rawValue),
        "directory.activities.repeat.": ScheduleInput.Repeat.allCases.map(\.rawValue),
        "directory.activities.status.": Activity.Status.allCases.map(\.rawValue),
        "directory.bookings.status.": Booking.Status.allCases.map(\.rawValue),
        "directory.events.kind.": Domain.Event.Kind.allCases.map(\.rawValue),
        "directory.events.registration_status.": Registration.Status.allCases.map(\.rawValue),
        "directory.events.sector.": Attendance.Sector.allCases.map(\.rawValue),
        "directory.events.status.": Domain.Event.Status.allCases.map(\.rawValue),
        "directory.month.": (1...12).map(String.init),
        "directory.places.accessibility.": Place.Accessibility.allCases.map(\.rawValue),
        "directory.places.kind.": Place.Kind.allCases.map(\.rawValue),
        "directory.schedule.position.": ["1", "2", "3", "4", "last"],
        "directory.weekday.": (1...7).map(String.init),
        "matching.email.": ["referred", "withdrawn"].flatMap { [$0, $0 + "_subject"] },
        "matching.mine.status.": Referral.Status.allCases.map(\.rawValue),
        "matching.part.": (0..<3).map(String.init),
        "matching.rounds.status.": MatchingRound.Status.allCases.map(\.rawValue),
        "matching.status.": Referral.Status.allCases.map(\.rawValue),
        "organisations.kind.": Organisation.Kind.allCases.map(\.rawValue),
        "plans.action_status.": PlanAction.Status.allCases.map(\.rawValue),
        "plans.direction.": KPI.Direction.allCases.map(\.rawValue),
        "plans.kpi_period.": KPI.Period.allCases.map(\.rawValue),
        "plans.kpi_status.": KPIStatus.allCases.map(\.rawValue),
        "plans.risk_status.": Risk.Status.allCases.map(\.rawValue),
        "plans.rule.": KPIRule.Name.allCases.map(\.rawValue),
        "plans.scale.": Risk.scale.map(String.init),
        "plans.severity.": Risk.Severity.allCases.map(\.rawValue),
        "plans.target.": KPI.Direction.allCases.map(\.rawValue),
        "roles.kind.": RoleKind.allCases.map(\.rawValue),
        "stakeholders.calls.outcome.": PartnerCall.Outcome.allCases.map(\.rawValue),
        "stakeholders.calls.status.": PartnerCall.Status.allCases.map(\.rawValue),
        "stakeholders.confirm.count.": ConfirmationRequest.Status.allCases.map(\.rawValue),
        "stakeholders.confirm.status.": ConfirmationRequest.Status.allCases.map(\.rawValue),
        "stakeholders.networks.kind.": Network.Kind.allCases.map(\.rawValue),
        "stakeholders.networks.role.": NetworkMembership.Role.allCases.map(\.rawValue),
        "stakeholders.partnerships.kind.": Partnership.Kind.allCases.map(\.rawValue),
        "stakeholders.stale.": StaleReason.allCases.map(\.rawValue),
        "stakeholders.status.": Organisation.Status.allCases.map(\.rawValue),
        "volunteering.email.": (["applied", "withdrawn"] + organisationMoves).flatMap { [$0, $0 + "_subject"] },
        "volunteering.feedback.rating.": (1...5).map(String.init),
        "volunteering.feedback.skills_fit.": VolunteerFeedback.SkillsFit.allCases.map(\.rawValue),
        "volunteering.hours.status.": HoursEntry.Status.allCases.map(\.rawValue),
        "volunteering.ideas.status.": VolunteeringIdea.Status.allCases.map(\.rawValue),
        "volunteering.level.": LanguageSkill.Level.allCases.map(\.rawValue),
        "volunteering.manage.move.": organisationMoves.flatMap { [$0, $0 + "_for"] },
        "volunteering.opportunity_status.": Opportunity.Status.allCases.map(\.rawValue),
        "volunteering.profile.background.": VolunteerProfile.Background.allCases.map(\.rawValue),
        "volunteering.status.": VolunteerApplication.Status.allCases.map(\.rawValue),
    ]

    /// The statuses an organisation moves a volunteer's application to, each with a button and an email.
    static let organisationMoves = VolunteerApplication.Status.allCases.filter { status in
        VolunteerApplication.Status.allCases.contains { $0.organisationMoves.contains(status) }
    }.map(\.rawValue)

    @Test(
        "Arabic plural categories follow CLDR",
        arguments: [(0, "zero"), (1, "one"), (2, "two"), (5, "few"), (11, "many"), (100, "other"), (103, "few")])
    func arabicPlurals(count: Int, category: String) {
        #expect(PluralRules.category(for: count, language: "ar") == category)
    }

    @Test("a translator fills placeholders, picks plural forms, and falls back to English per key")
    func translatorBehaviour() {
        let partial = Catalog(language: .arabic, entries: ["nav.sign_in": .text("تسجيل الدخول")])
        let t = Translator(language: .arabic, catalogs: [.english: Self.english, .arabic: partial])
        #expect(t("nav.sign_in") == "تسجيل الدخول")
        #expect(t("nav.sign_out") == "Sign out")
        let finnish = Translator(language: .finnish, catalogs: Self.catalogs)
        #expect(finnish.plural("city.areas.count", count: 1).hasPrefix("1 "))
        #expect(
            finnish.plural("city.areas.count", count: 37)
                != finnish.plural("city.areas.count", count: 1).replacingOccurrences(of: "1", with: "37"))
        #expect(finnish("areas.title", ["city": "Vantaa"]).contains("Vantaa"))
    }

    static func placeholders(_ entry: Catalog.Entry?) -> Set<String> {
        switch entry {
        case .text(let text)?: return Catalog.placeholders(in: text)
        case .plural(let forms)?: return Catalog.placeholders(in: forms["other"] ?? "")
        case nil: return []
        }
    }
}

extension Catalog.Entry {
    fileprivate var isPlural: Bool {
        if case .plural = self { return true }
        return false
    }
}
