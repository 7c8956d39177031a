// SQLite only: the declared columns against SQLite's schema, and the board's C-API loops against the GRDB codecs.
import Foundation
import GRDB
import KeyProjects
import KeyProjectsDemo
@testable import KeyProjectsStore
import Testing

/// Each table's columns are declared once (`TableColumns`); these check the declaration
/// against the schema, and the board's C-API loops against the codecs that read by GRDB row.
struct TableColumnsTests {
    @Test(arguments: ChangeLogLayout.entities)
    func theDeclaredColumnsAreTheTablesInOrder(entity: String) throws {
        let layout = try #require(RowLayout.all[entity])
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        let info = try queue.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(\(layout.table))") }
        let names: [String] = info.map { $0["name"] }
        // The version is selected after the columns wherever ALTER TABLE left it (meeting's).
        #expect(names.contains("version"))
        #expect(layout.columns == names.filter { $0 != "version" })
        let key = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
        #expect(Array(layout.columns.prefix(layout.keyColumnCount)) == key)
    }

    @Test func aColumnsPositionIsItsPlaceInTheDeclarationAndItsNameIsSnakeCase() {
        #expect(Project.Columns.allCases.map(\.position) == Array(0..<18))
        #expect(Project.Columns.versionPosition == 18)
        #expect(Project.Columns.constructionUnit.name == "construction_unit")
        #expect(Issue.Columns.supervisionDeadline.name == "supervision_deadline")
        #expect(Issue.Columns.grp.name == "grp")
    }

    /// The board's loops read by position with the C API; the codecs by GRDB row. Both must
    /// give the same values, every field, for every sample project.
    @Test(arguments: SampleLocality.allCases)
    func theBoardsLoopsReadWhatTheCodecsRead(sample: SampleLocality) throws {
        let scratch = Scratch()
        let store = try sampleStore(sample, in: scratch)
        let portfolio = try store.loadPortfolio(.all)
        #expect(!portfolio.files.isEmpty)
        for file in portfolio.files {
            let viaCodecs = try #require(try store.loadProjectFile(file.project.code))
            #expect(differingFields(file.project, viaCodecs.project).isEmpty, "\(file.project.code)")
            #expect(file.project == viaCodecs.project)
            #expect(file.records == viaCodecs.records, "\(file.project.code)")
            #expect(file.milestones == viaCodecs.milestones, "\(file.project.code)")
            #expect(file.reminders == viaCodecs.reminders, "\(file.project.code)")
        }
        // The samples hold both a value and none in the project's nullable columns.
        #expect(portfolio.files.contains { $0.project.reserveClass != nil })
        #expect(portfolio.files.contains { $0.project.reserveClass == nil })
    }
}

/// The names of the stored properties whose values differ.
private func differingFields<T>(_ a: T, _ b: T) -> [String] {
    zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children).compactMap { x, y in
        String(describing: x.value) == String(describing: y.value) ? nil : (x.label ?? "?")
    }
}
