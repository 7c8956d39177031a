import GRDB
import KeyProjects

/// The codec of each entity: its cells by column, and its value from a row read by column.
/// Column order, names and positions come from the table's `Columns`.
enum Codecs {
    static let project = EntityCodec<Project>(
        Project.Columns.self, entity: "project", key: [.code],
        cell: { p, column in
            switch column {
            case .code: Cells.text(p.code)
            case .name: Cells.text(p.name)
            case .level: Cells.text(p.level.rawValue)
            case .subcommand: Cells.text(p.subcommand)
            case .locality: Cells.text(p.locality)
            case .constructionUnit: Cells.text(p.constructionUnit)
            case .nature: Cells.text(p.nature.rawValue)
            case .stage: Cells.text(p.stage.rawValue)
            case .reserveClass: p.reserveClass.map { $0.rawValue.databaseValue } ?? .null
            case .content: Cells.text(p.content)
            case .startYear: Cells.int(p.startYear)
            case .endYear: Cells.int(p.endYear)
            case .totalInvestment: Cells.money(p.totalInvestment)
            case .annualPlan: Cells.money(p.annualPlan)
            case .liaisonLeader: Cells.text(p.liaisonLeader)
            case .responsibleUnit: Cells.text(p.responsibleUnit)
            case .responsiblePerson: Cells.text(p.responsiblePerson)
            case .contact: Cells.text(p.contact)
            }
        },
        decode: { r in
            Project(code: r[.code], name: r[.name], level: ProjectLevel(rawValue: r[.level]) ?? .county,
                    subcommand: r[.subcommand], locality: r[.locality], constructionUnit: r[.constructionUnit],
                    nature: ProjectNature(rawValue: r[.nature]) ?? .new,
                    stage: ProjectStage(rawValue: r[.stage]) ?? .construction,
                    reserveClass: (r[.reserveClass] as String?).flatMap(ReserveClass.init(rawValue:)), content: r[.content],
                    startYear: r[.startYear], endYear: r[.endYear], totalInvestment: r.money(.totalInvestment) ?? .zero,
                    annualPlan: r.money(.annualPlan) ?? .zero, liaisonLeader: r[.liaisonLeader],
                    responsibleUnit: r[.responsibleUnit], responsiblePerson: r[.responsiblePerson], contact: r[.contact],
                    version: r.version)
        })

    static let monthly = EntityCodec<MonthlyRecord>(
        MonthlyRecord.Columns.self, entity: "monthly", key: [.project, .month],
        monthColumns: [.month], monthOf: { ($0.project, $0.month) },
        cell: { m, column in
            switch column {
            case .project: Cells.text(m.project)
            case .month: Cells.month(m.month)
            case .planned: Cells.money(m.planned)
            case .completed: Cells.money(m.completed)
            case .progress: Cells.text(m.progress)
            }
        },
        decode: { r in
            MonthlyRecord(project: r[.project], month: r.month(.month), planned: r.money(.planned),
                          completed: r.money(.completed) ?? .zero, progress: r[.progress], version: r.version)
        })

    static let milestone = EntityCodec<Milestone>(
        Milestone.Columns.self, entity: "milestone", key: [.project, .kind],
        cell: { m, column in
            switch column {
            case .project: Cells.text(m.project)
            case .kind: Cells.text(m.kind.rawValue)
            case .planned: Cells.day(m.planned)
            case .actual: Cells.day(m.actual)
            }
        },
        decode: { r in
            Milestone(project: r[.project], kind: MilestoneKind(rawValue: r[.kind]) ?? .start, planned: r.day(.planned),
                      actual: r.day(.actual), version: r.version)
        })

    static let reminder = EntityCodec<Reminder>(
        Reminder.Columns.self, entity: "reminder", key: [.project, .date, .by], dayColumns: [.date],
        cell: { m, column in
            switch column {
            case .project: Cells.text(m.project)
            case .date: Cells.day(m.date)
            case .by: Cells.text(m.by)
            case .note: Cells.text(m.note)
            }
        },
        decode: { r in
            Reminder(project: r[.project], date: r.day(.date) ?? Day(ordinal: 0), by: r[.by], note: r[.note], version: r.version)
        })

    static let issue = EntityCodec<Issue>(
        Issue.Columns.self, entity: "issue", key: [.id],
        cell: { i, column in
            switch column {
            case .id: Cells.text(i.id)
            // A lower store's issue has no project of this store's (NULL, which the foreign key passes).
            case .project: i.isFromLowerStore && i.project.isEmpty ? .null : Cells.text(i.project)
            case .category: Cells.text(i.category.rawValue)
            case .kind: Cells.text(i.kind.rawValue)
            case .level: Cells.text(i.level.rawValue)
            case .description: Cells.text(i.description)
            case .status: Cells.text(i.status.rawValue)
            case .registeredOn: Cells.day(i.registeredOn)
            case .queuedOn: Cells.day(i.queuedOn)
            case .unit: Cells.text(i.unit)
            case .dispatchedOn: Cells.day(i.dispatchedOn)
            case .arrangedOn: Cells.day(i.arrangedOn)
            case .feedbackOn: Cells.day(i.feedbackOn)
            case .solvedOn: Cells.day(i.solvedOn)
            case .reopenedOn: Cells.day(i.reopenedOn)
            case .clearedOn: Cells.day(i.clearedOn)
            case .planSubmittedOn: Cells.day(i.planSubmittedOn)
            case .deadline: Cells.day(i.deadline)
            case .deadlineReason: Cells.text(i.deadlineReason)
            case .listed: (i.listed ? 1 : 0).databaseValue
            case .supervisionSolution: Cells.text(i.supervision.solution)
            case .supervisionUnit: Cells.text(i.supervision.unit)
            case .supervisionLeader: Cells.text(i.supervision.leader)
            case .supervisionPerson: Cells.text(i.supervision.person)
            case .supervisionDeadline: Cells.day(i.supervision.deadline)
            case .grp: Cells.text(i.group)
            case .note: Cells.text(i.note)
            case .reopenCount: i.reopenCount.databaseValue
            case .origin: Cells.text(i.origin)
            case .originProject: Cells.text(i.originProject)
            case .referredTo: Cells.text(i.referredTo)
            }
        },
        decode: { r in
            Issue(id: r[.id], project: (r[.project] as String?) ?? "", category: IssueCategory(rawValue: r[.category]) ?? .other,
                  kind: IssueKind(rawValue: r[.kind]) ?? .general, level: IssueLevel(rawValue: r[.level]) ?? .county,
                  description: r[.description], status: IssueStatus(rawValue: r[.status]) ?? .registered,
                  registeredOn: r.day(.registeredOn) ?? Day(ordinal: 0), queuedOn: r.day(.queuedOn), unit: r[.unit],
                  dispatchedOn: r.day(.dispatchedOn), arrangedOn: r.day(.arrangedOn), feedbackOn: r.day(.feedbackOn),
                  solvedOn: r.day(.solvedOn), reopenedOn: r.day(.reopenedOn), clearedOn: r.day(.clearedOn),
                  planSubmittedOn: r.day(.planSubmittedOn), deadline: r.day(.deadline), deadlineReason: r[.deadlineReason],
                  listed: (r[.listed] as Int) != 0,
                  supervision: SupervisionFive(solution: r[.supervisionSolution], unit: r[.supervisionUnit],
                                               leader: r[.supervisionLeader], person: r[.supervisionPerson],
                                               deadline: r.day(.supervisionDeadline)),
                  group: r[.grp], note: r[.note], reopenCount: r[.reopenCount], origin: r[.origin],
                  originProject: r[.originProject], referredTo: r[.referredTo], version: r.version)
        })

    static let meeting = EntityCodec<Meeting>(
        Meeting.Columns.self, entity: "meeting", key: [.id], dayColumns: [.date, .scheduledOn],
        cell: { m, column in
            switch column {
            case .id: Cells.text(m.id)
            case .date: Cells.day(m.date)
            case .time: Cells.text(m.time)
            case .kind: Cells.text(m.kind.rawValue)
            case .title: Cells.text(m.title)
            case .chair: Cells.text(m.chair)
            case .scope: Cells.text(m.scope.code)
            case .location: Cells.text(m.location)
            case .note: Cells.text(m.note)
            case .series: Cells.text(m.series)
            case .scheduledOn: Cells.day(m.scheduledOn)
            case .cancelled: (m.cancelled ? 1 : 0).databaseValue
            case .agenda: Cells.text(m.agendaOrder.joined(separator: "\n"))
            }
        },
        decode: { r in
            Meeting(id: r[.id], date: r.day(.date) ?? Day(ordinal: 0), time: r[.time],
                    kind: MeetingKind(rawValue: r[.kind]) ?? .adHoc, title: r[.title], chair: r[.chair],
                    scope: MeetingScope(code: r[.scope]) ?? .headquarters, location: r[.location], note: r[.note],
                    series: r[.series], scheduledOn: r.day(.scheduledOn), cancelled: (r[.cancelled] as Int) != 0,
                    agendaOrder: (r[.agenda] as String).split(separator: "\n").map(String.init), version: r.version)
        })

    static let decision = EntityCodec<MeetingDecision>(
        MeetingDecision.Columns.self, entity: "decision", key: [.id], dayColumns: [.deadline, .recordedOn],
        cell: { d, column in
            switch column {
            case .id: Cells.text(d.id)
            case .meeting: Cells.text(d.meeting)
            case .item: Cells.text(d.item)
            case .project: Cells.text(d.project)
            case .kind: Cells.text(d.kind.rawValue)
            case .text: Cells.text(d.text)
            case .unit: Cells.text(d.unit)
            case .person: Cells.text(d.person)
            case .deadline: Cells.day(d.deadline)
            case .issue: Cells.text(d.issue)
            case .recordedOn: Cells.day(d.recordedOn)
            }
        },
        decode: { r in
            MeetingDecision(id: r[.id], meeting: r[.meeting], item: r[.item], project: r[.project],
                            kind: MeetingDecision.Kind(rawValue: r[.kind]) ?? .decision, text: r[.text], unit: r[.unit],
                            person: r[.person], deadline: r.day(.deadline), issue: r[.issue],
                            recordedOn: r.day(.recordedOn) ?? Day(ordinal: 0), version: r.version)
        })

    static let awardProposal = EntityCodec<AwardProposal>(
        AwardProposal.Columns.self, entity: "award-proposal", key: [.quarter, .subcommand, .kind], dayColumns: [.recordedOn],
        cell: { a, column in
            switch column {
            case .quarter: Cells.text(a.quarter.description)
            case .subcommand: Cells.text(a.subcommand)
            case .kind: Cells.text(a.kind.rawValue)
            case .project: Cells.text(a.project)
            case .reason: Cells.text(a.reason)
            case .by: Cells.text(a.by)
            case .recordedOn: Cells.day(a.recordedOn)
            }
        },
        decode: { r in
            AwardProposal(quarter: Quarter.parse(r[.quarter]) ?? Quarter(containing: YearMonth(index: 0)),
                          subcommand: r[.subcommand], kind: AwardKind(rawValue: r[.kind]) ?? .antelope, project: r[.project],
                          reason: r[.reason], by: r[.by], recordedOn: r.day(.recordedOn) ?? Day(ordinal: 0), version: r.version)
        })

    static let award = EntityCodec<AwardPick>(
        AwardPick.Columns.self, entity: "award", key: [.quarter, .kind, .project], dayColumns: [.recordedOn],
        cell: { a, column in
            switch column {
            case .quarter: Cells.text(a.quarter.description)
            case .kind: Cells.text(a.kind.rawValue)
            case .project: Cells.text(a.project)
            case .place: a.place.databaseValue
            case .by: Cells.text(a.by)
            case .recordedOn: Cells.day(a.recordedOn)
            }
        },
        decode: { r in
            AwardPick(quarter: Quarter.parse(r[.quarter]) ?? Quarter(containing: YearMonth(index: 0)),
                      kind: AwardKind(rawValue: r[.kind]) ?? .antelope, project: r[.project], place: r[.place], by: r[.by],
                      recordedOn: r.day(.recordedOn) ?? Day(ordinal: 0), version: r.version)
        })
}
