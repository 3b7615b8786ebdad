/// CLDR plural categories for the UI languages; unknown languages use the one/other rule.
public enum PluralRules {
    public static func category(for count: Int, language: String) -> String {
        let n = abs(count)
        switch language {
        case "ar":
            let mod100 = n % 100
            if n == 0 { return "zero" }
            if n == 1 { return "one" }
            if n == 2 { return "two" }
            if (3...10).contains(mod100) { return "few" }
            if (11...99).contains(mod100) { return "many" }
            return "other"
        default:
            return n == 1 ? "one" : "other"
        }
    }

    /// Every category a complete translation of a counted phrase must give.
    public static func requiredCategories(language: String) -> Set<String> {
        language == "ar" ? ["zero", "one", "two", "few", "many", "other"] : ["one", "other"]
    }
}
