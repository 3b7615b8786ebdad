/// A piece of HTML that escapes by construction: text and attribute values are always escaped,
/// and only `Node.raw` (used for our own constant snippets) is written as is.
public indirect enum Node: Sendable {
    case element(String, [(String, String)], [Node])
    case void(String, [(String, String)])
    case text(String)
    case raw(String)
    case fragment([Node])

    public func render() -> String {
        var output = ""
        write(to: &output)
        return output
    }

    func write(to output: inout String) {
        switch self {
        case .element(let name, let attributes, let children):
            output += "<" + name
            Node.writeAttributes(attributes, to: &output)
            output += ">"
            for child in children { child.write(to: &output) }
            output += "</" + name + ">"
        case .void(let name, let attributes):
            output += "<" + name
            Node.writeAttributes(attributes, to: &output)
            output += ">"
        case .text(let text):
            output += Node.escape(text)
        case .raw(let html):
            output += html
        case .fragment(let nodes):
            for node in nodes { node.write(to: &output) }
        }
    }

    private static func writeAttributes(_ attributes: [(String, String)], to output: inout String) {
        for (name, value) in attributes {
            output += " " + name + "=\"" + escape(value) + "\""
        }
    }

    /// Escapes the five characters that matter in text and in double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// Builds lists of nodes with `if`, `for` and optionals inside.
@resultBuilder
public enum NodeBuilder {
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildOptional(_ nodes: [Node]?) -> [Node] { nodes ?? [] }
    public static func buildEither(first nodes: [Node]) -> [Node] { nodes }
    public static func buildEither(second nodes: [Node]) -> [Node] { nodes }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}

/// An element with attributes (in the order given; `nil` values are left out) and children.
public func el(
    _ name: String,
    _ attributes: KeyValuePairs<String, String?> = [:],
    @NodeBuilder _ children: () -> [Node] = { [] }
) -> Node {
    .element(name, attributes.compactMap { key, value in value.map { (key, $0) } }, children())
}

/// An element that has no closing tag (`input`, `meta`, `link`, `br`).
public func void(_ name: String, _ attributes: KeyValuePairs<String, String?>) -> Node {
    .void(name, attributes.compactMap { key, value in value.map { (key, $0) } })
}
