import Foundation
import KeyProjects
import KeyProjectsDemo
import KeyProjectsStore

/// A scratch directory removed when the test ends.
final class Scratch {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `text` (or raw bytes) to a file in the scratch directory.
    @discardableResult
    func write(_ name: String, _ text: String) -> URL { write(name, Data(text.utf8)) }
    @discardableResult
    func write(_ name: String, _ data: Data) -> URL {
        let url = path(name)
        try! data.write(to: url)
        return url
    }
}

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A store made from a bundled sample locality.
func sampleStore(_ sample: SampleLocality = .linfen, in scratch: Scratch, name: String = "store") throws -> SQLiteStore {
    let source = scratch.path("source-\(sample.rawValue)")
    try sample.write(to: source)
    let dir = scratch.path(name)
    try SQLiteStore.create(at: dir, from: source)
    return try SQLiteStore.open(dir)
}

/// A store with the sample's organisation and no ledgers.
func emptyStore(_ sample: SampleLocality = .linfen, in scratch: Scratch, name: String = "empty") throws -> SQLiteStore {
    let source = scratch.path("toml-\(sample.rawValue)-\(name)")
    try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
    try Data(sample.localityTOML.utf8).write(to: source.appendingPathComponent("locality.toml"))
    for (file, text) in sample.extraFiles { try Data(text.utf8).write(to: source.appendingPathComponent(file)) }
    let dir = scratch.path(name)
    try SQLiteStore.create(at: dir, from: source)
    return try SQLiteStore.open(dir)
}

/// Every file of a store's directory, byte for byte.
func snapshot(_ dir: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
        result[name] = try? Data(contentsOf: dir.appendingPathComponent(name))
    }
    return result
}

let projectsHeader = "项目编码,项目名称,项目级别,分指挥部,属地,总投资（万元）,年度计划投资（万元）"

/// The StoreError `body` throws, or nil.
func storeError(_ body: () throws -> Void) -> StoreError? {
    do { try body(); return nil } catch { return error as? StoreError }
}

/// The samples' snapshot day (`[sample] as_of`): the day imports in tests are checked on.
let sampleAsOf = Day.parse("2026-10-31")!
