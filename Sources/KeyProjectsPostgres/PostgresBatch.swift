import Foundation
import GRDB
import PostgresNIO

/// Many writes in one round trip: an import's thousands of upserts, each a statement of its
/// own (each is versioned, logged and checked by the server's triggers and policies, row by
/// row, exactly as when sent alone), sent as the body of one `DO` block instead of one query
/// each. postgres-nio speaks only the extended protocol, which takes one statement a query and
/// no parameters in a `DO`, so the values are written into the block as literals: `E'…'`
/// strings (quotes and backslashes escaped, whatever `standard_conforming_strings` says),
/// integers, bytea in hex. The block is dollar-quoted with a tag no value contains. An error
/// in any statement (a stale edit, a refused row) ends the block with that statement's own
/// SQLSTATE, message and detail, as it would have alone.
enum PostgresBatch {
    /// The block for `statements`, or nil when a value holds the quoting tag (then they are
    /// sent one by one).
    static func block(_ statements: [(sql: String, arguments: [DatabaseValue])]) -> String? {
        let tag = "$cmdroom_batch_" + String(UInt64.random(in: 0...UInt64.max), radix: 36) + "$"
        var body = "DO " + tag + " BEGIN\n"
        for statement in statements {
            guard let sql = inlined(statement.sql, statement.arguments), !sql.contains(tag) else { return nil }
            body += sql + ";\n"
        }
        return body + "END " + tag
    }

    /// `sql` with each `?` outside quotes replaced by the next argument as a literal; nil when
    /// the count does not match.
    static func inlined(_ sql: String, _ arguments: [DatabaseValue]) -> String? {
        let text = placeholders(in: sql) { n in n <= arguments.count ? literal(arguments[n - 1]) : nil }
        return text.flatMap { $0.count == arguments.count ? $0.sql : nil }
    }

    /// `sql` with its n-th `?` outside quotes (from 1) replaced by `replacement(n)`, and how many
    /// there were; nil when `replacement` gives nil. The store's SQL is written with `?` for
    /// both engines; PostgreSQL wants `$n`, or here a literal.
    static func placeholders(in sql: String, _ replacement: (Int) -> String?) -> (sql: String, count: Int)? {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character? = nil
        for c in sql {
            if let q = quote {
                if c == q { quote = nil }
                out.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                out.append(c)
            } else if c == "?" {
                n += 1
                guard let text = replacement(n) else { return nil }
                out += text
            } else {
                out.append(c)
            }
        }
        return (out, n)
    }

    static func literal(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case let .int64(i): return String(i)
        case let .double(d): return d.isFinite ? "\(d)::double precision" : "NULL"
        case let .string(s):
            var text = "E'"
            for c in s.unicodeScalars {
                switch c {
                case "'": text += "''"
                case "\\": text += "\\\\"
                default: text.unicodeScalars.append(c)
                }
            }
            return text + "'"
        case let .blob(data):
            return "'\\x" + data.map { String(format: "%02x", $0) }.joined() + "'::bytea"
        }
    }
}
