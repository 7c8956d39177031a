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
    ],
    targets: [
        // The domain: pure Swift, no I/O, no clock.
        .target(name: "KeyProjects"),
        // The file-backed store: SQLite through GRDB, locality.toml, CSV ledgers.
        .target(name: "KeyProjectsStore", dependencies: [
            "KeyProjects",
            .product(name: "GRDB", package: "GRDB.swift"),
            // The SQLite C API, for the loops that load the board's rows.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            // SwiftCSV reads ledgers: it refuses malformed quotes.
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        // Deterministic sample and benchmark data; the three seed localities.
        .target(name: "KeyProjectsDemo", dependencies: ["KeyProjects", "KeyProjectsStore"]),
        // libc wcwidth in a UTF-8 locale, which Glibc does not import without _XOPEN_SOURCE.
        .target(name: "CWidth"),
        // Generic terminal text: display width, aligned text tables.
        .target(name: "TerminalKit", dependencies: ["CWidth"]),
        // Words and report rows shared by the CLI and the screens.
        .target(name: "KeyProjectsReports", dependencies: ["KeyProjects", "KeyProjectsStore", "TerminalKit"]),
        .executableTarget(name: "cmdroom", dependencies: [
            "KeyProjects", "KeyProjectsStore", "KeyProjectsDemo", "KeyProjectsReports", "TerminalKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Test helper: a writer process for the concurrency and crash tests.
        .executableTarget(name: "cmdroom-stress", dependencies: ["KeyProjects", "KeyProjectsStore"]),
        .testTarget(name: "KeyProjectsTests", dependencies: ["KeyProjects"]),
        .testTarget(name: "KeyProjectsStoreTests", dependencies: ["KeyProjects", "KeyProjectsStore", "KeyProjectsDemo"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "KeyProjectsReportsTests", dependencies: ["KeyProjects", "KeyProjectsStore", "KeyProjectsDemo", "KeyProjectsReports"]),
        .testTarget(name: "EndToEndTests", dependencies: ["cmdroom", "cmdroom-stress", "KeyProjectsStore"]),
    ]
)
