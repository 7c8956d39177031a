import Foundation
import KeyProjectsStore
import StringTables
import TextLayout

/// A store operation's progress (`init`, `import`, `meetings expand`) on the progress line, in
/// the user's language: `导入中… monthly.csv：已写入 12,000/54,098 行`.
struct StoreProgressLine {
    /// The key of what the command is doing: `progressLine.init`, `.import`, `.expand`.
    let doing: String
    let strings: Strings
    /// The file of an import as the user named it (its last component); init's own names otherwise.
    let fileName: String?
    let line: ProgressLine

    init(_ doing: String, strings: Strings, fileName: String? = nil, line: ProgressLine = .onStandardError()) {
        self.doing = doing
        self.strings = strings
        // A long file name is cut, so that the line stays within one row of a terminal: a
        // wrapped line cannot be rewritten in place.
        self.fileName = fileName.map { name in
            DisplayWidth.of(name) <= 30 ? name : DisplayWidth.fit(name, 30).trimmingCharacters(in: .whitespaces)
        }
        self.line = line
    }

    /// The closure the store calls, once a row.
    var handler: StoreProgressHandler {
        { progress in line.update(text(progress)) }
    }

    func text(_ p: StoreProgress) -> String {
        let counts = ["done": StoreProgressLine.grouped(p.done), "total": StoreProgressLine.grouped(p.total)]
        let step: String
        switch p.step {
        case let .checking(kind):
            step = strings.format("progressLine.checking", counts.merging(["file": fileName ?? kind.fileName]) { $1 })
        case let .writing(kind):
            step = strings.format("progressLine.writing", counts.merging(["file": fileName ?? kind.fileName]) { $1 })
        case .meetings:
            step = strings.format("progressLine.meetings", counts)
        }
        return strings[doing] + step
    }

    /// Wipes the line (when the work is done or failed: what follows starts on a clean line).
    func finish() { line.finish() }

    /// 12000 → 12,000: counts in thousands read at a glance, in both languages.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }
}
