import Foundation

/// The bench's output: its tables on stdout, notes and errors on stderr as `cmdroom-bench: …`.
enum BenchConsole {
    static func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func note(_ line: String) { FileHandle.standardError.write(Data("cmdroom-bench: \(line)\n".utf8)) }
}
