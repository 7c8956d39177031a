import KeyProjects
import StringTables
import TextLayout

/// The organisation as locality.toml sets it up — headquarters, office, sub-commands, working
/// groups (作战小组), member units, the duty table — and the 责任清单 (issue 16): per project its
/// 包联领导, 责任单位 and 责任人, per leader the projects held, leaders over the locality's limit
/// and projects without a leader. `lines(width:)` lays it out for a screen of that width (the
/// dashboard's organisation page shows these lines); `text()` is the same without a width.
public struct OrganisationReport {
    public let organisation: Organisation
    public let projects: [Project]
    public let responsibility: ResponsibilityList
    public let strings: Strings

    public init(organisation: Organisation, projects: [Project], strings: Strings) {
        self.organisation = organisation; self.projects = projects; self.strings = strings
        responsibility = ResponsibilityList(projects: projects, organisation: organisation)
    }

    // MARK: words shared by the formats

    func leaderText(_ id: String) -> String {
        guard let l = organisation.leader(id) else { return id }
        return l.title.isEmpty ? l.name : strings.noted(l.name, l.title)
    }

    func leadersText(_ ids: [String]) -> String { ids.isEmpty ? "—" : strings.list(ids.map(leaderText)) }

    /// 各县（市、区）人民政府 one by one: each locality's government (a zone's 管委会).
    public var localGovernments: [String] {
        guard organisation.localGovernmentsAreMembers else { return [] }
        return organisation.localities.map {
            strings.format($0.kind == .zone ? "org.government.zone" : "org.government", ["name": $0.name])
        }
    }

    func groupLeadText(_ g: WorkingGroup) -> String {
        var parts = g.leadUnits.map { strings.format("org.group.unitHead", ["unit": $0]) }
        // A leader already named through the unit they head is not named twice.
        for id in g.leaders {
            let l = organisation.leader(id)
            if let l, g.leadUnits.contains(where: { l.title.hasPrefix($0) }) { continue }
            parts.append(leaderText(id))
        }
        return parts.isEmpty ? "—" : strings.list(parts)
    }

    func dutyRows() -> [(category: IssueCategory, unit: String)] {
        IssueCategory.allCases.compactMap { c in organisation.dutyTable[c].map { (c, $0) } }
    }

    func projectName(_ code: String) -> String { projects.first { $0.code == code }?.name ?? code }

    // MARK: text, laid out for a width

    /// The page as lines no wider than `width` (nil: as wide as the content): prose wrapped,
    /// table rows cut with "…".
    public func lines(width: Int? = nil) -> [String] {
        let s = strings, org = organisation
        var out: [String] = []
        func prose(_ text: String, indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            guard let width else { out.append(pad + text); return }
            out += DisplayWidth.wrap(text, columns: max(10, width - indent), indent: 2).map { pad + $0 }
        }
        func table(_ t: TextTable, indent: Int = 2) {
            let pad = String(repeating: " ", count: indent)
            let t = width.map { Self.shrunk(t, to: $0 - indent) } ?? t
            for line in t.render().split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                let text = pad + line
                out.append(width.map { DisplayWidth.fit(text, $0).replacingTrailingSpaces() } ?? text)
            }
        }
        var section = 0
        func heading(_ text: String) {
            if !out.isEmpty { out.append("") }
            prose(SectionNumber.prefix(section, s) + text)
            section += 1
        }
        func field(_ label: String, _ value: String, indent: Int = 2) { prose(label + s.colon + value, indent: indent) }

        prose(s.format("org.title", ["hq": org.name]))
        prose(s.format("org.subtitle", ["region": org.region, "level": s.word("level", org.level),
                                         "subs": String(org.subcommands.count), "groups": String(org.workingGroups.count),
                                         "units": String(org.memberUnits.count)]))

        heading(s.format("org.section.headquarters", ["name": org.names.headquarters]))
        field(s["org.commander"], leaderText(org.commander))
        if !org.executiveDeputies.isEmpty { field(s["org.executiveDeputies"], leadersText(org.executiveDeputies)) }
        if !org.deputies.isEmpty { field(s["org.deputies"], leadersText(org.deputies)) }
        field(s.format("org.members", ["n": String(org.memberUnits.count)]), s.list(org.memberUnits))
        if !org.deputyHeadUnits.isEmpty { field(s["org.deputyHeads"], s.list(org.deputyHeadUnits), indent: 4) }
        if !localGovernments.isEmpty {
            field(s.format("org.localGovernments", ["n": String(localGovernments.count)]), s.list(localGovernments), indent: 4)
        }
        if !org.otherUnits.isEmpty { field(s["org.others"], s.list(org.otherUnits)) }
        field(s["org.meetingNames"], s.list([s.format("org.meeting.plenary", ["name": org.names.plenary]),
                                             s.format("org.meeting.office", ["name": org.names.officeMeeting])]))

        heading(s.format("org.section.office", ["name": org.names.office]))
        field(s["org.office.name"], org.office.name)
        field(s["org.office.director"], leaderText(org.office.director))
        field(s["org.office.host"], org.office.hostUnit)

        heading(s.format("org.section.subcommands", ["n": String(org.subcommands.count)]))
        var subs = TextTable(headers: [s["org.col.subcommand"], s["org.col.commander"], s["org.col.deputies"], s["org.col.leadUnits"]])
        for sc in org.subcommands {
            let name = sc.isSingleProject ? s.noted(sc.name, s["org.singleProject"]) : sc.name
            subs.append([name, organisation.leader(sc.commander)?.name ?? sc.commander,
                         sc.deputies.isEmpty ? "—" : s.list(sc.deputies.map { organisation.leader($0)?.name ?? $0 }),
                         sc.leadUnits.isEmpty ? "—" : s.list(sc.leadUnits)])
        }
        table(subs)

        if !org.workingGroups.isEmpty {
            heading(s.format("org.section.groups", ["n": String(org.workingGroups.count)]))
            for (i, g) in org.workingGroups.enumerated() {
                prose("\(i + 1). \(g.name)", indent: 2)
                field(s["org.group.leads"], groupLeadText(g), indent: 5)
                if !g.members.isEmpty { field(s["org.group.members"], s.list(g.members), indent: 5) }
                for duty in g.duties { prose("· " + duty, indent: 5) }
            }
        }

        heading(s["org.section.duty"])
        if org.dutyTable.isEmpty {
            prose(s["org.duty.none"], indent: 2)
        } else {
            var duty = TextTable(headers: [s["org.col.category"], s["org.col.unit"]])
            for row in dutyRows() {
                let unit = org.isWorkingGroup(row.unit) ? s.noted(row.unit, s["org.workingGroup"]) : row.unit
                duty.append([s.word("category", row.category), unit])
            }
            table(duty)
        }

        heading(s["org.section.liaison"])
        let r = responsibility
        prose(r.limit.map { s.format("org.liaison.limit", ["n": String($0)]) } ?? s["org.liaison.noLimit"], indent: 2)
        if r.limit != nil {
            prose(r.overLimit.isEmpty ? s["org.liaison.noneOver"]
                  : s.format("org.liaison.over", ["n": String(r.overLimit.count), "list": s.list(r.overLimit.map(\.name))]), indent: 2)
        }
        prose(r.withoutLeader.isEmpty ? s["org.leaderless.none"]
              : s.format("org.leaderless", ["n": String(r.withoutLeader.count), "total": String(projects.count)]), indent: 2)
        out.append("")
        var leaders = TextTable(headers: [s["org.col.leader"], s["org.col.title"], s["org.col.count"], s["org.col.projects"]],
                                alignments: [.left, .left, .right, .left])
        for h in r.holders {
            var held = h.projects.isEmpty ? "—" : s.list(h.projects.map { "\($0) \(projectName($0))" })
            if h.overLimit, let limit = r.limit { held = s.format("org.overLimit", ["n": String(limit)]) + " " + held }
            leaders.append([h.name, h.leader?.title ?? s["org.localLeader"], String(h.projects.count), held])
        }
        table(leaders)
        if !r.withoutLeader.isEmpty {
            out.append("")
            prose(s.format("org.section.leaderless", ["n": String(r.withoutLeader.count)]), indent: 2)
            var none = TextTable(headers: [s["org.col.code"], s["org.col.project"], s["org.col.subcommand"]])
            for code in r.withoutLeader {
                let p = projects.first { $0.code == code }
                none.append([code, p?.name ?? code, p.flatMap { org.subcommand($0.subcommand)?.name } ?? "—"])
            }
            table(none, indent: 4)
        }
        out.append("")
        prose(s["org.section.projects"], indent: 2)
        var list = TextTable(headers: [s["org.col.code"], s["org.col.project"], s["org.col.leader"], s["org.col.unit"],
                                       s["org.col.person"]])
        for p in projects {
            list.append([p.code, p.name, p.liaisonLeader.isEmpty ? s["org.noLeader"] : p.liaisonLeader,
                         p.responsibleUnit.isEmpty ? "—" : p.responsibleUnit, p.responsiblePerson.isEmpty ? "—" : p.responsiblePerson])
        }
        table(list, indent: 4)
        return out
    }

    public func text() -> String { lines().joined(separator: "\n") + "\n" }

    /// A table whose widest columns are narrowed (their cells cut with "…") until its rows fit
    /// `width`, no column below 6 columns or its header; what still does not fit is cut by the
    /// caller.
    static func shrunk(_ table: TextTable, to width: Int) -> TextTable {
        let count = table.headers.count
        var widths = (0..<count).map { i in
            ([table.headers] + table.rows).map { i < $0.count ? DisplayWidth.of(DisplayWidth.sanitized($0[i])) : 0 }.max() ?? 0
        }
        let floor = table.headers.map { max(6, DisplayWidth.of($0)) }
        func total() -> Int { widths.reduce(0, +) + 2 * (count - 1) }
        while total() > width {
            guard let i = (0..<count).filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[i] -= 1
        }
        var out = TextTable(headers: table.headers, alignments: table.alignments)
        for row in table.rows {
            out.append(row.enumerated().map { i, cell in
                i < count && DisplayWidth.of(DisplayWidth.sanitized(cell)) > widths[i] ? DisplayWidth.fit(cell, widths[i]) : cell
            })
        }
        return out
    }

    // MARK: Markdown

    public func markdown() -> String {
        let s = strings, org = organisation
        func cell(_ t: String) -> String { t.replacingOccurrences(of: "|", with: "\\|") }
        func row(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |" }
        func header(_ cells: [String]) -> String { row(cells) + "\n" + "|" + String(repeating: " --- |", count: cells.count) }
        var section = 0
        var out = "# " + s.format("org.title", ["hq": org.name]) + "\n\n"
        out += s.format("org.subtitle", ["region": org.region, "level": s.word("level", org.level),
                                         "subs": String(org.subcommands.count), "groups": String(org.workingGroups.count),
                                         "units": String(org.memberUnits.count)]) + "\n"
        func heading(_ text: String) { out += "\n## " + SectionNumber.prefix(section, s) + text + "\n\n"; section += 1 }
        func item(_ label: String, _ value: String) { out += "- **\(label)**" + s.colon + value + "\n" }

        heading(s.format("org.section.headquarters", ["name": org.names.headquarters]))
        item(s["org.commander"], leaderText(org.commander))
        if !org.executiveDeputies.isEmpty { item(s["org.executiveDeputies"], leadersText(org.executiveDeputies)) }
        if !org.deputies.isEmpty { item(s["org.deputies"], leadersText(org.deputies)) }
        item(s.format("org.members", ["n": String(org.memberUnits.count)]), s.list(org.memberUnits))
        if !org.deputyHeadUnits.isEmpty { item(s["org.deputyHeads"], s.list(org.deputyHeadUnits)) }
        if !localGovernments.isEmpty { item(s.format("org.localGovernments", ["n": String(localGovernments.count)]), s.list(localGovernments)) }
        if !org.otherUnits.isEmpty { item(s["org.others"], s.list(org.otherUnits)) }
        item(s["org.meetingNames"], s.list([s.format("org.meeting.plenary", ["name": org.names.plenary]),
                                            s.format("org.meeting.office", ["name": org.names.officeMeeting])]))

        heading(s.format("org.section.office", ["name": org.names.office]))
        item(s["org.office.name"], org.office.name)
        item(s["org.office.director"], leaderText(org.office.director))
        item(s["org.office.host"], org.office.hostUnit)

        heading(s.format("org.section.subcommands", ["n": String(org.subcommands.count)]))
        out += header([s["org.col.subcommand"], s["org.col.commander"], s["org.col.deputies"], s["org.col.leadUnits"]]) + "\n"
        for sc in org.subcommands {
            out += row([sc.isSingleProject ? s.noted(sc.name, s["org.singleProject"]) : sc.name, leaderText(sc.commander),
                        leadersText(sc.deputies), sc.leadUnits.isEmpty ? "—" : s.list(sc.leadUnits)]) + "\n"
        }

        if !org.workingGroups.isEmpty {
            heading(s.format("org.section.groups", ["n": String(org.workingGroups.count)]))
            for (i, g) in org.workingGroups.enumerated() {
                out += "### \(i + 1). \(g.name)\n\n"
                item(s["org.group.leads"], groupLeadText(g))
                if !g.members.isEmpty { item(s["org.group.members"], s.list(g.members)) }
                for duty in g.duties { out += "- " + duty + "\n" }
                out += "\n"
            }
            out.removeLast()
        }

        heading(s["org.section.duty"])
        if org.dutyTable.isEmpty { out += s["org.duty.none"] + "\n" } else {
            out += header([s["org.col.category"], s["org.col.unit"]]) + "\n"
            for r in dutyRows() {
                out += row([s.word("category", r.category), org.isWorkingGroup(r.unit) ? s.noted(r.unit, s["org.workingGroup"]) : r.unit]) + "\n"
            }
        }

        heading(s["org.section.liaison"])
        let r = responsibility
        out += (r.limit.map { s.format("org.liaison.limit", ["n": String($0)]) } ?? s["org.liaison.noLimit"]) + "\n"
        if r.limit != nil {
            out += "\n" + (r.overLimit.isEmpty ? s["org.liaison.noneOver"]
                           : s.format("org.liaison.over", ["n": String(r.overLimit.count), "list": s.list(r.overLimit.map(\.name))])) + "\n"
        }
        out += "\n" + (r.withoutLeader.isEmpty ? s["org.leaderless.none"]
                       : s.format("org.leaderless", ["n": String(r.withoutLeader.count), "total": String(projects.count)])) + "\n\n"
        out += header([s["org.col.leader"], s["org.col.title"], s["org.col.count"], s["org.col.projects"]]) + "\n"
        for h in r.holders {
            var held = h.projects.isEmpty ? "—" : s.list(h.projects.map { "\($0) \(projectName($0))" })
            if h.overLimit, let limit = r.limit { held = "**" + s.format("org.overLimit", ["n": String(limit)]) + "** " + held }
            out += row([h.name, h.leader?.title ?? s["org.localLeader"], String(h.projects.count), held]) + "\n"
        }
        if !r.withoutLeader.isEmpty {
            out += "\n### " + s.format("org.section.leaderless", ["n": String(r.withoutLeader.count)]) + "\n\n"
            out += header([s["org.col.code"], s["org.col.project"], s["org.col.subcommand"]]) + "\n"
            for code in r.withoutLeader {
                let p = projects.first { $0.code == code }
                out += row([code, p?.name ?? code, p.flatMap { org.subcommand($0.subcommand)?.name } ?? "—"]) + "\n"
            }
        }
        out += "\n### " + s["org.section.projects"] + "\n\n"
        out += header([s["org.col.code"], s["org.col.project"], s["org.col.leader"], s["org.col.unit"], s["org.col.person"]]) + "\n"
        for p in projects {
            out += row([p.code, p.name, p.liaisonLeader.isEmpty ? s["org.noLeader"] : p.liaisonLeader,
                        p.responsibleUnit.isEmpty ? "—" : p.responsibleUnit, p.responsiblePerson.isEmpty ? "—" : p.responsiblePerson]) + "\n"
        }
        return out
    }

    // MARK: JSON

    public struct LeaderJSON: Encodable, Sendable {
        public var id: String
        public var name: String
        public var title: String
    }
    public struct SubcommandJSON: Encodable, Sendable {
        public var code: String
        public var name: String
        public var commander: LeaderJSON
        public var deputies: [LeaderJSON]
        public var leadUnits: [String]
        public var singleProject: Bool
    }
    public struct GroupJSON: Encodable, Sendable {
        public var code: String
        public var name: String
        public var duties: [String]
        public var leadUnits: [String]
        public var leaders: [LeaderJSON]
        public var members: [String]
    }
    public struct DutyJSON: Encodable, Sendable {
        public var category: String
        public var unit: String
        public var workingGroup: Bool
    }
    public struct HolderJSON: Encodable, Sendable {
        public var name: String
        @NullWhenEmpty public var leader: String?
        public var title: String
        public var projects: [String]
        public var count: Int
        public var overLimit: Bool
    }
    public struct ProjectJSON: Encodable, Sendable {
        public var code: String
        public var name: String
        public var subcommand: String
        @NullWhenEmpty public var liaisonLeader: String?
        public var responsibleUnit: String
        public var responsiblePerson: String
    }
    public struct Document: Encodable, Sendable {
        public var code: String
        public var name: String
        public var level: String
        public var region: String
        public var names: [String: String]
        public var commander: LeaderJSON
        public var executiveDeputies: [LeaderJSON]
        public var deputies: [LeaderJSON]
        public var office: [String: String]
        public var memberUnits: [String]
        public var deputyHeadUnits: [String]
        public var localGovernments: [String]
        public var otherUnits: [String]
        public var subcommands: [SubcommandJSON]
        public var workingGroups: [GroupJSON]
        public var duty: [DutyJSON]
        @NullWhenEmpty public var liaisonLimit: Int?
        public var leaders: [HolderJSON]
        public var projectsWithoutLeader: [String]
        public var projects: [ProjectJSON]
    }

    public var document: Document {
        let org = organisation
        func leader(_ id: String) -> LeaderJSON {
            let l = org.leader(id)
            return LeaderJSON(id: id, name: l?.name ?? id, title: l?.title ?? "")
        }
        return Document(
            code: org.code, name: org.name, level: org.level.rawValue, region: org.region,
            names: ["headquarters": org.names.headquarters, "office": org.names.office, "plenary": org.names.plenary,
                    "officeMeeting": org.names.officeMeeting],
            commander: leader(org.commander), executiveDeputies: org.executiveDeputies.map(leader), deputies: org.deputies.map(leader),
            office: ["name": org.office.name, "director": org.office.director, "hostUnit": org.office.hostUnit],
            memberUnits: org.memberUnits, deputyHeadUnits: org.deputyHeadUnits, localGovernments: localGovernments,
            otherUnits: org.otherUnits,
            subcommands: org.subcommands.map { SubcommandJSON(code: $0.code, name: $0.name, commander: leader($0.commander),
                                                              deputies: $0.deputies.map(leader), leadUnits: $0.leadUnits,
                                                              singleProject: $0.isSingleProject) },
            workingGroups: org.workingGroups.map { GroupJSON(code: $0.code, name: $0.name, duties: $0.duties, leadUnits: $0.leadUnits,
                                                             leaders: $0.leaders.map(leader), members: $0.members) },
            duty: dutyRows().map { DutyJSON(category: $0.category.rawValue, unit: $0.unit, workingGroup: org.isWorkingGroup($0.unit)) },
            liaisonLimit: org.liaisonLimit,
            leaders: responsibility.holders.map { HolderJSON(name: $0.name, leader: $0.leader?.id, title: $0.leader?.title ?? "",
                                                             projects: $0.projects, count: $0.projects.count, overLimit: $0.overLimit) },
            projectsWithoutLeader: responsibility.withoutLeader,
            projects: projects.map { ProjectJSON(code: $0.code, name: $0.name, subcommand: $0.subcommand,
                                                 liaisonLeader: $0.liaisonLeader.isEmpty ? nil : $0.liaisonLeader,
                                                 responsibleUnit: $0.responsibleUnit, responsiblePerson: $0.responsiblePerson) })
    }

    public func json() -> String { jsonText(document) }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var t = self
        while t.hasSuffix(" ") { t.removeLast() }
        return t
    }
}
