import KeyProjects
import KeyProjectsReports
import KeyProjectsStore
import TerminalKit

/// The awards page's writes (issue 6 §3): `p` a sub-command's nominations of the quarter (the
/// data's suggestions filled in, changeable), `a` the headquarters' three of each.
enum AwardForms {
    /// The nominations form of the selected sub-command.
    static func propose(_ sc: SubCommand, _ report: AwardsReport, _ state: AppState) -> Form {
        let s = state.strings
        let projects = (state.data?.board.standings ?? []).map(\.project).filter { $0.subcommand == sc.code }
        let codes = [""] + projects.map(\.code), words = ["—"] + projects.map(\.name)
        var defaults: [String] = []
        var fields: [Form.Field] = []
        for kind in AwardKind.allCases {
            let n = report.nominations.first { $0.subcommand == sc.code && $0.kind == kind.rawValue }
            defaults += [n?.project ?? "", n?.reason ?? ""]
            fields.append(Form.Field("form.award.\(kind.rawValue)", .choice(codes: codes, words: words), choice: codes.firstIndex(of: n?.project ?? "") ?? 0))
            fields.append(Form.Field("form.award.\(kind.rawValue)Reason", text: n?.reason ?? ""))
        }
        return Form(purpose: .proposeAwards(quarter: report.quarter, subcommand: sc.code, defaults: defaults),
                    title: s.format("form.award.propose.title", ["subcommand": sc.name, "quarter": AwardText(strings: s).quarterTitle(report.quarter)]),
                    fields: fields)
    }

    /// The headquarters' form: three of each kind from the quarter's proposals, the current
    /// picks (else the proposals the data rank first) filled in.
    static func pick(_ report: AwardsReport, record: AwardRecord, _ state: AppState) -> Form {
        let s = state.strings
        var fields: [Form.Field] = []
        for kind in AwardKind.allCases {
            let proposed = record.proposals(report.quarter).filter { $0.kind == kind }.map(\.project)
            // Best first for the antelope, worst first for the snail, by the quarter's measures.
            let ordered = proposed.sorted { a, b in
                let ma = report.measures[a], mb = report.measures[b]
                return kind == .antelope ? ((ma?.ratio ?? 0), b) > ((mb?.ratio ?? 0), a)
                    : ((ma?.badness ?? 0), -(ma?.ratio ?? 0), b) > ((mb?.badness ?? 0), -(mb?.ratio ?? 0), a)
            }
            let names = state.data?.portfolio.projectsByCode ?? [:]
            let codes = [""] + ordered, words = ["—"] + ordered.map { names[$0]?.name ?? $0 }
            let current = record.picks(report.quarter, kind).map(\.project)
            let initial = current.isEmpty ? Array(ordered.prefix(AwardRules.picksPerKind)) : current
            for place in 1...AwardRules.picksPerKind {
                let code = initial.indices.contains(place - 1) ? initial[place - 1] : ""
                fields.append(Form.Field("form.award.\(kind.rawValue)\(place)", .choice(codes: codes, words: words),
                                         choice: codes.firstIndex(of: code) ?? 0))
            }
        }
        return Form(purpose: .pickAwards(quarter: report.quarter),
                    title: s.format("form.award.pick.title", ["quarter": AwardText(strings: s).quarterTitle(report.quarter)]), fields: fields)
    }

    static func request(_ form: Form, _ state: AppState) -> FormResult {
        let s = state.strings
        switch form.purpose {
        case let .proposeAwards(quarter, subcommand, defaults):
            var choices: [AwardChoice?] = []
            for (i, kind) in AwardKind.allCases.enumerated() {
                let code = form.value("form.award.\(kind.rawValue)")
                var reason = form.value("form.award.\(kind.rawValue)Reason")
                guard !code.isEmpty else { choices.append(nil); continue }
                // Another project than the form began with, its reason untouched: the data's
                // words for the project chosen.
                if code != defaults[2 * i], reason == defaults[2 * i + 1] {
                    reason = state.figures?.awards?.measures[code].map { AwardText(strings: s).reason($0, kind) } ?? ""
                }
                choices.append(AwardChoice(project: code, reason: reason))
            }
            guard choices.contains(where: { $0 != nil }) else { return .problem(s["form.award.nothing"]) }
            return .request(.proposeAwards(quarter: quarter, subcommand: subcommand, best: choices[0], worst: choices[1]))
        case let .pickAwards(quarter):
            func picked(_ kind: AwardKind) -> [String] {
                (1...AwardRules.picksPerKind).map { form.value("form.award.\(kind.rawValue)\($0)") }.filter { !$0.isEmpty }
            }
            let a = picked(.antelope), b = picked(.snail)
            guard !a.isEmpty || !b.isEmpty else { return .problem(s["form.award.nothing"]) }
            // The same project twice, or as both: said here, before the store refuses it.
            let problems = AwardRules.check(antelope: a, snail: b, proposals: state.data?.portfolio.awards.proposals(quarter) ?? [])
            if let first = problems.first { return .problem(ErrorText(strings: s).awardProblem(first)) }
            return .request(.pickAwards(quarter: quarter, antelope: a, snail: b))
        default:
            return .problem("")
        }
    }
}

extension Update {
    /// `p` and `a` on the awards page: the form, if the roster allows it.
    static func awardsAction(_ action: Action, _ state: inout AppState) -> Outcome {
        guard let data = state.data, let figures = state.figures, let report = figures.awards else { return .handled() }
        switch action {
        case .proposeAwards:
            let subcommands = AwardsRender.subcommands(figures, data)
            guard subcommands.indices.contains(state.awardsSelected) else { return .handled() }
            let sc = subcommands[state.awardsSelected]
            guard allow(.proposeAward(subcommand: sc.code), target: sc.name, &state) else { return .handled() }
            return .push(FormScreen(AwardForms.propose(sc, report, state)))
        case .pickAwards:
            guard allow(.pickAwards, target: report.quarter.description, &state) else { return .handled() }
            guard !data.portfolio.awards.proposals(report.quarter).isEmpty else {
                state.message = state.strings["msg.noProposals"]
                state.messageIsError = true
                return .handled()
            }
            return .push(FormScreen(AwardForms.pick(report, record: data.portfolio.awards, state)))
        default:
            return .handled()
        }
    }
}
