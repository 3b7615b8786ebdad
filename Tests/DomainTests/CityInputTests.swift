import Domain
import Testing

@Suite("City input")
struct CityInputTests {
    @Test("good slugs pass", arguments: ["vantaa", "oulu", "fuenlabrada", "den-haag", "x2"])
    func goodSlugs(slug: String) {
        #expect(CitySlug.isValid(slug))
    }

    @Test(
        "bad or reserved slugs fail",
        arguments: ["", "a", "Vantaa", "2cities", "api", "account", "trailing-", "ä", "a b"])
    func badSlugs(slug: String) {
        #expect(!CitySlug.isValid(slug))
    }

    @Test("a valid input becomes a city whose languages start with its default")
    func validInput() throws {
        let city = try CityInput(
            slug: "vantaa", name: " Vantaa ", timeZone: "Europe/Helsinki", defaultLanguage: "fi",
            languages: ["sv", "fi", "en"]
        ).validate().get()
        #expect(city.languages == [.finnish, .swedish, .english])
        #expect(city.name.text(in: .finnish) == "Vantaa")
    }

    @Test("every problem is reported on its field")
    func invalidInput() {
        let result = CityInput(slug: "X", name: "", timeZone: "Nowhere/City", defaultLanguage: "", languages: ["??"])
            .validate()
        guard case .failure(let errors) = result else {
            Issue.record("expected failure")
            return
        }
        #expect(errors.fields.keys.sorted() == ["default_language", "languages", "name", "slug", "time_zone"])
    }
}
