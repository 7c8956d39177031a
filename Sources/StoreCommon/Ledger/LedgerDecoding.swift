import KeyProjects

/// What a row decoder needs to know beyond the row: the organisation and the projects.
package struct DecodingContext {
    package let organisation: Organisation
    /// Codes of the projects already in the store or in the file being imported.
    package let projectCodes: Set<String>
    /// The store's projects' sub-commands (the awards ledger checks its nominations).
    package var projectSubcommands: [String: String] = [:]

    package init(organisation: Organisation, projectCodes: Set<String>, projectSubcommands: [String: String] = [:]) {
        self.organisation = organisation; self.projectCodes = projectCodes; self.projectSubcommands = projectSubcommands
    }

    package func subcommand(_ text: String) -> String? {
        organisation.subcommands.first { $0.code == text || $0.name == text }?.code
    }
    package func locality(_ text: String) -> String? {
        organisation.localities.first { $0.code == text || $0.name == text }?.code
    }
}

/// Row → entity for each ledger. Each returns nil when the row has problems (left in `r`).
package enum LedgerDecoding {
    package static func project(_ r: RowReader, _ c: DecodingContext) -> Project? {
        let code = r.required("code"), name = r.required("name")
        let level = r.choice("level", Words.projectLevel)
        let rawSub = r.required("subcommand"), rawLoc = r.required("locality")
        let sub = rawSub.isEmpty ? nil : c.subcommand(rawSub)
        if !rawSub.isEmpty && sub == nil { r.problem("subcommand", .unknownSubcommand(rawSub)) }
        let loc = rawLoc.isEmpty ? nil : c.locality(rawLoc)
        if !rawLoc.isEmpty && loc == nil { r.problem("locality", .unknownLocality(rawLoc)) }
        let nature = r.choice("nature", Words.nature, default: .new)
        let stage = r.choice("stage", Words.stage, default: .construction)
        let reserve: ReserveClass? = r.text("reserve_class").isEmpty ? nil : r.choice("reserve_class", Words.reserveClass)
        let start = r.int("start_year", range: 1900...2999), end = r.int("end_year", range: 1900...2999)
        let total = r.money("total_investment", required: true), annual = r.money("annual_plan", required: true)
        if let total, let annual, annual > total {
            r.problem("annual_plan", .inconsistent(.annualPlanExceedsTotal(annual: annual, total: total)))
        }
        if let start, let end, end < start {
            r.problem("end_year", .inconsistent(.endsBeforeStart(end: end, start: start)))
        }
        guard r.problems.isEmpty, let level, let sub, let loc, let nature, let stage, let total, let annual else { return nil }
        return Project(code: code, name: name, level: level, subcommand: sub, locality: loc,
                       constructionUnit: r.text("construction_unit"), nature: nature, stage: stage, reserveClass: reserve,
                       content: r.text("content"), startYear: start, endYear: end, totalInvestment: total,
                       annualPlan: annual, liaisonLeader: r.text("liaison_leader"),
                       responsibleUnit: r.text("responsible_unit"), responsiblePerson: r.text("responsible_person"),
                       contact: r.text("contact"))
    }

    package static func projectCode(_ r: RowReader, _ c: DecodingContext) -> String {
        let code = r.required("code")
        if !code.isEmpty && !c.projectCodes.contains(code) { r.problem("code", .unknownProject(code)) }
        return code
    }

    package static func monthly(_ r: RowReader, _ c: DecodingContext) -> MonthlyRecord? {
        let code = projectCode(r, c)
        let month = r.month("month")
        let planned = r.money("planned", required: false)
        let completed = r.money("completed", required: true)
        guard r.problems.isEmpty, let month, let completed else { return nil }
        return MonthlyRecord(project: code, month: month, planned: planned, completed: completed, progress: r.text("progress"))
    }

    package static func milestone(_ r: RowReader, _ c: DecodingContext) -> Milestone? {
        let code = projectCode(r, c)
        let kind = r.choice("kind", Words.milestone)
        let planned = r.day("planned"), actual = r.day("actual")
        // With one of the two columns left out, the stored date counts: the store checks the
        // merged row (`SQLiteStore.recheckMerged`).
        if planned == nil && actual == nil && r.problems.isEmpty && r.has("planned") && r.has("actual") {
            r.problem("planned", .inconsistent(.milestoneNeedsDate))
        }
        guard r.problems.isEmpty, let kind else { return nil }
        return Milestone(project: code, kind: kind, planned: planned, actual: actual)
    }

    package static func reminder(_ r: RowReader, _ c: DecodingContext) -> Reminder? {
        let code = projectCode(r, c)
        let date = r.day("date", required: true)
        // Empty: the account importing (the store decides who may name whom).
        let by = r.text("by")
        guard r.problems.isEmpty, let date else { return nil }
        return Reminder(project: code, date: date, by: by, note: r.text("note"))
    }

    package static func meeting(_ r: RowReader, _ c: DecodingContext) -> Meeting? {
        let id = r.required("id")
        let date = r.day("date", required: true)
        let kind = r.choice("kind", Words.meetingKind)
        let title = r.required("title")
        let time = r.text("time")
        if !time.isEmpty && !isClockTime(time) { r.problem("time", .inconsistent(.notATime(time))) }
        let scope = meetingScope(r.text("scope"), c)
        if scope == nil { r.problem("scope", .notAChoice(r.text("scope"), allowed: ["总指挥部", "办公室", "a sub-command", "a locality"])) }
        let series = r.text("series")
        let scheduledOn = r.day("scheduled_on", required: false)
        if !series.isEmpty && scheduledOn == nil && r.problems.isEmpty && r.has("scheduled_on") { r.problem("scheduled_on", .required) }
        let cancelled = r.choice("cancelled", Words.yesNo, default: .no)
        guard r.problems.isEmpty, let date, let kind, let scope else { return nil }
        return Meeting(id: id, date: date, time: time, kind: kind, title: title, chair: r.text("chair"), scope: scope,
                       location: r.text("location"), note: r.text("note"), series: series, scheduledOn: scheduledOn,
                       cancelled: cancelled == .yes)
    }

    /// A nomination (the sub-command's, of its own project) or an award (with its place).
    package static func award(_ r: RowReader, _ c: DecodingContext) -> AwardRow? {
        let quarterText = r.required("quarter")
        let quarter = quarterText.isEmpty ? nil : Quarter.parse(quarterText) ?? Quarter.parseChinese(quarterText)
        if !quarterText.isEmpty && quarter == nil { r.problem("quarter", .inconsistent(.notAQuarter(quarterText))) }
        let stage = r.choice("stage", Words.awardStage)
        let kind = r.choice("kind", Words.awardKind)
        let code = projectCode(r, c)
        let date = r.day("recorded_on", required: true)
        var subcommand = ""
        var place = 0
        switch stage {
        case .nomination?:
            let raw = r.required("subcommand")
            if !raw.isEmpty {
                if let sc = c.subcommand(raw) {
                    subcommand = sc
                    if let own = c.projectSubcommands[code], own != sc {
                        r.problem("code", .inconsistent(.notAProjectOf(code: code, subcommand: raw)))
                    }
                } else { r.problem("subcommand", .unknownSubcommand(raw)) }
            }
        case .award?:
            place = r.int("place", range: 1...AwardRules.picksPerKind) ?? 0
            if place == 0 && r.problems.isEmpty { r.problem("place", .required) }
        case nil: break
        }
        guard r.problems.isEmpty, let quarter, let stage, let kind, let date else { return nil }
        let by = r.text("by")
        switch stage {
        case .nomination:
            return AwardRow(value: .proposal(AwardProposal(quarter: quarter, subcommand: subcommand, kind: kind, project: code,
                                                           reason: r.text("reason"), by: by, recordedOn: date)), line: r.line)
        case .award:
            return AwardRow(value: .pick(AwardPick(quarter: quarter, kind: kind, project: code, place: place, by: by, recordedOn: date)),
                            line: r.line)
        }
    }

    /// The awards' rules across rows, on the file's rows and the store's record together: an
    /// award from the quarter's nominations only, three of each at most, one place each, no
    /// project both the best and the worst.
    package static func awardRules(_ rows: [AwardRow], store: AwardRecord, file: String) -> [LedgerProblem] {
        var record = store
        for row in rows {
            switch row.value {
            case let .proposal(p):
                record.proposals.removeAll { $0.quarter == p.quarter && $0.subcommand == p.subcommand && $0.kind == p.kind }
                record.proposals.append(p)
            case let .pick(p):
                record.picks.removeAll { $0.quarter == p.quarter && $0.kind == p.kind && ($0.project == p.project || $0.place == p.place) }
                record.picks.append(p)
            }
        }
        var problems: [LedgerProblem] = []
        for row in rows {
            guard case let .pick(p) = row.value else { continue }
            let proposals = record.proposals(p.quarter)
            let antelope = record.picks(p.quarter, .antelope).map(\.project), snail = record.picks(p.quarter, .snail).map(\.project)
            let mine = AwardRules.check(antelope: antelope, snail: snail, proposals: proposals).filter { problem in
                switch problem {
                case let .notProposed(kind, code): return kind == p.kind && code == p.project
                case let .bothKinds(code): return code == p.project
                default: return false
                }
            }
            for problem in mine {
                problems.append(LedgerProblem(file: file, line: row.line, column: "项目编码", reason: .award(problem)))
            }
        }
        return problems
    }

    /// `总指挥部`/`hq`, `办公室`/`office`, or a sub-command or locality by code or name.
    package static func meetingScope(_ text: String, _ c: DecodingContext) -> MeetingScope? {
        switch text {
        case "", "总指挥部", "hq", "headquarters": return .headquarters
        case "办公室", "总指挥部办公室", "office": return .office
        default:
            if let scope = MeetingScope(code: text) { return scope }
            if let sub = c.subcommand(text) { return .subcommand(sub) }
            if let loc = c.locality(text) { return .locality(loc) }
            return nil
        }
    }

    /// The ledger word for a scope: the names an office writes.
    package static func scopeWord(_ scope: MeetingScope, _ org: Organisation) -> String {
        switch scope {
        case .headquarters: return "总指挥部"
        case .office: return "办公室"
        case let .subcommand(code): return org.subcommand(code)?.name ?? scope.code
        case let .locality(code): return org.locality(code)?.name ?? scope.code
        }
    }

    package static func isClockTime(_ s: String) -> Bool {
        let parts = s.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2 else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }
}
