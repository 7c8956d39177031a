import Foundation
import KeyProjects
import KeyProjectsStore

/// Writes a generated locality as files an office could have: locality.toml and seven ledgers.
public enum DemoWriter {
    public static func write(files: [String: String], portfolio: Portfolio, organisation: Organisation,
                             to directory: URL) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                try Data(text.utf8).write(to: directory.appendingPathComponent(name), options: .atomic)
            }
            for kind in LedgerKind.allCases {
                let text = LedgerText.render(kind, of: portfolio, organisation: organisation)
                try Data(text.utf8).write(to: directory.appendingPathComponent(kind.fileName), options: .atomic)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io(path: directory.path, problem: .system(error.localizedDescription))
        }
    }

    /// A generated locality for benchmarks: the locality.toml of `base` with the generated
    /// ledgers. Returns what was written.
    @discardableResult
    public static func writeGenerated(_ settings: DemoSettings, base: SampleLocality, to directory: URL) throws(StoreError) -> Portfolio {
        let portfolio = DemoGenerator(settings).portfolio()
        var files = base.extraFiles
        files[LocalityFile.fileName] = base.localityTOML
        try write(files: files, portfolio: portfolio, organisation: settings.organisation, to: directory)
        return portfolio
    }
}
