import Foundation
import Logging

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
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            // Values of our own types always encode; should one not, the log says which.
            ReportLog.logger.error("cannot encode \(T.self) as JSON: \(error)")
            return "[]\n"
        }
    }
}

/// An optional JSON field written as `null` when empty, never left out: README documents
/// these fields as null, and a consumer reading `row["due"]` must find the key.
@propertyWrapper
public struct NullWhenEmpty<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?
    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue { try container.encode(value) } else { try container.encodeNil() }
    }
}
