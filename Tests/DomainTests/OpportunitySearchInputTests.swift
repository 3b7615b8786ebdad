import Domain
import Testing

@Suite("Volunteering search")
struct OpportunitySearchInputTests {
    static let city = CityID()
    static let language = Category(
        cityID: city, code: "language-learning", name: LocalizedText(original: "Kielet", in: .finnish), position: 0)
    static let myyrmaki = Area(
        cityID: city, code: "01600", kind: .postalArea, name: LocalizedText(original: "Myyrmäki", in: .finnish))

    @Test("codes become the query's ids, and the text is cut at 200 characters")
    func codesToQuery() throws {
        let input = OpportunitySearchInput(
            text: String(repeating: "a", count: 250), category: "language-learning", area: "01600", language: "ar",
            withoutTraining: true)
        let query = try input.query(city: Self.city, categories: [Self.language], areas: [Self.myyrmaki]).get()
        #expect(query.category == Self.language.id && query.area == Self.myyrmaki.id)
        #expect(query.language == LanguageCode("ar") && query.withoutTraining && query.text.count == 200)
        #expect(query.statuses == [.open])
    }

    @Test(
        "a code that names nothing is an error on its field",
        arguments: [
            (OpportunitySearchInput(category: "dragons"), "category"),
            (OpportunitySearchInput(area: "99999"), "area"),
            (OpportunitySearchInput(language: "not a language"), "language"),
        ])
    func unknownCodes(input: OpportunitySearchInput, field: String) {
        guard case .failure(let errors) = input.query(city: Self.city, categories: [Self.language], areas: []) else {
            Issue.record("accepted \(input)")
            return
        }
        #expect(Array(errors.fields.keys) == [field])
    }
}
