import GRDB
import KeyProjects

/// The codec of each entity. Column order is the table's, keys first.
enum Codecs {
    static let project = EntityCodec<Project>(
        table: "project", entity: "project",
        columns: ["code", "name", "level", "subcommand", "locality", "construction_unit", "nature", "stage",
                  "reserve_class", "content", "start_year", "end_year", "total_investment", "annual_plan",
                  "liaison_leader", "responsible_unit", "responsible_person", "contact"],
        keyColumnCount: 1,
        encode: { p in
            [p.code, p.name, p.level.rawValue, p.subcommand, p.locality, p.constructionUnit, p.nature.rawValue,
             p.stage.rawValue].map(Cells.text)
            + [p.reserveClass.map { $0.rawValue.databaseValue } ?? .null, Cells.text(p.content),
               Cells.int(p.startYear), Cells.int(p.endYear), Cells.money(p.totalInvestment), Cells.money(p.annualPlan)]
            + [p.liaisonLeader, p.responsibleUnit, p.responsiblePerson, p.contact].map(Cells.text)
        },
        decode: { r in
            Project(code: r[0], name: r[1], level: ProjectLevel(rawValue: r[2]) ?? .county, subcommand: r[3],
                    locality: r[4], constructionUnit: r[5], nature: ProjectNature(rawValue: r[6]) ?? .new,
                    stage: ProjectStage(rawValue: r[7]) ?? .construction,
                    reserveClass: (r[8] as String?).flatMap(ReserveClass.init(rawValue:)), content: r[9],
                    startYear: r[10], endYear: r[11], totalInvestment: Cells.money(r, 12) ?? .zero,
                    annualPlan: Cells.money(r, 13) ?? .zero, liaisonLeader: r[14], responsibleUnit: r[15],
                    responsiblePerson: r[16], contact: r[17], version: r[18])
        })

    static let monthly = EntityCodec<MonthlyRecord>(
        table: "monthly", entity: "monthly",
        columns: ["project", "month", "planned", "completed", "progress"],
        keyColumnCount: 2, monthColumns: ["month"], monthOf: { ($0.project, $0.month) },
        encode: { m in
            [Cells.text(m.project), Cells.month(m.month), Cells.money(m.planned), Cells.money(m.completed),
             Cells.text(m.progress)]
        },
        decode: { r in
            MonthlyRecord(project: r[0], month: Cells.month(r, 1), planned: Cells.money(r, 2),
                          completed: Cells.money(r, 3) ?? .zero, progress: r[4], version: r[5])
        })

    static let milestone = EntityCodec<Milestone>(
        table: "milestone", entity: "milestone",
        columns: ["project", "kind", "planned", "actual"],
        keyColumnCount: 2,
        encode: { m in [Cells.text(m.project), Cells.text(m.kind.rawValue), Cells.day(m.planned), Cells.day(m.actual)] },
        decode: { r in
            Milestone(project: r[0], kind: MilestoneKind(rawValue: r[1]) ?? .start, planned: Cells.day(r, 2),
                      actual: Cells.day(r, 3), version: r[4])
        })

    static let reminder = EntityCodec<Reminder>(
        table: "reminder", entity: "reminder",
        columns: ["project", "date", "by", "note"],
        keyColumnCount: 3, dayColumns: ["date"],
        encode: { m in [Cells.text(m.project), Cells.day(m.date), Cells.text(m.by), Cells.text(m.note)] },
        decode: { r in
            Reminder(project: r[0], date: Cells.day(r, 1) ?? Day(ordinal: 0), by: r[2], note: r[3], version: r[4])
        })

    static let issue = EntityCodec<Issue>(
        table: "issue", entity: "issue",
        columns: ["id", "project", "category", "kind", "level", "description", "status", "registered_on", "queued_on",
                  "unit", "dispatched_on", "arranged_on", "feedback_on", "solved_on", "reopened_on", "cleared_on",
                  "plan_submitted_on", "deadline", "deadline_reason", "listed", "supervision_solution",
                  "supervision_unit", "supervision_leader", "supervision_person", "supervision_deadline", "grp",
                  "note", "reopen_count"],
        keyColumnCount: 1,
        encode: { i in
            [i.id, i.project, i.category.rawValue, i.kind.rawValue, i.level.rawValue, i.description, i.status.rawValue]
                .map(Cells.text)
            + [Cells.day(i.registeredOn), Cells.day(i.queuedOn), Cells.text(i.unit)]
            + [i.dispatchedOn, i.arrangedOn, i.feedbackOn, i.solvedOn, i.reopenedOn, i.clearedOn, i.planSubmittedOn,
               i.deadline].map(Cells.day)
            + [Cells.text(i.deadlineReason), (i.listed ? 1 : 0).databaseValue]
            + [i.supervision.solution, i.supervision.unit, i.supervision.leader, i.supervision.person].map(Cells.text)
            + [Cells.day(i.supervision.deadline), Cells.text(i.group), Cells.text(i.note), i.reopenCount.databaseValue]
        },
        decode: { r in
            Issue(id: r[0], project: r[1], category: IssueCategory(rawValue: r[2]) ?? .other,
                  kind: IssueKind(rawValue: r[3]) ?? .general, level: IssueLevel(rawValue: r[4]) ?? .county,
                  description: r[5], status: IssueStatus(rawValue: r[6]) ?? .registered,
                  registeredOn: Cells.day(r, 7) ?? Day(ordinal: 0), queuedOn: Cells.day(r, 8), unit: r[9],
                  dispatchedOn: Cells.day(r, 10), arrangedOn: Cells.day(r, 11), feedbackOn: Cells.day(r, 12),
                  solvedOn: Cells.day(r, 13), reopenedOn: Cells.day(r, 14), clearedOn: Cells.day(r, 15),
                  planSubmittedOn: Cells.day(r, 16), deadline: Cells.day(r, 17), deadlineReason: r[18],
                  listed: (r[19] as Int) != 0,
                  supervision: SupervisionFive(solution: r[20], unit: r[21], leader: r[22], person: r[23],
                                               deadline: Cells.day(r, 24)),
                  group: r[25], note: r[26], reopenCount: r[27], version: r[28])
        })

    static let meeting = EntityCodec<Meeting>(
        table: "meeting", entity: "meeting",
        columns: ["id", "date", "time", "kind", "title", "chair", "scope", "location", "note", "series", "scheduled_on", "cancelled"],
        keyColumnCount: 1, dayColumns: ["date", "scheduled_on"],
        encode: { m in
            [Cells.text(m.id), Cells.day(m.date)]
            + [m.time, m.kind.rawValue, m.title, m.chair, m.scope.code, m.location, m.note, m.series].map(Cells.text)
            + [Cells.day(m.scheduledOn), (m.cancelled ? 1 : 0).databaseValue]
        },
        decode: { r in
            Meeting(id: r[0], date: Cells.day(r, 1) ?? Day(ordinal: 0), time: r[2],
                    kind: MeetingKind(rawValue: r[3]) ?? .adHoc, title: r[4], chair: r[5],
                    scope: MeetingScope(code: r[6]) ?? .headquarters, location: r[7], note: r[8], series: r[9],
                    scheduledOn: Cells.day(r, 10), cancelled: (r[11] as Int) != 0, version: r[12])
        })

    static let decision = EntityCodec<MeetingDecision>(
        table: "decision", entity: "decision",
        columns: ["id", "meeting", "item", "project", "kind", "text", "unit", "person", "deadline", "issue", "recorded_on"],
        keyColumnCount: 1, dayColumns: ["deadline", "recorded_on"],
        encode: { d in
            [d.id, d.meeting, d.item, d.project, d.kind.rawValue, d.text, d.unit, d.person].map(Cells.text)
            + [Cells.day(d.deadline), Cells.text(d.issue), Cells.day(d.recordedOn)]
        },
        decode: { r in
            MeetingDecision(id: r[0], meeting: r[1], item: r[2], project: r[3], kind: MeetingDecision.Kind(rawValue: r[4]) ?? .decision,
                            text: r[5], unit: r[6], person: r[7], deadline: Cells.day(r, 8), issue: r[9],
                            recordedOn: Cells.day(r, 10) ?? Day(ordinal: 0), version: r[11])
        })

    static let awardProposal = EntityCodec<AwardProposal>(
        table: "award_proposal", entity: "award-proposal",
        columns: ["quarter", "subcommand", "kind", "project", "reason", "by", "recorded_on"],
        keyColumnCount: 3, dayColumns: ["recorded_on"],
        encode: { a in
            [a.quarter.description, a.subcommand, a.kind.rawValue, a.project, a.reason, a.by].map(Cells.text) + [Cells.day(a.recordedOn)]
        },
        decode: { r in
            AwardProposal(quarter: Quarter.parse(r[0]) ?? Quarter(containing: YearMonth(index: 0)), subcommand: r[1],
                          kind: AwardKind(rawValue: r[2]) ?? .antelope, project: r[3], reason: r[4], by: r[5],
                          recordedOn: Cells.day(r, 6) ?? Day(ordinal: 0), version: r[7])
        })

    static let award = EntityCodec<AwardPick>(
        table: "award", entity: "award",
        columns: ["quarter", "kind", "project", "place", "by", "recorded_on"],
        keyColumnCount: 3, dayColumns: ["recorded_on"],
        encode: { a in
            [a.quarter.description, a.kind.rawValue, a.project].map(Cells.text) + [a.place.databaseValue, Cells.text(a.by), Cells.day(a.recordedOn)]
        },
        decode: { r in
            AwardPick(quarter: Quarter.parse(r[0]) ?? Quarter(containing: YearMonth(index: 0)), kind: AwardKind(rawValue: r[1]) ?? .antelope,
                      project: r[2], place: r[3], by: r[4], recordedOn: Cells.day(r, 5) ?? Day(ordinal: 0), version: r[6])
        })
}
