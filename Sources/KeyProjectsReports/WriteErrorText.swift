import KeyProjects
import KeyProjectsStore

/// Refused writes in the user's language: who may make them, why the workflow refuses, what
/// is wrong with a typed value.
extension ErrorText {
    public func roleWord(_ role: Role?) -> String {
        guard let role else { return strings["role.none"] }
        return strings["role.\(role.code)"]
    }

    public func actionWord(_ action: WriteAction) -> String {
        switch action {
        case .recordProgress: return strings["write.progress"]
        case .remind: return strings["write.remind"]
        case .registerIssue: return strings["write.issueNew"]
        case let .workIssue(kind, _, _): return strings["action.\(kind.rawValue)"]
        case .editProjects: return strings["write.projects"]
        case .editMeetings: return strings["write.meetings"]
        case .importIssues: return strings["write.importIssues"]
        case .proposeAward: return strings["write.proposeAward"]
        case .pickAwards: return strings["write.pickAwards"]
        }
    }

    public func notWritable(_ n: NotWritable) -> String {
        if n.readOnlyFileSystem { return strings.format("error.notWritableReadOnlyFS", ["path": n.path]) }
        let key = !n.group.isEmpty ? "error.notWritableGroup" : !n.owner.isEmpty ? "error.notWritableOwner" : "error.notWritable"
        return strings.format(key, ["path": n.path, "group": n.group, "owner": n.owner])
    }

    public func accessRefused(_ r: AccessRefusal) -> String {
        let sep = strings["punct.list"]
        let who = r.allowed.isEmpty ? strings["write.nobodyOnRoster"]
            : r.allowed.prefix(6).map { e in
                e.name.isEmpty ? e.account : strings.noted(e.account, e.name)
            }.joined(separator: sep)
            + (r.allowed.count > 6 ? strings.format("write.andMore", ["n": String(r.allowed.count - 6)]) : "")
        return strings.format("error.access", ["account": r.account, "role": roleWord(r.role), "action": actionWord(r.action),
                                               "target": r.target, "who": who])
    }

    public func refusal(_ r: WorkflowRefusal, issue: String) -> String {
        let s = strings
        let reason: String
        switch r {
        case let .notFromStatus(action, status):
            reason = s.format("refusal.notFromStatus", ["action": s["action.\(action)"], "status": s["status.\(status.rawValue)"]])
        case .missingUnit: reason = s["refusal.missingUnit"]
        case .missingReason: reason = s["refusal.missingReason"]
        case let .alreadyTopLevel(level): reason = s.format("refusal.topLevel", ["level": s["issueLevel.\(level.rawValue)"]])
        case let .supervisionIncomplete(missing):
            reason = s.format("refusal.fiveIncomplete", ["missing": missing.map { s["five.\($0.rawValue)"] }
                .joined(separator: s["punct.list"])])
        case .onlyForMajorIssues: reason = s["refusal.onlyMajor"]
        case let .dateInPast(day): reason = s.format("refusal.dateInPast", ["date": day.iso])
        case .notListed: reason = s["refusal.notListed"]
        case .alreadyListed: reason = s["refusal.alreadyListed"]
        case let .unknownUnit(unit): reason = s.format("form.unknownUnit", ["unit": unit])
        case let .referred(to): reason = s.format("refusal.referred", ["where": to])
        }
        return s.format("error.workflow", ["issue": issue, "reason": reason])
    }

    public func progressProblem(_ p: ProgressProblem) -> String {
        let s = strings
        switch p {
        case let .amount(error):
            switch error {
            case .empty: return s["grid.needAmount"]
            case .negative: return s["grid.negative"]
            case .tooManyDecimals: return s["grid.tooManyDecimals"]
            case .tooLarge: return s["grid.tooLarge"]
            case .notANumber: return s["grid.notANumber"]
            }
        case let .beyondTotal(total, cumulative):
            return s.format("grid.beyondTotal", ["cumulative": cumulative.wanText, "total": total.wanText])
        case let .notADate(text): return s.format("error.badDate", ["text": text])
        case let .dateAfter(day, today): return s.format(asOfKey("grid.dateAfter", today), ["date": day.iso, "today": today.iso])
        case let .monthNotBegun(month, today): return s.format(asOfKey("grid.monthNotBegun", today), ["month": month.description, "today": today.iso])
        case let .monthTooEarly(month, earliest): return s.format("grid.monthTooEarly", ["month": month.description, "earliest": earliest.description])
        case let .reminderDate(date, today): return s.format(asOfKey("form.reminderDate", today), ["date": date.iso, "today": today.iso])
        case let .monthAfterEnd(month, endYear): return s.format("rule.monthAfterEnd", ["month": month.description, "end": String(endYear)])
        case let .reminderAuthor(by, you): return s.format("rule.reminderAuthor", ["by": by, "you": you])
        }
    }

    public func awardProblem(_ p: AwardProblem) -> String {
        let s = strings
        switch p {
        case let .tooMany(kind, n): return s.format("awards.problem.tooMany", ["award": s["award.\(kind.rawValue)"], "n": String(n)])
        case let .notProposed(kind, code): return s.format("awards.problem.notProposed", ["award": s["award.\(kind.rawValue)"], "code": code])
        case let .twice(code): return s.format("awards.problem.twice", ["code": code])
        case let .bothKinds(code): return s.format("awards.problem.bothKinds", ["code": code])
        case let .notInSubcommand(code, sc): return s.format("awards.problem.notInSubcommand", ["code": code, "subcommand": sc])
        case let .unknownSubcommand(sc): return s.format("awards.problem.unknownSubcommand", ["subcommand": sc])
        case let .quarterNotEnded(q):
            return s.format("awards.problem.quarterNotEnded", ["quarter": AwardText(strings: s).quarterTitle(q), "end": q.lastDay.iso])
        case let .alreadyAwarded(kind, code):
            return s.format("awards.problem.alreadyAwarded", ["award": s["award.\(kind.rawValue)"], "code": code])
        case let .recorder(by, you): return s.format("awards.problem.recorder", ["by": by, "you": you])
        }
    }

    /// Store errors of writes; nil for the others.
    func writeLines(_ error: StoreError) -> [String]? {
        switch error {
        case let .accessRefused(r): return [accessRefused(r)]
        case let .workflow(issue, r): return [refusal(r, issue: issue)]
        case let .progress(project, p): return [strings.format("error.progress", ["project": project, "problem": progressProblem(p)])]
        case let .undoBreaksRule(project, p): return [strings.format("error.undoBreaksRule", ["project": project, "problem": progressProblem(p)])]
        case let .nothingToUndo(account): return [strings.format("error.nothingToUndo", ["account": account])]
        case let .notWritable(n): return [notWritable(n)]
        case let .undoBlocked(entity, key, by, at):
            return [strings.format("error.undoBlocked", ["entity": strings.has("entity.\(entity)") ? strings["entity.\(entity)"] : entity,
                                                         "key": key, "by": by, "at": ChangeRow.localTime(at)])]
        case let .invalidValue(_, problem): return [valueProblem(problem)]
        case let .awards(problems): return problems.map(awardProblem)
        default: return nil
        }
    }
}
