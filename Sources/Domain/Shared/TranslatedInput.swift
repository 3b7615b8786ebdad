/// Checks of the per-language texts a form sends for a translatable field, with the same messages everywhere.
public enum TranslatedInput {
    /// The non-empty titles, trimmed: at least one language, each at most 200 characters.
    public static func titles(_ texts: [LanguageCode: String], field: String = "title", errors: inout ValidationErrors)
        -> [LanguageCode: String]
    {
        let titles = PartnerCallInput.trimmed(texts)
        errors.require(!titles.isEmpty, "stakeholders.errors.title.missing", field: field)
        errors.require(titles.values.allSatisfy { $0.count <= 200 }, "stakeholders.errors.name.too_long", field: field)
        return titles
    }

    /// The non-empty texts, trimmed, each at most `limit` characters; none at all is fine.
    public static func descriptions(
        _ texts: [LanguageCode: String], field: String = "description", limit: Int = 5_000,
        errors: inout ValidationErrors
    ) -> [LanguageCode: String] {
        let descriptions = PartnerCallInput.trimmed(texts)
        errors.require(
            descriptions.values.allSatisfy { $0.count <= limit }, "stakeholders.errors.description.too_long",
            field: field)
        return descriptions
    }
}
