// Not a store test: the committed sample ledgers against the generator. The ledgers' import and export run on both engines in KeyProjectsPostgresTests/BothEnginesLedgerTests.
import Foundation
import KeyProjectsDemo
import Testing

@Suite struct LedgerImportTests {
    @Test func theCommittedSampleDataIsWhatTheGeneratorWrites() throws {
        let scratch = Scratch()
        for sample in SampleLocality.allCases {
            let out = scratch.path(sample.rawValue)
            try sample.write(to: out)
            let committed = repositoryRoot.appendingPathComponent("sample-data/\(sample.rawValue)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted() == names)
            for name in names {
                let fresh = try Data(contentsOf: out.appendingPathComponent(name))
                let kept = try Data(contentsOf: committed.appendingPathComponent(name))
                #expect(fresh == kept, "sample-data/\(sample.rawValue)/\(name) differs from the generator: run cmdroom demo sample \(sample.rawValue) --out sample-data/\(sample.rawValue)")
            }
        }
    }
}
