import KeyProjects

/// One thing wrong with a ledger file, with where: file, physical line, column.
public struct LedgerProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case emptyFile
        case notText(detail: String)
        case noHeader(expected: [String])
        case unknownColumn(String)
        case missingColumn(String)
        case duplicateColumn(String)
        case unterminatedQuote
        case malformedQuote
        case lineTooLong(bytes: Int, limit: Int)
        case fieldTooLong(bytes: Int, limit: Int)
        case tooManyFields(count: Int, expected: Int)
        /// A row that stops before a column of the header: read as it stands, the missing
        /// cells would clear those fields.
        case tooFewFields(count: Int, expected: Int)
        case required
        case notADate(String)
        case notAMonth(String)
        case notMoney(String, Money.ParseError)
        case notAnInteger(String)
        case notAChoice(String, allowed: [String])
        case unknownSubcommand(String)
        case unknownLocality(String)
        case unknownProject(String)
        case duplicateKey(String, firstLine: Int)
        /// Cells of a row that do not agree with each other (or with the store).
        case inconsistent(Inconsistency)
        /// A rule every write path applies (`progress set`, the grid, the forms): the same
        /// words on every path.
        case rule(ProgressProblem)
        /// An awards rule `awards propose|pick` applies too.
        case award(AwardProblem)
        /// A project's start year (开工年份) after a month it has figures for (the first such month).
        case startYearAfterMonth(startYear: Int, month: YearMonth)
        /// A project's end year (竣工年份) before a month it has figures for (the first such month).
        case endYearBeforeMonth(endYear: Int, month: YearMonth)
    }

    public var file: String
    public var line: Int?
    /// The column's header as the file writes it.
    public var column: String?
    public var reason: Reason

    public init(file: String, line: Int? = nil, column: String? = nil, reason: Reason) {
        self.file = file; self.line = line; self.column = column; self.reason = reason
    }

    /// `file:line: column 名称: reason`, in English.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ": column \(column)" }
        return "\(place): \(reason.english)"
    }
}

extension LedgerProblem.Reason {
    public var english: String {
        switch self {
        case .emptyFile: return "the file is empty"
        case let .notText(detail): return "not a text ledger: \(detail)"
        case let .noHeader(expected): return "no header row found; expected columns such as \(expected.prefix(4).joined(separator: ", "))"
        case let .unknownColumn(name): return "\"\(name)\" is not a column of this ledger"
        case let .missingColumn(name): return "the required column \"\(name)\" is missing"
        case let .duplicateColumn(name): return "the column \"\(name)\" appears twice"
        case .unterminatedQuote: return "a quoted field opened on this line is never closed"
        case .malformedQuote: return "a quote inside an unquoted field, or text after a closing quote"
        case let .lineTooLong(bytes, limit): return "the line is \(bytes) bytes long; at most \(limit) are accepted"
        case let .fieldTooLong(bytes, limit): return "the field is \(bytes) bytes long; at most \(limit) are accepted"
        case let .tooManyFields(count, expected): return "\(count) fields, but the header has \(expected)"
        case let .tooFewFields(count, expected): return "only \(count) fields, but the header has \(expected)"
        case .required: return "a value is required"
        case let .notADate(text): return "\"\(text)\" is not a date (write 2026-10-05, 2026/10/5 or 2026年10月5日; not an Excel date serial number nor 2026.10.5)"
        case let .notAMonth(text): return "\"\(text)\" is not a month (write 2025-06)"
        case let .notMoney(text, error):
            switch error {
            case .empty: return "an amount in 万元 is required"
            case .negative: return "\"\(text)\" is negative; an investment cannot be negative"
            case .tooManyDecimals: return "\"\(text)\" has more than four decimals (1 yuan = 0.0001 万元)"
            case .tooLarge: return "\"\(text)\" is too large"
            case .notANumber: return "\"\(text)\" is not an amount in 万元"
            }
        case let .notAnInteger(text): return "\"\(text)\" is not a whole number"
        case let .notAChoice(text, allowed): return "\"\(text)\" is not one of: \(allowed.joined(separator: ", "))"
        case let .unknownSubcommand(text): return "no sub-command \"\(text)\" in locality.toml"
        case let .unknownLocality(text): return "no locality \"\(text)\" in locality.toml"
        case let .unknownProject(text): return "no project \"\(text)\" in the store or in this file"
        case let .duplicateKey(key, first): return "\(key) repeats line \(first)"
        case let .inconsistent(what): return what.english
        case let .rule(problem): return problem.english
        case let .award(problem): return "\(problem)"
        case let .startYearAfterMonth(year, month): return "the start year \(year) is after \(month.iso), a month the project has figures for"
        case let .endYearBeforeMonth(year, month): return "the end year \(year) is before \(month.iso), a month the project has figures for"
        }
    }
}

/// Cells of a ledger row that do not agree; worded by the strings tables in the user's language
/// (`ErrorText.inconsistency`), in English here for logs.
public enum Inconsistency: Sendable, Hashable {
    case annualPlanExceedsTotal(annual: Money, total: Money)
    case endsBeforeStart(end: Int, start: Int)
    case milestoneNeedsDate
    case notATime(String)
    case notAQuarter(String)
    /// A nomination's project belongs to another sub-command.
    case notAProjectOf(code: String, subcommand: String)
    /// The issue's status has reached the step this date is of, but the date is empty.
    case statusNeedsDate(IssueStatus)
    case dispatchedNeedsUnit
    /// A date of a step the issue's status has not reached.
    case statusNotReached(IssueStatus)
    /// A step's date before the date of the step before it (`column`: that step's column key,
    /// `registered_on`, `dispatched_on`, ...).
    case beforeEarlierStep(date: Day, earlier: Day, column: String)
    case queuedBeforeRegistered
    /// 挂牌督办 without all of 五到位: the parts missing (`solution`, `unit`, `leader`, `person`, `deadline`).
    case listingIncomplete(missing: [String])
    case planOnlyForMajor

    public var english: String {
        switch self {
        case let .annualPlanExceedsTotal(annual, total): return "the annual plan \(annual.wanText) exceeds the total investment \(total.wanText)"
        case let .endsBeforeStart(end, start): return "ends (\(end)) before it starts (\(start))"
        case .milestoneNeedsDate: return "a milestone needs a planned or an actual date"
        case let .notATime(text): return "\"\(text)\" is not a time like 09:30"
        case let .notAQuarter(text): return "\"\(text)\" is not a quarter like 2026Q3 or 2026年第3季度"
        case let .notAProjectOf(code, sc): return "\(code) is not a project of \(sc)"
        case let .statusNeedsDate(status): return "status \(status.rawValue) needs this date"
        case .dispatchedNeedsUnit: return "a dispatched issue needs its unit"
        case let .statusNotReached(status): return "status \(status.rawValue) has not reached this step"
        case let .beforeEarlierStep(date, earlier, column): return "\(date.iso) is before \(earlier.iso), the date of the earlier step (\(column))"
        case .queuedBeforeRegistered: return "before the registration date"
        case let .listingIncomplete(missing): return "listed supervision needs all five in place; missing: \(missing.joined(separator: ", "))"
        case .planOnlyForMajor: return "only a major complex issue has a written plan"
        }
    }
}

/// An import that was refused: nothing was written.
public struct LedgerRejection: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [LedgerProblem]
    /// Problems found beyond those listed.
    public var more: Int

    package init(file: String, problems: [LedgerProblem], more: Int) {
        self.file = file; self.problems = problems; self.more = more
    }

    public var description: String {
        var lines = problems.map(\.description)
        if more > 0 { lines.append("... and \(more) more problems") }
        return lines.joined(separator: "\n")
    }
}

extension ProgressProblem {
    /// English, for logs and `description` (the screens and the CLI use the strings tables).
    public var english: String {
        switch self {
        case .amount: return "not an amount in 万元"
        case let .beyondTotal(total, cumulative):
            return "the cumulative completed investment \(cumulative.wanText) would exceed the total investment \(total.wanText)"
        case let .notADate(text): return "\"\(text)\" is not a date"
        case let .dateAfter(day, today): return "\(day.iso) is after the as-of day \(today.iso)"
        case let .monthNotBegun(month, today): return "\(month.iso) has not begun on \(today.iso)"
        case let .monthTooEarly(month, earliest): return "\(month.iso) is before \(earliest.iso)"
        case let .reminderDate(day, today): return "the reminder's date \(day.iso) is after \(today.iso) or more than a year before it"
        case let .monthAfterEnd(month, endYear): return "\(month.iso) is after the project's end year \(endYear)"
        case let .reminderAuthor(by, you): return "\(by) is not you (\(you)); only the office records others' reminders"
        }
    }
}
