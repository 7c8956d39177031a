import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import StringTables
import TerminalKit

/// The small forms of issue 4 §3–§5: one per write, and how a filled form becomes a write.
/// What is wrong with a field, in words.
struct FormProblemText: Error { let text: String; init(_ text: String) { self.text = text } }

/// A filled form: the write it asks for, or what is wrong with it, in words.
enum FormResult: Equatable {
    case request(WriteRequest)
    case problem(String)
}

enum FormCatalog {
    static func remind(_ project: Project, _ state: AppState) -> Form {
        let s = state.strings
        var form = Form(purpose: .remind(project: project.code), title: s.format("form.remind.title", ["name": project.name]),
                        fields: [Form.Field("form.date", .day, text: (state.naturalToday ?? state.data?.asOf)?.iso ?? "", required: true),
                                 Form.Field("form.note")])
        form.before = earlierReminders(project.code, state)
        return form
    }

    /// The as-of day's reminders of a project already recorded, who and what: a second one by
    /// the same person that day is appended to theirs (`Reminder.joiningNotes`).
    static func earlierReminders(_ code: String, _ state: AppState) -> [String] {
        guard let data = state.data else { return [] }
        let s = state.strings
        let file = state.projectFile.flatMap { $0.project.code == code ? $0 : nil } ?? data.file(code)
        let earlier = (file?.reminders ?? []).filter { $0.date == data.asOf }
        guard !earlier.isEmpty else { return [] }
        return [s.format("form.remind.earlier", ["date": data.asOf.iso, "n": String(earlier.count)])]
            + earlier.map { "  " + $0.by + s.colon + ($0.note.isEmpty ? s["none"] : $0.note) }
    }

    /// What an issue's step would overwrite, as it is now (a value its field already begins
    /// with, as 挂牌督办's unit, is not repeated).
    static func issueBefore(_ kind: IssueActionKind, _ issue: Issue, _ s: Strings) -> [String] {
        var lines: [String] = []
        switch kind {
        case .feedback, .resolve, .reopen, .return, .escalate, .unlist:
            if !issue.note.isEmpty { lines.append(s.format("form.before.note", ["text": issue.note])) }
        case .deadline, .plan, .list:
            if let deadline = issue.deadline {
                lines.append(s.format(issue.deadlineReason.isEmpty ? "form.before.deadline" : "form.before.deadlineReason",
                                      ["date": deadline.iso, "reason": issue.deadlineReason]))
            }
        case .dispatch:
            if !issue.unit.isEmpty { lines.append(s.format("form.before.unit", ["unit": issue.unit])) }
        case .arrange, .confirm, .undo: break
        }
        return lines
    }

    static func newIssue(project: String?, _ state: AppState) -> Form {
        let s = state.strings
        let org = state.data?.organisation
        let levels = org?.issueLevels ?? IssueLevel.allCases
        let home: IssueLevel = switch org?.level { case .province?: .province; case .county?: .county; default: .city }
        return Form(purpose: .newIssue(project: project), title: s["form.newIssue.title"], fields: [
            Form.Field("form.project", text: project ?? "", required: true),
            Form.Field("form.category", choice(IssueCategory.allCases, "category", s)),
            Form.Field("form.kind", choice(IssueKind.allCases, "issueKind", s)),
            Form.Field("form.level", choice(levels, "issueLevel", s), choice: levels.firstIndex(of: home) ?? 0),
            Form.Field("form.description", required: true),
            Form.Field("form.group"),
        ])
    }

    static func choice<T: RawRepresentable>(_ values: [T], _ prefix: String, _ s: Strings) -> Form.Kind where T.RawValue == String {
        .choice(codes: values.map(\.rawValue), words: values.map { s["\(prefix).\($0.rawValue)"] })
    }

    /// The form of a triage action on an agenda item.
    static func triage(_ action: TriageAction, item: AgendaItem?, issue: Issue?, meeting: String, _ state: AppState) -> Form {
        let s = state.strings
        var fields: [Form.Field] = []
        let project = item.flatMap { state.data?.project($0.projectCode) }
        switch action {
        case .decision:
            // The issue's unit (or the one the duty table names), else the project's own
            // responsible unit and person.
            let units = state.data?.organisation.units ?? []
            let own = project.map(\.responsibleUnit).flatMap { units.contains($0) ? $0 : nil }
            let proposed = issue.map { $0.unit.isEmpty ? state.data?.organisation.proposedUnit(for: $0.category) ?? "" : $0.unit } ?? own ?? ""
            fields = (item == nil ? [Form.Field("form.project", required: true)] : [])
                + [Form.Field("form.decision", required: true), unitField("form.unit", proposed, state),
                   Form.Field("five.person", text: project?.responsiblePerson ?? "", required: true),
                   Form.Field("form.deadline", .day, required: true)]
        case .interview, .statement: fields = [Form.Field("form.note")]
        case .assign:
            fields = [unitField("form.unit", issue.flatMap { state.data?.organisation.proposedUnit(for: $0.category) } ?? "", state)]
        case .deadline: fields = [Form.Field("form.deadline", .day, text: issue?.deadline?.iso ?? "", required: true), Form.Field("form.reason", required: true)]
        case .escalate: fields = [Form.Field("form.reason", required: true)]
        case .list:
            fields = [Form.Field("five.solution", required: true), unitField("five.unit", issue?.unit ?? "", state),
                      Form.Field("five.leader", required: true), Form.Field("five.person", required: true),
                      Form.Field("five.deadline", .day, required: true)]
        }
        var form = Form(purpose: .triage(action, meeting: meeting, item: item?.key ?? "", project: item?.projectCode ?? "", issue: item?.issueID ?? ""),
                        title: s.format("triage.form.title", ["action": s["triage.action.\(action.rawValue)"]]), fields: fields)
        if let issue {
            switch action {
            case .deadline: form.before = issueBefore(.deadline, issue, s)
            case .assign: form.before = issueBefore(.dispatch, issue, s)
            case .escalate: form.before = issueBefore(.escalate, issue, s)
            default: break
            }
        }
        return form
    }

    /// A unit: chosen from the headquarters' units (← →, or type part of its name), the
    /// proposed one first; typed when the locality lists no units.
    static func unitField(_ label: String, _ proposed: String, _ state: AppState) -> Form.Field {
        let units = state.data?.organisation.units ?? []
        guard !units.isEmpty else { return Form.Field(label, text: proposed, required: true) }
        return Form.Field(label, .choice(codes: units, words: units), choice: units.firstIndex(of: proposed) ?? 0, required: true)
    }

    /// A project typed by its code or its name (or a part of the name that only one has).
    static func project(_ text: String, _ state: AppState) -> Result<Project, FormProblemText> {
        let s = state.strings
        let typed = text.trimmingASCIISpaces()
        guard let data = state.data, !typed.isEmpty else { return .failure(FormProblemText(s.format("form.unknownProject", ["code": typed]))) }
        if let p = data.project(typed) { return .success(p) }
        let projects = data.board.standings.map(\.project)
        if let p = projects.first(where: { $0.name == typed }) { return .success(p) }
        let matches = projects.filter { $0.name.contains(typed) }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.isEmpty { return .failure(FormProblemText(s.format("form.unknownProject", ["code": typed]))) }
        return .failure(FormProblemText(s.format("form.manyProjects", ["n": String(matches.count), "text": typed,
                                                                       "names": matches.prefix(3).map { "\($0.code) \($0.name)" }.joined(separator: "、")])))
    }

    /// The form of one workflow step; steps without arguments get a form with no fields (a
    /// confirmation).
    static func step(_ kind: IssueActionKind, _ issue: Issue, _ state: AppState) -> Form {
        let s = state.strings
        var fields: [Form.Field] = []
        switch kind {
        case .dispatch:
            let proposed = state.data?.organisation.proposedUnit(for: issue.category) ?? ""
            fields = [unitField("form.unit", proposed, state)]
        case .feedback: fields = [Form.Field("form.note", required: true)]
        case .resolve: fields = [Form.Field("form.note")]
        case .reopen, .return, .escalate, .unlist: fields = [Form.Field("form.reason", required: true)]
        case .list:
            fields = [Form.Field("five.solution", required: true), unitField("five.unit", issue.unit, state),
                      Form.Field("five.leader", required: true), Form.Field("five.person", required: true),
                      Form.Field("five.deadline", .day, required: true)]
        case .plan: fields = [Form.Field("form.solveBy", .day, required: true)]
        case .deadline:
            fields = [Form.Field("form.deadline", .day, text: issue.deadline?.iso ?? "", required: true),
                      Form.Field("form.reason", required: true)]
        case .arrange, .confirm, .undo: fields = []
        }
        var form = Form(purpose: .issue(kind, id: issue.id, version: issue.version),
                        title: s.format("form.step.title", ["action": s["action.\(kind.rawValue)"], "id": issue.id]), fields: fields)
        form.before = issueBefore(kind, issue, s)
        return form
    }

    /// The write a filled form asks for, or what is wrong with it (in words).
    static func request(_ form: Form, _ state: AppState) -> FormResult {
        let s = state.strings
        for field in form.fields where field.required && field.code.isEmpty {
            return .problem(s.format("form.required", ["field": s[field.label]]))
        }
        var days: [String: Day] = [:]
        for field in form.fields where field.kind == .day && !field.code.isEmpty {
            guard let day = Day.parse(field.code) else { return .problem(s.format("error.badDate", ["text": field.code])) }
            days[field.label] = day
        }
        let units = state.data?.organisation.units ?? []
        func checkUnit(_ label: String) -> String? {
            let unit = form.value(label)
            return units.isEmpty || units.contains(unit) ? nil : s.format("form.unknownUnit", ["unit": unit])
        }
        switch form.purpose {
        case let .remind(project):
            return .request(.remind(Reminder(project: project, date: days["form.date"]!, by: state.options.actorName,
                                             note: form.value("form.note"))))
        case .newIssue:
            let code: String
            switch project(form.value("form.project"), state) {
            case let .success(p): code = p.code
            case let .failure(problem): return .problem(problem.text)
            }
            return .request(.newIssue(NewIssue(project: code, category: IssueCategory(rawValue: form.value("form.category")) ?? .other,
                                               kind: IssueKind(rawValue: form.value("form.kind")) ?? .general,
                                               level: IssueLevel(rawValue: form.value("form.level")) ?? .city,
                                               description: form.value("form.description"), group: form.value("form.group"))))
        case let .issue(kind, id, version):
            let action: IssueAction
            switch kind {
            case .dispatch:
                if let problem = checkUnit("form.unit") { return .problem(problem) }
                action = .dispatch(unit: form.value("form.unit"))
            case .arrange: action = .arrange
            case .feedback: action = .feedback(note: form.value("form.note"))
            case .resolve: action = .claimSolved(note: form.value("form.note"))
            case .confirm: action = .confirmSatisfied
            case .reopen: action = .reopen(reason: form.value("form.reason"))
            case .return: action = .returnToOffice(reason: form.value("form.reason"))
            case .escalate: action = .escalate(reason: form.value("form.reason"))
            case .unlist: action = .unlist(reason: form.value("form.reason"))
            case .list:
                action = .list(SupervisionFive(solution: form.value("five.solution"), unit: form.value("five.unit"),
                                               leader: form.value("five.leader"), person: form.value("five.person"),
                                               deadline: days["five.deadline"]))
            case .plan: action = .submitPlan(solveBy: days["form.solveBy"]!)
            case .deadline: action = .setDeadline(days["form.deadline"]!, reason: form.value("form.reason"))
            case .undo: return .request(.undo)
            }
            return .request(.issue(action, id: id, basedOn: version))
        case .undo:
            return .request(.undo)
        case .proposeAwards, .pickAwards:
            return AwardForms.request(form, state)
        case let .triage(action, meeting, item, project, issue):
            var input = DecisionInput(meeting: meeting, item: item, project: project, kind: .decision, issue: issue)
            if item.isEmpty {
                // A decision off the agenda: on the project typed.
                switch FormCatalog.project(form.value("form.project"), state) {
                case let .success(p): input.project = p.code; input.item = "project:\(p.code)"
                case let .failure(problem): return .problem(problem.text)
                }
            }
            switch action {
            case .decision:
                input.text = form.value("form.decision")
                input.unit = form.value("form.unit")
                input.person = form.value("five.person")
                input.deadline = days["form.deadline"]
            case .interview: input.kind = .interviewHeld; input.text = form.value("form.note")
            case .statement: input.kind = .statementMade; input.text = form.value("form.note")
            case .assign:
                input.kind = .assigned; input.unit = form.value("form.unit"); input.text = input.unit
                input.action = .dispatch(unit: input.unit)
            case .deadline:
                input.kind = .deadline; input.deadline = days["form.deadline"]; input.text = form.value("form.reason")
                input.action = .setDeadline(days["form.deadline"]!, reason: input.text)
            case .escalate:
                input.kind = .escalated; input.text = form.value("form.reason"); input.action = .escalate(reason: input.text)
            case .list:
                input.kind = .listed; input.unit = form.value("five.unit"); input.person = form.value("five.person")
                input.deadline = days["five.deadline"]; input.text = form.value("five.solution")
                input.action = .list(SupervisionFive(solution: input.text, unit: input.unit, leader: form.value("five.leader"),
                                                     person: input.person, deadline: input.deadline))
            }
            return .request(.decision(input))
        }
    }
}
