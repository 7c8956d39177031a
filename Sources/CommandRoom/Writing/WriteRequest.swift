import KeyProjects
import KeyProjectsStore
import TerminalKit

/// A write the dashboard asks the runtime to make; the store checks it against the roster and
/// the rules, and the answer comes back as `AppEvent.written` or `.writeRefused`.
public enum WriteRequest: Equatable, Sendable {
    case progress(ProgressEntry, basedOn: ProgressBase)
    case remind(Reminder)
    case newIssue(NewIssue)
    case issue(IssueAction, id: String, basedOn: Int)
    /// Something done about an agenda item at a meeting (triage).
    case decision(DecisionInput)
    /// A sub-command's 羚羊奖/蜗牛奖 proposals; the headquarters' picks.
    case proposeAwards(quarter: Quarter, subcommand: String, best: AwardChoice?, worst: AwardChoice?)
    case pickAwards(quarter: Quarter, antelope: [String], snail: [String])
    case undo
}

/// A form in a modal: what it writes, its fields, where the cursor is, and why it was refused.
public struct Form: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case remind(project: String)
        case newIssue(project: String?)
        case issue(IssueActionKind, id: String, version: Int)
        /// Undo, with the lines saying what would be undone.
        case undo(summary: [String])
        /// An action on an agenda item at a meeting.
        case triage(TriageAction, meeting: String, item: String, project: String, issue: String)
        /// A sub-command's nominations; `defaults`: the projects and reasons the form began with.
        case proposeAwards(quarter: Quarter, subcommand: String, defaults: [String])
        case pickAwards(quarter: Quarter)
    }

    public enum Kind: Equatable, Sendable {
        case text
        /// A day, typed as 2026-10-31.
        case day
        /// One of several coded values, chosen with ← →; `words` are what is shown.
        case choice(codes: [String], words: [String])
    }

    public struct Field: Equatable, Sendable {
        /// The label's key in the strings table.
        public var label: String
        public var kind: Kind
        public var input: TextInput
        public var choice: Int
        public var required: Bool

        public init(_ label: String, _ kind: Kind = .text, text: String = "", choice: Int = 0, required: Bool = false) {
            self.label = label; self.kind = kind; input = TextInput(text); self.choice = choice; self.required = required
        }

        /// Whether the field is chosen with ← → (else it is typed).
        public var isChoice: Bool {
            if case .choice = kind { return true }
            return false
        }

        public var code: String {
            if case let .choice(codes, _) = kind { return codes.indices.contains(choice) ? codes[choice] : "" }
            return input.text.trimmingASCIISpaces()
        }
    }

    public var purpose: Purpose
    /// The title's text (already in words).
    public var title: String
    public var fields: [Field]
    public var focus = 0
    /// Why the last submit was refused (by the form's checks or by the store); the input stays.
    public var error: String?
    /// Sent to the store, waiting for its answer.
    public var saving = false
    /// Refused as a stale edit: the next submit is based on the issue as loaded then.
    public var rebase = false
    /// What the record holds now, in words, shown above the fields so nothing is overwritten
    /// unseen (issue 13 item 6): the day's earlier reminders, an issue's note or deadline.
    public var before: [String] = []

    public init(purpose: Purpose, title: String, fields: [Field]) {
        self.purpose = purpose; self.title = title; self.fields = fields
    }

    public func value(_ label: String) -> String { fields.first { $0.label == label }?.code ?? "" }
}
