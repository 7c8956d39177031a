import ArgumentParser
import Foundation
import KeyProjectsPostgres

/// `cmdroom-bench`: builds a large generated store once, then measures in two fresh processes
/// (so each peak RSS is the measuring process's own) the store's figures and the dashboard's,
/// prints them with their targets and ratios, and with `--check` exits 1 when any is over.
@main
struct CmdroomBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cmdroom-bench",
        abstract: "Measure cmdroom's load, card, triage, import, write and dashboard times on a generated store (use a release build).",
        discussion: "Exit status: 0 done; 1 a figure over its target (with --check) or a failure; 64 a usage error.")

    @Option(help: "Projects in the generated store.")
    var projects: Int = 20_000

    @Option(help: "Runs per measurement; medians are printed.")
    var runs: Int = 5

    @Option(help: ArgumentHelp("Keep the generated store here and reuse it next time.", valueName: "dir"))
    var keep: String?

    @Flag(help: "Exit 1, naming them, when any figure is over its target.")
    var check = false

    @Option(help: ArgumentHelp("Seconds the wall is left idle for its CPU figure.", valueName: "s"))
    var idleSeconds: Int = 10

    @Option(help: ArgumentHelp("Also measure both engines side by side, the store migrated into a throwaway schema of this PostgreSQL database (default: $CMDROOM_BENCH_POSTGRES).", valueName: "url"))
    var postgres: String?

    @Option(name: .customLong("measure-engines"), help: .hidden)
    var measureEngines: String?

    @Option(name: .customLong("measure-store"), help: .hidden)
    var measureStore: String?

    @Option(name: .customLong("measure-dashboard"), help: .hidden)
    var measureDashboard: String?

    /// A developer's loop: the PostgreSQL board load alone, timed (see `LoadProfile`).
    @Option(name: .customLong("profile-load"), help: .hidden)
    var profileLoad: String?

    /// Where a measuring process writes its figures (JSON) for the first.
    @Option(name: .customLong("figures"), help: .hidden)
    var figuresFile: String?

    /// The server for the engines' comparison: `--postgres`, else `$CMDROOM_BENCH_POSTGRES`.
    var postgresAddress: String? {
        postgres ?? ProcessInfo.processInfo.environment["CMDROOM_BENCH_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func validate() throws {
        guard projects >= 10 else { throw ValidationError("--projects must be at least 10") }
        guard (1...50).contains(runs) else { throw ValidationError("--runs must be between 1 and 50") }
        guard (1...600).contains(idleSeconds) else { throw ValidationError("--idle-seconds must be between 1 and 600") }
    }

    func run() throws {
        if let measureStore {
            return try write(StoreBench(directory: URL(fileURLWithPath: measureStore), runs: runs).measure())
        }
        if let measureEngines, let server = postgresAddress {
            return try write(EngineBench(directory: URL(fileURLWithPath: measureEngines), server: PostgresLocation.parse(server + (server.contains("schema=") ? "" : (server.contains("?") ? "&" : "?") + "schema=bench")),
                                         runs: runs).measure())
        }
        if let profileLoad, let server = postgresAddress {
            return try LoadProfile(directory: URL(fileURLWithPath: profileLoad), server: PostgresLocation.parse(server), runs: runs).run()
        }
        if let measureDashboard {
            return try write(DashboardBench(directory: URL(fileURLWithPath: measureDashboard), runs: runs,
                                            idleSeconds: idleSeconds).measure())
        }
        #if DEBUG
        BenchConsole.note("this is a debug build; build with `swift build -c release` for meaningful figures")
        #endif
        let dir = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("cmdroom-bench-\(projects)-\(ProcessInfo.processInfo.processIdentifier)")
        defer { if keep == nil { try? FileManager.default.removeItem(at: dir) } }
        let setup = BenchSetup(projects: projects, directory: dir)
        if keep != nil && setup.keptStoreIsUsable() {
            BenchConsole.out("reusing the store in \(setup.storeDirectory.path)\n")
        } else {
            if keep != nil && FileManager.default.fileExists(atPath: dir.path) {
                BenchConsole.note("\(dir.path) holds no store this account can measure; building it again")
            }
            try setup.build()
        }
        var sections: [FigureSection] = []
        for mode in ["--measure-store", "--measure-dashboard"] + (postgresAddress == nil ? [] : ["--measure-engines"]) {
            let section = try measureInChild(mode, store: setup.storeDirectory, scratch: dir)
            BenchConsole.out(FigureTable.render(section))
            sections.append(section)
        }
        if check { try checkTargets(sections) }
    }

    /// Runs one measuring process on the store and reads back what it found.
    func measureInChild(_ mode: String, store: URL, scratch: URL) throws -> FigureSection {
        let figures = scratch.appendingPathComponent("figures\(mode).json")
        try? FileManager.default.removeItem(at: figures)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = [mode, store.path, "--runs", String(runs), "--idle-seconds", String(idleSeconds), "--figures", figures.path]
            + (postgresAddress.map { ["--postgres", $0] } ?? [])
        try child.run()
        child.waitUntilExit()
        if child.terminationStatus != 0 { throw ExitCode(child.terminationStatus) }
        defer { try? FileManager.default.removeItem(at: figures) }
        return try JSONDecoder().decode(FigureSection.self, from: Data(contentsOf: figures))
    }

    func write(_ section: FigureSection) throws {
        let data = try JSONEncoder().encode(section)
        if let figuresFile {
            try data.write(to: URL(fileURLWithPath: figuresFile))
        } else {
            BenchConsole.out(FigureTable.render(section))
        }
    }

    /// `--check`: every figure over its target named on stderr, then exit 1.
    func checkTargets(_ sections: [FigureSection]) throws {
        let over = TargetCheck.over(sections)
        let checked = TargetCheck.verdicts(sections.flatMap(\.figures)).count
        guard !over.isEmpty else {
            BenchConsole.out("\ncheck: all \(checked) figures with a target are within it\n")
            return
        }
        for verdict in over { BenchConsole.note("over target: \(verdict.overLine)") }
        BenchConsole.note("check: \(over.count) of \(checked) figures over their targets")
        throw ExitCode(1)
    }
}
