import KeyProjects

/// The earlier quarters' 羚羊奖/蜗牛奖 of a generated locality, as an office would have recorded
/// them: each sub-command nominated what its cards suggest, and the headquarters awarded the
/// three furthest ahead and the three furthest behind. The last quarter ended is left for the
/// users to judge.
struct AwardGenerator {
    let settings: DemoSettings

    func awards(_ portfolio: Portfolio) -> AwardRecord {
        let latest = Quarter.lastEnded(asOf: settings.asOf)
        let first = Quarter(containing: assessedMonth(asOf: settings.asOf).adding(months: -(settings.historyMonths - 1)))
        var record = AwardRecord()
        var quarter = latest.previous
        var quarters: [Quarter] = []
        // This year's earlier quarters the ledger covers whole.
        while quarter.year == latest.year, quarter >= first {
            quarters.insert(quarter, at: 0)
            quarter = quarter.previous
        }
        for q in quarters {
            let board = Board.assess(portfolio, rules: settings.rules, asOf: q.lastDay, month: q.lastMonth)
            let measures = AwardSuggestions.measures(board, quarter: q)
            let day = q.lastMonth.next.firstDay.adding(days: 9)
            for sc in settings.organisation.subcommands {
                let s = AwardSuggestions.suggest(measures, subcommand: sc.code)
                if let best = s.best {
                    record.proposals.append(AwardProposal(quarter: q, subcommand: sc.code, kind: .antelope, project: best.project,
                                                          reason: "序时进度领先，完成序时 \(percent(best.ratio))", by: clerk(sc.code), recordedOn: day))
                }
                if let worst = s.worst {
                    record.proposals.append(AwardProposal(quarter: q, subcommand: sc.code, kind: .snail, project: worst.project,
                                                          reason: "进度滞后，完成序时 \(percent(worst.ratio))", by: clerk(sc.code), recordedOn: day))
                }
            }
            let ratio = Dictionary(measures.map { ($0.project, $0.ratio ?? 0) }, uniquingKeysWith: { a, _ in a })
            for kind in AwardKind.allCases {
                let nominated = record.proposals(q).filter { $0.kind == kind }.map(\.project)
                let ordered = nominated.sorted { a, b in
                    kind == .antelope ? (ratio[a] ?? 0, b) > (ratio[b] ?? 0, a) : (ratio[a] ?? 0, a) < (ratio[b] ?? 0, b)
                }
                for (i, code) in ordered.prefix(AwardRules.picksPerKind).enumerated() {
                    record.picks.append(AwardPick(quarter: q, kind: kind, project: code, place: i + 1, by: clerk("office"),
                                                  recordedOn: day.adding(days: 5)))
                }
            }
        }
        return record
    }

    /// The samples' roster accounts: `lf-law`, `lf-office`.
    func clerk(_ code: String) -> String { "\(settings.codePrefix.lowercased())-\(code)" }

    func percent(_ r: Double?) -> String { r.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }
}
