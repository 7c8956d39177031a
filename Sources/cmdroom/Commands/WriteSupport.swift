import ArgumentParser
import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import StringTables

/// How a write command prints what it did: one line in the user's language, or the resulting
/// object as JSON (for scripts).
enum WriteFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct WriteFormatOption: ParsableArguments {
    @Option(name: .long, help: "Output: text (a line saying what was done) or json (the resulting object).")
    var format: WriteFormat = .text
}

/// A store opened for writing and the day its writes are dated: the as-of day (the option,
/// else a sample's snapshot day, else today). The store checks every write against the
/// roster; the values are checked here first, so a bad one is named with its option (exit 2).
struct WriteSession {
    let options: StoreOptions
    let store: Store
    let day: Day
    /// Refusals in words; the as-of day is "today" in them only when it is the real date.
    var errorText: ErrorText { ErrorText(strings: strings, realToday: StoreLocation.today()) }

    init(_ options: StoreOptions, readOnly: Bool = false) throws {
        self.options = options
        store = try options.openStore(readOnly: readOnly)
        day = try options.asOfDay(store.config)
    }

    var strings: Strings { options.strings }

    /// `cmdroom: --completed “abc”：不是数字…` on stderr; exit 2.
    func badValue(_ option: String, _ value: String, _ problem: String) -> ExitCode {
        Console.error(strings.format("cli.badValue", ["option": option, "value": value, "problem": problem]))
        return ExitCode(2)
    }

    /// For problems whose text names the value already: `cmdroom: --month：“2026-13”不是月份`.
    func badOption(_ option: String, _ problem: String) -> ExitCode {
        Console.error(strings.format("cli.badOption", ["option": option, "problem": problem]))
        return ExitCode(2)
    }

    func date(_ option: String, _ text: String) throws -> Day {
        guard let day = Day.parse(text.trimmingASCIISpaces()) else {
            throw badOption(option, strings.format("error.badDate", ["text": text]))
        }
        return day
    }

    func month(_ option: String, _ text: String) throws -> YearMonth {
        guard let month = YearMonth.parse(text.trimmingASCIISpaces()) else {
            throw badOption(option, strings.format("error.badMonth", ["text": text]))
        }
        return month
    }

    /// Required free text (a reason, a note, a description): not blank.
    func text(_ option: String, _ value: String) throws -> String {
        let trimmed = value.trimmingASCIISpaces()
        guard !trimmed.isEmpty else { throw badOption(option, strings["cli.needText"]) }
        return trimmed
    }

    /// The project's whole file; an unknown code is refused naming the option.
    func project(_ option: String, _ code: String) throws -> ProjectFile {
        let code = code.trimmingASCIISpaces()
        guard let file = try run({ () throws(StoreError) in try store.loadProjectFile(code) }) else {
            throw badValue(option, code, strings["cli.noSuchProject"])
        }
        return file
    }

    func issue(_ option: String, _ id: String) throws -> Issue {
        let id = id.trimmingASCIISpaces()
        guard let issue = try run({ () throws(StoreError) in try store.issue(id) }) else {
            throw badValue(option, id, strings["cli.noSuchIssue"])
        }
        return issue
    }

    /// A coded value (category, kind, level, milestone) by its code or word.
    func choice<Value>(_ option: String, _ text: String, _ choice: Choice<Value>, among: [Value]? = nil) throws -> Value {
        let allowed = among ?? Array(Value.allCases)
        guard let value = choice.value(text), allowed.contains(value) else {
            throw badValue(option, text, strings.format("cli.notAChoice", ["what": strings["cli.what.\(choice.prefix)"],
                                                                          "allowed": choice.allowedText(allowed, strings)]))
        }
        return value
    }

    /// Runs a store operation; a refusal is printed and exits 1 (or 2 for input problems).
    func run<T>(_ body: () throws(StoreError) -> T) throws -> T { try options.fail(body) }

    func say(_ line: String) { Console.out(line + "\n") }

    /// The separator of a list of changes in one line.
    var separator: String { strings["cli.sep"] }

    func projectLabel(_ file: ProjectFile) -> String { "\(file.project.code) \(file.project.name)" }
}

/// A coded value typed on the command line: its English code, its word in either strings
/// table, or any word the ledgers accept for it.
struct Choice<Value: RawRepresentable & CaseIterable & Hashable & Sendable>: Sendable where Value.RawValue == String {
    /// The strings-table prefix of the value's words: `category.land`.
    let prefix: String
    let vocabulary: Vocabulary<Value>

    func value(_ text: String) -> Value? {
        let key = Choice.normalized(text)
        guard !key.isEmpty else { return nil }
        for value in Value.allCases {
            let candidates = [value.rawValue, Strings.zh.word(prefix, value), Strings.en.word(prefix, value)]
            if candidates.contains(where: { Choice.normalized($0) == key }) { return value }
        }
        return vocabulary.value(for: text)
    }

    /// `用地（land）、资金（funding）…` in Chinese, `land, funding, …` in English.
    func allowedText(_ values: [Value], _ strings: Strings) -> String {
        values.map { v in
            strings.format("cli.choice", ["word": strings.word(prefix, v), "code": v.rawValue])
        }.joined(separator: strings["punct.list"])
    }

    static func normalized(_ s: String) -> String {
        s.trimmingASCIISpaces().lowercased().replacingOccurrences(of: "_", with: "-")
    }
}

enum Choices {
    static let category = Choice<IssueCategory>(prefix: "category", vocabulary: Words.category)
    static let kind = Choice<IssueKind>(prefix: "issueKind", vocabulary: Words.issueKind)
    static let level = Choice<IssueLevel>(prefix: "issueLevel", vocabulary: Words.issueLevel)
    static let milestone = Choice<MilestoneKind>(prefix: "milestone", vocabulary: Words.milestone)
}

extension IssueLevel {
    /// The level of the headquarters' own units: where a new issue starts.
    init(headquarters: HeadquartersLevel) {
        switch headquarters {
        case .province: self = .province
        case .city: self = .city
        case .county: self = .county
        }
    }
}
