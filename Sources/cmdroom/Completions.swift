import ArgumentParser
import Foundation
import KeyProjects
import KeyProjectsStore

/// Shell completion of what only the store knows: meeting ids, project codes, issue ids,
/// read from the store the command line names (`--store`, else the default one). Nothing is
/// made or changed: a store that does not exist completes nothing.
enum Completions {
    static let store = CompletionKind.directory

    static let meetings = CompletionKind.custom { words, _, prefix in
        complete(words, prefix) { store throws(StoreError) in try store.loadMeetings().map(\.id) }
    }
    static let projects = CompletionKind.custom { words, _, prefix in
        complete(words, prefix) { store throws(StoreError) in try store.loadPortfolio(.board).files.map(\.project.code) }
    }
    static let issues = CompletionKind.custom { words, _, prefix in
        complete(words, prefix) { store throws(StoreError) in try store.loadIssues().map(\.id) }
    }

    static func complete(_ words: [String], _ prefix: String, _ list: (Store) throws(StoreError) -> [String]) -> [String] {
        let (url, _) = StoreLocation.resolve(storeOption(words))
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent(LocalityFile.fileName).path),
              let store = try? SQLiteStore.open(url, readOnly: true),
              let all = try? list(store) else { return [] }
        return all.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The `--store` given among the words typed so far, if any.
    static func storeOption(_ words: [String]) -> String? {
        for (i, word) in words.enumerated() {
            if word == "--store", i + 1 < words.count { return words[i + 1] }
            if word.hasPrefix("--store=") { return String(word.dropFirst(8)) }
        }
        return nil
    }
}
