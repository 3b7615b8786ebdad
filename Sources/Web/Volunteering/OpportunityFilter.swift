import Domain
import Hummingbird

extension OpportunitySearchInput {
    /// The search of the volunteering page's query string (`q`, `category`, `area`, `language`,
    /// `without_training=yes`), which the API takes too.
    init(_ request: Request) {
        let query = request.uri.queryParameters
        self.init(
            text: String(query["q"] ?? ""), category: String(query["category"] ?? ""),
            area: String(query["area"] ?? ""), language: String(query["language"] ?? ""),
            withoutTraining: query["without_training"] == "yes")
    }
}
