import KeyProjects

/// Issues spread over every 13710 step, timed against the snapshot day so that some are due
/// soon, some overdue and some cleared; some listed (with all of 五到位), a few shared.
struct IssueGenerator {
    let settings: DemoSettings
    let organisation: Organisation

    /// A status and how many days before the snapshot each of its dates falls.
    struct Variant {
        var status: IssueStatus
        var kind: IssueKind = .general
        var queuedAgo = 0
        var dispatchedAgo: Int? = nil
        var arrangedAgo: Int? = nil
        var feedbackAgo: Int? = nil
        var solvedAgo: Int? = nil
        var reopenedAgo: Int? = nil
        var clearedAgo: Int? = nil
        var listed = false
        var planDueIn: Int? = nil
    }

    static let variants: [Variant] = [
        Variant(status: .registered, queuedAgo: 0),
        Variant(status: .registered, queuedAgo: 4),
        Variant(status: .dispatched, queuedAgo: 1, dispatchedAgo: 0),
        Variant(status: .dispatched, queuedAgo: 4, dispatchedAgo: 3),
        Variant(status: .arranged, queuedAgo: 2, dispatchedAgo: 1, arrangedAgo: 1),
        Variant(status: .arranged, queuedAgo: 7, dispatchedAgo: 6, arrangedAgo: 6),
        Variant(status: .fedBack, queuedAgo: 3, dispatchedAgo: 2, arrangedAgo: 2, feedbackAgo: 0),
        Variant(status: .fedBack, queuedAgo: 11, dispatchedAgo: 10, arrangedAgo: 10, feedbackAgo: 8),
        Variant(status: .fedBack, kind: .obstruction, queuedAgo: 3, dispatchedAgo: 2, arrangedAgo: 2, feedbackAgo: 1),
        Variant(status: .fedBack, kind: .major, queuedAgo: 13, dispatchedAgo: 12, arrangedAgo: 12, feedbackAgo: 10),
        Variant(status: .fedBack, kind: .major, queuedAgo: 41, dispatchedAgo: 40, arrangedAgo: 40, feedbackAgo: 37,
                listed: true, planDueIn: 20),
        Variant(status: .fedBack, kind: .major, queuedAgo: 50, dispatchedAgo: 45, arrangedAgo: 44, feedbackAgo: 42,
                listed: true, planDueIn: -5),
        Variant(status: .reopened, queuedAgo: 20, dispatchedAgo: 19, arrangedAgo: 19, feedbackAgo: 17, reopenedAgo: 2),
        Variant(status: .solutionClaimed, queuedAgo: 9, dispatchedAgo: 8, arrangedAgo: 8, feedbackAgo: 6, solvedAgo: 1),
        Variant(status: .cleared, queuedAgo: 30, dispatchedAgo: 29, arrangedAgo: 29, feedbackAgo: 27, solvedAgo: 22, clearedAgo: 15),
        Variant(status: .cleared, kind: .obstruction, queuedAgo: 70, dispatchedAgo: 70, arrangedAgo: 70, feedbackAgo: 68,
                solvedAgo: 68, clearedAgo: 60),
    ]

    func issues(for files: [ProjectFile], _ rng: inout SeededRandom) -> [Issue] {
        guard !files.isEmpty else { return [] }
        let asOf = settings.asOf
        // Behind and stalled projects carry most issues.
        let troubled = files.indices.filter { i in
            let s = Scenario.cycle[i % Scenario.cycle.count]
            return s.behindSince != nil || s.stalledSince != nil || s == .lateMilestone || s == .lateMilestoneYellow
        }
        // The categories drawn from, as they were before 水电气 was split (issue 16), so the samples'
        // draws stay as they were; an issue about electricity is then filed under 电力.
        let categories: [IssueCategory] = [.approval, .land, .environment, .energy, .funding, .demolition, .utilities,
                                           .environmentOfInvestment]
        let levels = organisation.issueLevels
        let ownLevel: IssueLevel = organisation.level == .county ? .county : (organisation.level == .city ? .city : .province)
        let own = levels.firstIndex(of: ownLevel) ?? 0
        var result: [Issue] = []
        for n in 0..<settings.issues {
            let variant = IssueGenerator.variants[n % IssueGenerator.variants.count]
            let fileIndex = n % 3 == 2 || troubled.isEmpty ? (n * 5 + 3) % files.count : troubled[(n / 3 * 2 + n % 3) % troubled.count]
            let project = files[fileIndex].project
            // Three open issues in every sixteen share a problem with issues of other projects.
            let shared = [4, 6, 7].contains(n % IssueGenerator.variants.count)
                ? NamePools.sharedProblems[(n / IssueGenerator.variants.count) % NamePools.sharedProblems.count] : nil
            let drawn: IssueCategory = variant.kind == .obstruction ? .obstruction
                : shared.flatMap { IssueCategory(rawValue: $0.category) } ?? categories[(n / 2) % categories.count]
            func ago(_ d: Int?) -> Day? { d.map { asOf.adding(days: -$0) } }
            let texts = NamePools.issueDescriptions[drawn.rawValue] ?? ["项目推进存在困难"]
            let description = shared?.text ?? rng.pick(texts).replacingOccurrences(of: "{n}", with: String(rng.int(12...380)))
            let category: IssueCategory = drawn == .utilities && description.contains("电") ? .power : drawn
            let unit = organisation.proposedUnit(for: category) ?? organisation.office.hostUnit
            let dispatched = ago(variant.dispatchedAgo)
            var issue = Issue(
                id: "Q\(asOf.year)-\(String(repeating: "0", count: max(0, 4 - String(n + 1).count)))\(n + 1)",
                project: project.code, category: category, kind: variant.kind,
                level: levels[min(levels.count - 1, own + (n % 7 == 6 ? 1 : 0))], description: description,
                status: variant.status, registeredOn: ago(variant.queuedAgo + (n % 4 == 0 ? 1 : 0))!,
                queuedOn: ago(variant.queuedAgo), unit: dispatched == nil ? "" : unit, dispatchedOn: dispatched,
                arrangedOn: ago(variant.arrangedAgo), feedbackOn: ago(variant.feedbackAgo), solvedOn: ago(variant.solvedAgo),
                reopenedOn: ago(variant.reopenedAgo), clearedOn: ago(variant.clearedAgo), group: shared?.group ?? "",
                note: variant.feedbackAgo == nil ? "" : "已现场核实，正在协调办理",
                reopenCount: variant.reopenedAgo == nil ? 0 : 1)
            if let due = variant.planDueIn {
                issue.planSubmittedOn = ago(variant.dispatchedAgo.map { $0 - 25 })
                issue.deadline = asOf.adding(days: due)
            }
            if variant.listed {
                issue.listed = true
                let leader = organisation.leaders.count > 1 ? organisation.leaders[1 + n % (organisation.leaders.count - 1)].name : ""
                issue.supervision = SupervisionFive(solution: "成立专班，倒排工期，限时办结", unit: unit, leader: leader,
                                                    person: rng.pick(NamePools.surnames) + rng.pick(NamePools.givenNames),
                                                    deadline: issue.deadline)
            }
            result.append(issue)
        }
        return result
    }
}
