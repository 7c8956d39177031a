import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import StringTables

/// Makes a dashboard write on the store and puts the outcome in words. The store checks the
/// roster, the rules and the versions; a refusal comes back with why and who may.
enum WriteExecution {
    enum Outcome: Equatable {
        case done(String)
        case refused(String, stale: Bool)
    }

    static func run(_ request: WriteRequest, store: Store, on day: Day, strings s: Strings, realToday: Day? = nil) -> Outcome {
        do {
            switch request {
            case let .progress(entry, base):
                try store.recordProgress(entry, on: day, basedOn: base)
                return .done(s.format("done.progress", ["code": entry.project, "month": entry.month.description,
                                                        "amount": entry.completed.wanText]))
            case let .remind(reminder):
                let outcome = try store.addReminder(reminder, on: day)
                // One reminder per project, day and person: a second one that day appends its note.
                return .done(s.format(outcome == .inserted ? "done.remind" : "done.remindUpdated",
                                      ["code": reminder.project, "date": reminder.date.iso]))
            case let .newIssue(new):
                let issue = try store.registerIssue(new, on: day)
                return .done(s.format("done.newIssue", ["id": issue.id, "code": new.project]))
            case let .issue(action, id, version):
                let issue = try store.apply(action, toIssue: id, on: day, basedOn: version)
                // The new status and what the 13710 clock asks next.
                let reading = Clock13710.reading(of: issue, asOf: day, rules: store.config.rules.clock)
                let next = reading.due.map { s.format("done.next", ["step": s["step.\(reading.step.rawValue)"], "due": $0.iso]) } ?? ""
                // Escalated past this store's level, the status says where it went.
                return .done(s.format("done.step", ["id": id, "status": s.issueStatus(issue), "next": next]))
            case let .decision(input):
                let d = try store.record(input, on: day)
                return .done(d.kind == .decision ? s.format("done.decision", ["issue": d.issue, "unit": d.unit])
                             : s.format("done.recorded", ["what": s["triage.action.\(TriageAction.key(for: d.kind))"]]))
            case let .proposeAwards(quarter, subcommand, best, worst):
                try store.proposeAwards(quarter: quarter, subcommand: subcommand, best: best, worst: worst, on: day)
                return .done(s.format("done.awardsProposed", ["subcommand": store.config.organisation.subcommand(subcommand)?.name ?? subcommand,
                                                              "quarter": AwardText(strings: s).quarterTitle(quarter)]))
            case let .pickAwards(quarter, antelope, snail):
                try store.pickAwards(quarter: quarter, antelope: antelope, snail: snail, on: day)
                return .done(s.format("done.awardsPicked", ["quarter": AwardText(strings: s).quarterTitle(quarter),
                                                            "antelope": String(antelope.count), "snail": String(snail.count)]))
            case .undo:
                let undone = try store.undoLast()
                return .done(s.format("done.undo", ["n": String(undone.count), "what": undone.first.map { "\(s["entity.\($0.entity)"]) \($0.key)" } ?? ""]))
            }
        } catch {
            // On screen a stale edit keeps the input: say so, and how to apply it again.
            if case let .staleEdit(entity, key, by, at) = error {
                return .refused(staleText(entity: entity, key: key, by: by, at: at, store: store, strings: s), stale: true)
            }
            return .refused(ErrorText(strings: s, realToday: realToday).lines(error).joined(separator: " "), stale: false)
        }
    }

    /// A stale edit in words: who changed the row (with their roster name), when, and what
    /// they wrote, read from the change log's last entry for it, so that the clerk can decide
    /// whether their own input should win.
    static func staleText(entity: String, key: String, by: String, at: String, store: Store, strings s: Strings) -> String {
        let last = (try? store.history(entity: entity, key: key))?.last
        let row = last.map { ChangeRow($0, roster: store.config.roster) }
        let change = row.map { $0.lines(s).joined(separator: s["cli.sep"]) } ?? ""
        return s.format(change.isEmpty ? "msg.staleKept" : "msg.staleKeptChange",
                        ["entity": s.has("entity.\(entity)") ? s["entity.\(entity)"] : entity, "key": key,
                         "by": row?.who(s) ?? by, "at": ChangeRow.localTime(at), "change": change])
    }

    /// What `u` would take back, in lines for the confirmation.
    static func undoSummary(_ entries: [ChangeEntry], roster: Roster, strings s: Strings) -> [String] {
        guard let first = entries.last else { return [] }
        var lines = [s.format("undo.what", ["time": ChangeRow(first, roster: roster).localTime, "n": String(entries.count)])]
        for entry in entries.prefix(6) {
            let row = ChangeRow(entry, roster: roster)
            lines.append(row.record(s))
            lines += row.lines(s).prefix(4).map { "  " + $0 }
        }
        if entries.count > 6 { lines.append(s.format("undo.more", ["n": String(entries.count - 6)])) }
        return lines
    }

    /// The change log of a project (its ledger rows and its issues) or of an issue, newest first.
    static func history(_ scope: HistoryScope, store: Store) throws(StoreError) -> [ChangeEntry] {
        switch scope {
        case let .issue(id): return try store.history(entity: "issue", key: id).reversed()
        case let .project(code): return try store.projectHistory(code)
        }
    }
}
