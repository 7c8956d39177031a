// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cmdroom",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cmdroom", targets: ["cmdroom"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The PostgreSQL backend's client (issue 17): its own target, so only what needs it builds it.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The domain: pure Swift, no I/O, no clock.
        .target(name: "KeyProjects"),
        // The file-backed store: SQLite through GRDB, locality.toml, CSV ledgers.
        // What both store engines share and that touches no SQL (issue 17 §1): the locality
        // file and its parts, ledger parsing, the store's errors, the OS account, progress.
        .target(name: "StoreCommon", dependencies: [
            "KeyProjects", "TextLayout",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            // SwiftCSV reads ledgers: it refuses malformed quotes.
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        .target(name: "KeyProjectsStore", dependencies: [
            "KeyProjects", "TextLayout", "StoreCommon",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            // The SQLite C API, for the loops that load the board's rows.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            // SwiftCSV reads ledgers: it refuses malformed quotes.
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        // The PostgreSQL backend (issue 17), foundation: the server's address, a synchronous
        // bridge over PostgresClient, migrations (one schema per store, triggers for versions,
        // the change log and NOTIFY), row-level security. Not wired to the app yet.
        .target(name: "KeyProjectsPostgres", dependencies: [
            "KeyProjects", "KeyProjectsStore", "StringTables",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
            // SQLite's cell type is the shared store code's (`SQLSession`).
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Deterministic sample and benchmark data; the three seed localities.
        .target(name: "KeyProjectsDemo", dependencies: ["KeyProjects", "KeyProjectsStore"]),
        // libc wcwidth and locale in C (Glibc does not import them without _XOPEN_SOURCE),
        // stop-signal flags, isatty.
        .target(name: "CTerminal"),
        // ncursesw: module map and shim header (only TerminalKit's screen file imports it).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // Text laid out for terminals and files, with no screen and no store: display width
        // (libc wcwidth, as ncursesw counts), text tables, wrapping, byte search, CSV text,
        // control characters escaped for a terminal.
        .target(name: "TextLayout", dependencies: ["CTerminal"]),
        // The strings tables, one per language: every word the user sees.
        .target(name: "StringTables", dependencies: ["KeyProjects"]),
        // Generic terminal UI: canvas, widgets, keys, themes, screens.
        .target(name: "TerminalKit", dependencies: ["CTerminal", "CNcursesw", "TextLayout",
                                                   .product(name: "TOMLKit", package: "TOMLKit")]),
        // The dashboard: state, update, view for the board, queue, calendar, details, wall.
        .target(name: "CommandRoom", dependencies: ["KeyProjects", "KeyProjectsStore", "KeyProjectsReports", "StringTables",
                                                   "TextLayout", "TerminalKit", .product(name: "Logging", package: "swift-log")]),
        // Words and report rows shared by the CLI and the screens.
        .target(name: "KeyProjectsReports", dependencies: ["KeyProjects", "KeyProjectsStore", "StringTables", "TextLayout",
                                                          .product(name: "Logging", package: "swift-log")]),
        .executableTarget(name: "cmdroom", dependencies: [
            "KeyProjects", "KeyProjectsStore", "KeyProjectsDemo", "KeyProjectsReports", "StringTables", "TextLayout",
            "TerminalKit", "CommandRoom", "KeyProjectsPostgres",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The benchmark: a developer tool, not part of the product (`swift run -c release cmdroom-bench`).
        .executableTarget(name: "cmdroom-bench", dependencies: [
            "KeyProjects", "KeyProjectsStore", "KeyProjectsPostgres", "KeyProjectsDemo", "TextLayout", "TerminalKit", "CommandRoom",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            // Only to pad the generated store's change log (HistoryPadding.swift).
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Test helper: a writer process for the concurrency and crash tests.
        .executableTarget(name: "cmdroom-stress", dependencies: ["KeyProjects", "KeyProjectsStore", "KeyProjectsPostgres",
                                                               .product(name: "GRDB", package: "GRDB.swift")]),
        // Test support: golden text kept as files beside the tests.
        .target(name: "GoldenFiles", path: "Tests/GoldenFiles"),
        .testTarget(name: "KeyProjectsTests", dependencies: ["KeyProjects"]),
        .testTarget(name: "KeyProjectsStoreTests", dependencies: ["KeyProjects", "KeyProjectsStore", "KeyProjectsDemo", "TextLayout"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "TextLayout"]),
        .testTarget(name: "CommandRoomTests", dependencies: ["CommandRoom", "KeyProjects", "KeyProjectsStore", "KeyProjectsDemo",
                                                            "KeyProjectsReports", "StringTables", "TextLayout", "TerminalKit", "GoldenFiles"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "KeyProjectsReportsTests", dependencies: ["KeyProjects", "KeyProjectsStore", "KeyProjectsDemo", "KeyProjectsReports",
                                                                   "StringTables", "TextLayout", "GoldenFiles"],
                    exclude: ["__Snapshots__"]),
        // The command line's own parts, in process: help pages, the progress line.
        .testTarget(name: "CmdroomTests", dependencies: ["cmdroom", "KeyProjectsStore", "StringTables", "TextLayout",
                                                      .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Against a real server: CMDROOM_TEST_POSTGRES names it (`.ci/run` starts a throwaway cluster).
        .testTarget(name: "KeyProjectsPostgresTests", dependencies: ["KeyProjectsPostgres", "KeyProjects", "KeyProjectsStore", "KeyProjectsDemo",
                                                                   "KeyProjectsReports", "StringTables", "TextLayout",
                                                                   .product(name: "PostgresNIO", package: "postgres-nio"),
                                                                   // SQLite's schema, to hold the two backends' tables alike.
                                                                   .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "EndToEndTests", dependencies: ["cmdroom", "cmdroom-stress", "cmdroom-bench", "KeyProjectsStore",
                                                       .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
