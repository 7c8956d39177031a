import Foundation

/// How a report prints.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, csv
}

public func jsonText<T: Encodable>(_ value: T) -> String { JSONText.encode(value) }

enum JSONText {
    /// Stable output: keys sorted, two-space indentation, slashes unescaped.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
