import KeyProjects
import TOMLKit

/// Typed, path-aware reads from a parsed TOML table. Problems are collected, not thrown, so
/// one run of `cmdroom check` lists every mistake in locality.toml with its key path.
package final class TOMLReader {
    private(set) var problems: [ConfigProblem] = []

    /// `message` in English (logs, `description`); `key` and `values` word it in the user's language.
    package func report(_ path: String, _ message: String, key: String, values: [String: String] = [:]) {
        problems.append(ConfigProblem(path: path, message: message, key: key, values: values))
    }

    package func table(_ parent: TOMLTable, _ key: String, at path: String, required: Bool = true) -> TOMLTable? {
        guard let value = parent[key] else {
            if required { report(join(path, key), "missing table", key: "config.missingTable") }
            return nil
        }
        guard let table = value.table else { report(join(path, key), "must be a table", key: "config.mustBeTable"); return nil }
        return table
    }

    package func tables(_ parent: TOMLTable, _ key: String, at path: String) -> [(path: String, table: TOMLTable)] {
        guard let value = parent[key] else { report(join(path, key), "missing array of tables ([[\(key)]])", key: "config.missingTables", values: ["key": key]); return [] }
        guard let array = value.array else { report(join(path, key), "must be an array of tables ([[\(key)]])", key: "config.mustBeTables", values: ["key": key]); return [] }
        var result: [(String, TOMLTable)] = []
        for (i, element) in array.enumerated() {
            let p = "\(join(path, key))[\(i)]"
            if let t = element.table { result.append((p, t)) } else { report(p, "must be a table", key: "config.mustBeTable") }
        }
        return result
    }

    package func string(_ table: TOMLTable, _ key: String, at path: String, required: Bool = true, default value: String = "") -> String {
        guard let raw = table[key] else {
            if required { report(join(path, key), "missing", key: "config.missing") }
            return value
        }
        guard let s = raw.string else { report(join(path, key), "must be a string", key: "config.mustBeString"); return value }
        if required && s.trimmingASCIISpaces().isEmpty { report(join(path, key), "must not be empty", key: "config.notEmpty") }
        return s
    }

    package func strings(_ table: TOMLTable, _ key: String, at path: String, required: Bool = false) -> [String] {
        guard let raw = table[key] else {
            if required { report(join(path, key), "missing", key: "config.missing") }
            return []
        }
        guard let array = raw.array else { report(join(path, key), "must be an array of strings", key: "config.mustBeStrings"); return [] }
        var result: [String] = []
        for (i, element) in array.enumerated() {
            if let s = element.string { result.append(s) } else { report("\(join(path, key))[\(i)]", "must be a string", key: "config.mustBeString") }
        }
        return result
    }

    package func int(_ table: TOMLTable, _ key: String, at path: String, default value: Int, range: ClosedRange<Int>) -> Int {
        guard let raw = table[key] else { return value }
        guard let n = raw.int else { report(join(path, key), "must be an integer", key: "config.mustBeInteger"); return value }
        guard range.contains(n) else { report(join(path, key), "must be between \(range.lowerBound) and \(range.upperBound)", key: "config.between", values: ["low": "\(range.lowerBound)", "high": "\(range.upperBound)"]); return value }
        return n
    }

    package func double(_ table: TOMLTable, _ key: String, at path: String, default value: Double, range: ClosedRange<Double>) -> Double {
        guard let raw = table[key] else { return value }
        guard let n = raw.double ?? raw.int.map(Double.init) else { report(join(path, key), "must be a number", key: "config.mustBeNumber"); return value }
        guard range.contains(n) else { report(join(path, key), "must be between \(range.lowerBound) and \(range.upperBound)", key: "config.between", values: ["low": "\(range.lowerBound)", "high": "\(range.upperBound)"]); return value }
        return n
    }

    package func bool(_ table: TOMLTable, _ key: String, at path: String, default value: Bool) -> Bool {
        guard let raw = table[key] else { return value }
        guard let b = raw.bool else { report(join(path, key), "must be true or false", key: "config.mustBeBool"); return value }
        return b
    }

    /// A TOML date (`2026-10-31`) or a string holding one.
    package func day(_ table: TOMLTable, _ key: String, at path: String) -> Day? {
        guard let raw = table[key] else { return nil }
        if let d = raw.date {
            guard let day = Day(year: d.year, month: d.month, day: d.day) else { report(join(path, key), "not a real date", key: "config.notARealDate"); return nil }
            return day
        }
        if let s = raw.string, let day = Day.parse(s) { return day }
        report(join(path, key), "must be a date like 2026-10-31", key: "config.mustBeDate")
        return nil
    }

    package func days(_ table: TOMLTable, _ key: String, at path: String) -> [Day] {
        guard let raw = table[key] else { return [] }
        guard let array = raw.array else { report(join(path, key), "must be an array of dates", key: "config.mustBeDates"); return [] }
        var result: [Day] = []
        for (i, element) in array.enumerated() {
            if let d = element.date, let day = Day(year: d.year, month: d.month, day: d.day) { result.append(day) }
            else if let s = element.string, let day = Day.parse(s) { result.append(day) }
            else { report("\(join(path, key))[\(i)]", "must be a date like 2026-10-01", key: "config.mustBeDate") }
        }
        return result
    }

    package func choice<T: RawRepresentable>(_ table: TOMLTable, _ key: String, at path: String, default value: T? = nil,
                                     _ type: T.Type) -> T? where T.RawValue == String, T: CaseIterable {
        guard let raw = table[key] else {
            if value == nil { report(join(path, key), "missing", key: "config.missing") }
            return value
        }
        guard let s = raw.string, let v = T(rawValue: s) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            report(join(path, key), "must be one of: \(allowed)", key: "config.oneOf", values: ["allowed": allowed])
            return value
        }
        return v
    }

    /// Reports keys the file has that the format does not know: a typo should not pass silently.
    package func rejectUnknownKeys(_ table: TOMLTable, known: Set<String>, at path: String) {
        for key in table.keys.sorted() where !known.contains(key) {
            report(join(path, key), "unknown key (known here: \(known.sorted().joined(separator: ", ")))", key: "config.unknownKey", values: ["known": known.sorted().joined(separator: ", ")])
        }
    }

    package func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
