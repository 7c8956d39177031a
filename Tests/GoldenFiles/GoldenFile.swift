import Foundation
import Testing

/// Golden text kept as files beside the tests that check it (`__Snapshots__/NAME.txt`), one
/// file a screen or report, so a change shows in review as the text it changes.
///
/// `CMDROOM_RECORD=1 swift test --filter …` rewrites the files from what the code gives now, and
/// every recorded file fails its test, so a recording never passes unnoticed: read the diff
/// (`git diff -- '*__Snapshots__*'`), then run the tests again without the variable.
public enum GoldenFile {
    public static var recording: Bool { ProcessInfo.processInfo.environment["CMDROOM_RECORD"] == "1" }

    /// The snapshot directory beside a test file: pass `#filePath`.
    public static func directory(beside filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    }

    /// The names of the files kept in `directory`, without `.txt`.
    public static func names(in directory: URL) -> Set<String> {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return Set(files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) })
    }

    /// Compares `actual` with the golden file `name`, recording an issue that lists the lines
    /// that differ (not the whole text); in record mode, writes the file and fails.
    public static func check(_ actual: String, named name: String, in directory: URL,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        if recording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record(Comment(rawValue: "recorded \(url.path): review the diff, then run again without CMDROOM_RECORD"),
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record(Comment(rawValue: "cannot record \(url.path): \(error)"), sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(Comment(rawValue: "no golden file \(url.path); record it with CMDROOM_RECORD=1"), sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let report = differences(expected: expected, actual: actual)
        Issue.record(Comment(rawValue: "\(name) differs from \(url.lastPathComponent):\n\(report)"), sourceLocation: sourceLocation)
    }

    /// The lines that differ, numbered, at most `limit` of them.
    public static func differences(expected: String, actual: String, limit: Int = 12) -> String {
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var count = 0
        for i in 0..<max(want.count, got.count) {
            let w = i < want.count ? String(want[i]) : nil, g = i < got.count ? String(got[i]) : nil
            guard w != g else { continue }
            count += 1
            if count <= limit {
                out.append("line \(i + 1):")
                out.append("  golden: " + (w.map { "|\($0)|" } ?? "(none)"))
                out.append("  actual: " + (g.map { "|\($0)|" } ?? "(none)"))
            }
        }
        if count > limit { out.append("… and \(count - limit) more lines differ") }
        if want.count != got.count { out.append("(\(want.count) lines golden, \(got.count) actual)") }
        return out.joined(separator: "\n")
    }
}
