/// Random codes people read aloud, copy by hand or type from paper: twelve characters in groups of four (60 bits)
/// from letters and digits that cannot be mistaken for one another, for example `7KQ4-M2XD-9PHT`.
public enum ReadableCode {
    static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")

    /// A new code.
    public static func make() -> String {
        grouped(random(length: 12))
    }

    /// A code as typed, in its printed form: case, spaces and dashes do not matter. `nil` when it cannot be one.
    public static func normalised(_ typed: String) -> String? {
        let letters = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard letters.count == 12, letters.allSatisfy(alphabet.contains) else { return nil }
        return grouped(String(letters))
    }

    /// `length` random characters of the alphabet.
    static func random(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    private static func grouped(_ code: String) -> String {
        let characters = Array(code)
        return stride(from: 0, to: characters.count, by: 4).map {
            String(characters[$0..<min($0 + 4, characters.count)])
        }
        .joined(separator: "-")
    }
}
