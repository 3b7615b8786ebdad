import Domain
import Foundation
import Storage

/// Small builders for records the contracts need.
enum Fixtures {
    static func city(slug: String = "vantaa") -> City {
        City(
            slug: slug, name: LocalizedText(original: "Vantaa", in: .finnish), timeZone: "Europe/Helsinki",
            defaultLanguage: .finnish, languages: [.finnish, .swedish, .english, .arabic])
    }

    static func person(email: String = "aino@example.org") -> Person {
        Person(
            email: email, displayName: "Aino", passwordHash: "hash", preferredLanguage: .finnish,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func consent(for person: Person) -> Consent {
        Consent(
            personID: person.id, purpose: Consent.accountPurpose, textVersion: "v1",
            givenAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func area(_ code: String, population: Int, year: Int = 2026, share: Double? = 20.5) -> AreaRecord {
        AreaRecord(
            code: code, names: [.finnish: "Alue \(code)", .swedish: "Område \(code)"], municipality: "092",
            year: year, population: population, foreignLanguageShare: share, geometry: nil)
    }

    @discardableResult
    static func storedCity(_ repositories: SQLRepositories, slug: String = "vantaa") async throws -> City {
        let city = city(slug: slug)
        try await repositories.cities.create(city)
        return city
    }

    @discardableResult
    static func storedPerson(_ repositories: SQLRepositories, email: String = "aino@example.org") async throws -> Person
    {
        let person = person(email: email)
        try await repositories.persons.create(person, consent: consent(for: person))
        return person
    }
}

extension Fixtures {
    static func organisation(
        _ name: String,
        city: CityID,
        kind: Organisation.Kind = .ngo,
        languages: [LanguageCode] = [.finnish],
        areas: [AreaID] = []
    ) -> Organisation {
        Organisation(
            cityID: city, kind: kind, name: LocalizedText(original: name, in: .finnish),
            description: LocalizedText(original: "Kuvaus", in: .finnish), languages: languages, areaIDs: areas,
            website: "https://example.org", email: "info@example.org", status: .active,
            lastConfirmedAt: Date(timeIntervalSince1970: 1_700_000_000),
            createdAt: Date(timeIntervalSince1970: 1_690_000_000))
    }
}
