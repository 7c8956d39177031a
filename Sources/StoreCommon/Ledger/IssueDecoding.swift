import KeyProjects

extension LedgerDecoding {
    /// An issue row, with its dates checked against its status: each step the status has
    /// reached needs its date (a skipped 部署日期 is allowed when later steps are dated), dates
    /// run in order, and a listed issue has all of 五到位.
    package static func issue(_ r: RowReader, _ c: DecodingContext) -> Issue? {
        let id = r.required("id")
        let code = projectCode(r, c)
        let category = r.choice("category", Words.category)
        let kind = r.choice("kind", Words.issueKind, default: .general)
        let level = r.choice("level", Words.issueLevel, default: defaultLevel(c.organisation.level))
        let description = r.required("description")
        let status = r.choice("status", Words.status, default: .registered)
        let registered = r.day("registered_on", required: true)
        let queued = r.day("queued_on")
        let dispatched = r.day("dispatched_on"), arranged = r.day("arranged_on"), feedback = r.day("feedback_on")
        let solved = r.day("solved_on"), reopened = r.day("reopened_on"), cleared = r.day("cleared_on")
        let plan = r.day("plan_submitted_on"), deadline = r.day("deadline"), svDeadline = r.day("supervision_deadline")
        let listed = r.choice("listed", Words.yesNo, default: .no)
        let reopenCount = r.int("reopen_count", range: 0...999) ?? 0
        guard r.problems.isEmpty, let category, let kind, let level, let status, let registered, let listed else { return nil }

        let unit = r.text("unit")
        let five = SupervisionFive(solution: r.text("supervision_solution"), unit: r.text("supervision_unit"),
                                   leader: r.text("supervision_leader"), person: r.text("supervision_person"),
                                   deadline: svDeadline)
        // A column the file leaves out keeps the stored value, unknown here: the rules across
        // columns are checked here on the columns the file has, and again by the store on the
        // merged row (`SQLiteStore.recheckMerged`): a partial ledger updates only what it carries.
        let statusKnown = r.has("status")
        let reached = Set(reachedSteps(status))
        func need(_ key: String, _ value: Day?, when step: ClockStep) {
            if statusKnown && r.has(key) && reached.contains(step) && value == nil {
                r.problem(key, .inconsistent(.statusNeedsDate(status)))
            }
        }
        need("dispatched_on", dispatched, when: .dispatch)
        need("feedback_on", feedback, when: .feedback)
        need("solved_on", solved, when: .solve)
        need("cleared_on", cleared, when: .confirm)
        if status == .reopened && reopened == nil && statusKnown && r.has("reopened_on") { r.problem("reopened_on", .inconsistent(.statusNeedsDate(.reopened))) }
        if statusKnown && r.has("unit") && reached.contains(.dispatch) && unit.isEmpty { r.problem("unit", .inconsistent(.dispatchedNeedsUnit)) }
        if statusKnown && !reached.contains(.dispatch) {
            for (key, value) in [("dispatched_on", dispatched), ("arranged_on", arranged), ("feedback_on", feedback),
                                 ("solved_on", solved), ("cleared_on", cleared)] where value != nil {
                r.problem(key, .inconsistent(.statusNotReached(status)))
            }
        }
        // Dates run in order.
        let ordered: [(String, Day?)] = [("registered_on", registered), ("dispatched_on", dispatched),
                                         ("arranged_on", arranged), ("feedback_on", feedback), ("solved_on", solved),
                                         ("cleared_on", cleared)]
        var latest: (key: String, day: Day)? = nil
        for (key, value) in ordered {
            guard let value else { continue }
            if let latest, value < latest.day {
                r.problem(key, .inconsistent(.beforeEarlierStep(date: value, earlier: latest.day, column: latest.key)))
            }
            latest = (key, value)
        }
        if let queued, queued < registered { r.problem("queued_on", .inconsistent(.queuedBeforeRegistered)) }
        let fiveKnown = ["supervision_solution", "supervision_unit", "supervision_leader", "supervision_person",
                         "supervision_deadline"].allSatisfy(r.has)
        if listed == .yes && fiveKnown && !five.isComplete {
            r.problem("listed", .inconsistent(.listingIncomplete(missing: five.missing.map(\.rawValue))))
        }
        if plan != nil && r.has("kind") && kind != .major { r.problem("plan_submitted_on", .inconsistent(.planOnlyForMajor)) }
        guard r.problems.isEmpty else { return nil }
        return Issue(id: id, project: code, category: category, kind: kind, level: level, description: description,
                     status: status, registeredOn: registered, queuedOn: queued, unit: unit, dispatchedOn: dispatched,
                     arrangedOn: arranged, feedbackOn: feedback,
                     solvedOn: solved, reopenedOn: reopened, clearedOn: cleared, planSubmittedOn: plan,
                     deadline: deadline, deadlineReason: r.text("deadline_reason"), listed: listed == .yes,
                     supervision: five, group: r.text("group"), note: r.text("note"), reopenCount: reopenCount)
    }

    /// Steps an issue with this status has gone past.
    package static func reachedSteps(_ status: IssueStatus) -> [ClockStep] {
        let current = Clock13710.currentStep(status)
        return Array(ClockStep.allCases.prefix { $0 != current })
    }

    package static func defaultLevel(_ level: HeadquartersLevel) -> IssueLevel {
        switch level {
        case .province: return .province
        case .city: return .city
        case .county: return .county
        }
    }
}
