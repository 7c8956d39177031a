import Foundation
import KeyProjects
import TOMLKit

/// Reads `locality.toml`: the organisation, the rule numbers, the sample snapshot day.
public enum LocalityFile {
    public static let fileName = "locality.toml"

    /// Reads a locality directory's file. A store's (`trusted`) must be its owner's alone,
    /// and so must a file it names (see LocalityTrust).
    public static func load(directory: URL, trusted: Bool = false) throws(StoreError) -> LocalityConfig {
        let url = directory.appendingPathComponent(fileName)
        let text: String
        if trusted {
            text = try LocalityTrust.read(url.path, storeDirectory: directory)
        } else {
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                if !FileManager.default.fileExists(atPath: url.path) { throw .notAStore(path: directory.path, missing: fileName) }
                throw .io(path: url.path, problem: .notUTF8)
            }
        }
        // A referenced file refused as untrusted outranks what parsing then says of it.
        var untrusted: StoreError?
        do throws(StoreError) {
            let config = try parse(text, file: url.path) { name in
                let other = name.hasPrefix("/") ? URL(fileURLWithPath: name) : directory.appendingPathComponent(name)
                guard trusted else { return try? String(contentsOf: other, encoding: .utf8) }
                do { return try LocalityTrust.read(other.path, storeDirectory: directory) } catch let error as StoreError {
                    if case .untrustedConfig = error { untrusted = untrusted ?? error }
                    return nil
                } catch { return nil }
            }
            if let untrusted { throw untrusted }
            return config
        } catch {
            throw untrusted ?? error
        }
    }

    /// Parses the text of a locality.toml; `readFile` gives the text of a file it refers to
    /// (the holiday file), by the name written in it.
    public static func parse(_ text: String, file: String,
                             readFile: (String) -> String? = { _ in nil }) throws(StoreError) -> LocalityConfig {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw .configSyntax(file: file, line: error.source.begin.line, column: error.source.begin.column,
                                message: error.description)
        } catch {
            throw .configSyntax(file: file, line: 0, column: 0, message: "\(error)")
        }
        let reader = TOMLReader()
        reader.rejectUnknownKeys(root, known: ["headquarters", "office", "leaders", "subcommands", "localities",
                                               "units", "duty", "rules", "sample", "access", "roster", "cadence", "ranking", "targets",
                                               "names", "working_groups", "liaison"], at: "")
        let organisation = readOrganisation(root, reader)
        let rules = readRules(root, reader, readFile: readFile)
        var sampleAsOf: Day? = nil
        var notice = ""
        if let sample = reader.table(root, "sample", at: "", required: false) {
            reader.rejectUnknownKeys(sample, known: ["as_of", "notice"], at: "sample")
            sampleAsOf = reader.day(sample, "as_of", at: "sample")
            notice = reader.string(sample, "notice", at: "sample", required: false)
        }
        let roster = RosterReading.read(root, reader)
        let cadence = organisation.flatMap { CadenceReading.read(root, reader, $0) }
        var ranking = RankingRules()
        if let table = reader.table(root, "ranking", at: "", required: false) {
            reader.rejectUnknownKeys(table, known: ["bottom", "months"], at: "ranking")
            ranking = RankingRules(bottom: reader.int(table, "bottom", at: "ranking", default: 3, range: 1...50),
                                   months: reader.int(table, "months", at: "ranking", default: 2, range: 1...24))
        }
        if let organisation {
            validate(organisation, reader)
            RosterReading.validate(roster, organisation, reader)
        }
        guard reader.problems.isEmpty, let organisation else {
            throw .configInvalid(file: file, problems: reader.problems)
        }
        return LocalityConfig(organisation: organisation, rules: rules, sampleAsOf: sampleAsOf, notice: notice,
                              roster: roster, cadence: cadence, ranking: ranking, targets: TargetReading.read(root, reader))
    }

    package static func readOrganisation(_ root: TOMLTable, _ r: TOMLReader) -> Organisation? {
        guard let hq = r.table(root, "headquarters", at: "") else { return nil }
        r.rejectUnknownKeys(hq, known: ["code", "name", "level", "region", "commander", "executive_deputies", "deputies"],
                            at: "headquarters")
        let office = r.table(root, "office", at: "")
        if let office { r.rejectUnknownKeys(office, known: ["name", "director", "host_unit"], at: "office") }

        let leaders = r.tables(root, "leaders", at: "").map { path, t -> Leader in
            r.rejectUnknownKeys(t, known: ["id", "name", "title"], at: path)
            return Leader(id: r.string(t, "id", at: path), name: r.string(t, "name", at: path),
                          title: r.string(t, "title", at: path, required: false))
        }
        let subcommands = r.tables(root, "subcommands", at: "").map { path, t -> SubCommand in
            r.rejectUnknownKeys(t, known: ["code", "name", "sectors", "commander", "deputies", "lead_units", "single_project"],
                                at: path)
            return SubCommand(code: r.string(t, "code", at: path), name: r.string(t, "name", at: path),
                              sectors: r.strings(t, "sectors", at: path), commander: r.string(t, "commander", at: path),
                              deputies: r.strings(t, "deputies", at: path), leadUnits: r.strings(t, "lead_units", at: path),
                              isSingleProject: r.bool(t, "single_project", at: path, default: false))
        }
        let localities = r.tables(root, "localities", at: "").map { path, t -> Locality in
            r.rejectUnknownKeys(t, known: ["code", "name", "kind"], at: path)
            return Locality(code: r.string(t, "code", at: path), name: r.string(t, "name", at: path),
                            kind: r.choice(t, "kind", at: path, Locality.Kind.self) ?? .county)
        }
        var units: [String] = [], deputyHeads: [String] = [], others: [String] = []
        var localGovernments = false
        if let unitTable = r.table(root, "units", at: "", required: false) {
            r.rejectUnknownKeys(unitTable, known: ["members", "deputy_heads", "local_governments", "others"], at: "units")
            units = r.strings(unitTable, "members", at: "units", required: true)
            deputyHeads = r.strings(unitTable, "deputy_heads", at: "units")
            localGovernments = r.bool(unitTable, "local_governments", at: "units", default: false)
            others = r.strings(unitTable, "others", at: "units")
        }
        // 作战小组 (seed 003): optional; a locality without them leaves the table out.
        var groups: [WorkingGroup] = []
        if root["working_groups"] != nil {
            groups = r.tables(root, "working_groups", at: "").map { path, t -> WorkingGroup in
                r.rejectUnknownKeys(t, known: ["code", "name", "duties", "lead_units", "leaders", "members"], at: path)
                return WorkingGroup(code: r.string(t, "code", at: path), name: r.string(t, "name", at: path),
                                    duties: r.strings(t, "duties", at: path), leadUnits: r.strings(t, "lead_units", at: path),
                                    leaders: r.strings(t, "leaders", at: path), members: r.strings(t, "members", at: path))
            }
        }
        var names = BodyNames.standard
        if let table = r.table(root, "names", at: "", required: false) {
            r.rejectUnknownKeys(table, known: ["headquarters", "office", "plenary", "office_meeting"], at: "names")
            names = BodyNames(
                headquarters: r.string(table, "headquarters", at: "names", required: true),
                office: r.string(table, "office", at: "names", required: true),
                plenary: r.string(table, "plenary", at: "names", required: true),
                officeMeeting: r.string(table, "office_meeting", at: "names", required: true))
        }
        var liaisonLimit: Int? = nil
        if let table = r.table(root, "liaison", at: "", required: false) {
            r.rejectUnknownKeys(table, known: ["max_projects"], at: "liaison")
            if table["max_projects"] != nil {
                liaisonLimit = r.int(table, "max_projects", at: "liaison", default: 2, range: 1...50)
            }
        }
        var duty: [IssueCategory: String] = [:]
        if let dutyTable = r.table(root, "duty", at: "", required: false) {
            for key in dutyTable.keys.sorted() {
                guard let category = IssueCategory(rawValue: key) else {
                    r.report("duty.\(key)", "not an issue category (one of: \(IssueCategory.allCases.map(\.rawValue).joined(separator: ", ")))", key: "config.notCategory", values: ["allowed": IssueCategory.allCases.map(\.rawValue).joined(separator: ", ")])
                    continue
                }
                duty[category] = r.string(dutyTable, key, at: "duty")
            }
        }
        return Organisation(
            code: r.string(hq, "code", at: "headquarters"), name: r.string(hq, "name", at: "headquarters"),
            level: r.choice(hq, "level", at: "headquarters", HeadquartersLevel.self) ?? .city,
            region: r.string(hq, "region", at: "headquarters"),
            commander: r.string(hq, "commander", at: "headquarters"),
            executiveDeputies: r.strings(hq, "executive_deputies", at: "headquarters"),
            deputies: r.strings(hq, "deputies", at: "headquarters"),
            office: Office(name: office.map { r.string($0, "name", at: "office") } ?? "",
                           director: office.map { r.string($0, "director", at: "office") } ?? "",
                           hostUnit: office.map { r.string($0, "host_unit", at: "office") } ?? ""),
            leaders: leaders, subcommands: subcommands, localities: localities, units: units, dutyTable: duty,
            deputyHeadUnits: deputyHeads, localGovernmentsAreMembers: localGovernments, otherUnits: others,
            workingGroups: groups, names: names, liaisonLimit: liaisonLimit)
    }

    package static func readRules(_ root: TOMLTable, _ r: TOMLReader, readFile: (String) -> String?) -> RuleSettings {
        var settings = RuleSettings()
        guard let rules = r.table(root, "rules", at: "", required: false) else { return settings }
        r.rejectUnknownKeys(rules, known: ["cards", "stall", "clock", "forecast"], at: "rules")
        if let cards = r.table(rules, "cards", at: "rules", required: false) {
            let p = "rules.cards"
            r.rejectUnknownKeys(cards, known: ["profile", "threshold", "reminders_for_yellow", "yellow_months_for_red",
                                               "yellow_from_points", "red_above_points"], at: p)
            let profile = r.string(cards, "profile", at: p, required: false, default: "reminders")
            let threshold = r.double(cards, "threshold", at: p, default: 1.0, range: 0.1...2.0)
            switch profile {
            case "reminders":
                settings.cards = CardRules(profile: .reminders(
                    remindersForYellow: r.int(cards, "reminders_for_yellow", at: p, default: 2, range: 1...12),
                    yellowMonthsForRed: r.int(cards, "yellow_months_for_red", at: p, default: 2, range: 1...12)),
                    threshold: threshold)
            case "points":
                let yellow = r.double(cards, "yellow_from_points", at: p, default: 10, range: 0...100)
                let red = r.double(cards, "red_above_points", at: p, default: 30, range: 0...100)
                if red < yellow { r.report("\(p).red_above_points", "must not be below yellow_from_points", key: "config.redBelowYellow") }
                settings.cards = CardRules(profile: .pointsBehind(yellowFrom: yellow, redAbove: red), threshold: threshold)
            default:
                r.report("\(p).profile", "must be \"reminders\" (seed 003) or \"points\"", key: "config.profile")
            }
        }
        if let stall = r.table(rules, "stall", at: "rules", required: false) {
            let p = "rules.stall"
            r.rejectUnknownKeys(stall, known: ["stages", "count_from_year_start"], at: p)
            var stages = Set<ProjectStage>()
            for name in r.strings(stall, "stages", at: p) {
                if let s = ProjectStage(rawValue: name) { stages.insert(s) } else { r.report("\(p).stages", "unknown stage \"\(name)\"", key: "config.unknownStage", values: ["name": name]) }
            }
            settings.stall = StallRules(stages: stall["stages"] == nil ? StallRules().stages : stages,
                                        countFromYearStart: r.bool(stall, "count_from_year_start", at: p, default: true))
        }
        if let forecast = r.table(rules, "forecast", at: "rules", required: false) {
            // Early warning (预警): the pace is the mean of the last `pace_months` months with data.
            let p = "rules.forecast"
            r.rejectUnknownKeys(forecast, known: ["pace_months", "assumed_reminders"], at: p)
            settings.forecast = ForecastRules(paceMonths: r.int(forecast, "pace_months", at: p, default: 3, range: 1...12),
                                              assumedReminders: r.int(forecast, "assumed_reminders", at: p, default: 1, range: 0...4))
        }
        if let clock = r.table(rules, "clock", at: "rules", required: false) {
            let p = "rules.clock"
            r.rejectUnknownKeys(clock, known: ["yellow_within_days", "days", "holiday_file"], at: p)
            settings.clock.yellowWithinDays = r.int(clock, "yellow_within_days", at: p, default: 1, range: 0...30)
            let days = r.string(clock, "days", at: p, required: false, default: "calendar")
            switch days {
            case "calendar": break
            case "working":
                let file = r.string(clock, "holiday_file", at: p, required: false)
                settings.clock.calendar = file.isEmpty ? WorkCalendar() : loadHolidays(file, readFile: readFile, r, at: p)
            default: r.report("\(p).days", "must be \"calendar\" or \"working\"", key: "config.days")
            }
        }
        return settings
    }

    /// A holiday file: `holidays = [dates]` (official days off) and `workdays = [dates]` (make-up
    /// working days on weekends).
    package static func loadHolidays(_ name: String, readFile: (String) -> String?, _ r: TOMLReader, at path: String) -> WorkCalendar {
        guard let text = readFile(name) else {
            r.report("\(path).holiday_file", "cannot read \(name)", key: "config.cannotRead", values: ["name": name])
            return WorkCalendar()
        }
        do {
            let table = try TOMLTable(string: text)
            r.rejectUnknownKeys(table, known: ["holidays", "workdays"], at: name)
            return WorkCalendar(holidays: Set(r.days(table, "holidays", at: name)), workdays: Set(r.days(table, "workdays", at: name)))
        } catch let error as TOMLParseError {
            r.report("\(path).holiday_file", "\(name):\(error.source.begin.line): \(error.description)", key: "config.holidaySyntax", values: ["name": name, "line": String(error.source.begin.line), "detail": error.description])
        } catch {
            r.report("\(path).holiday_file", "\(error)", key: "config.holidayOther", values: ["detail": "\(error)"])
        }
        return WorkCalendar()
    }

    /// Cross-references: every leader, sub-command and unit named must exist, codes are unique.
    package static func validate(_ org: Organisation, _ r: TOMLReader) {
        let leaderIDs = Set(org.leaders.map(\.id))
        func checkLeader(_ id: String, _ path: String) {
            if !id.isEmpty && !leaderIDs.contains(id) { r.report(path, "no leader with id \"\(id)\" in [[leaders]]", key: "config.noLeader", values: ["id": id]) }
        }
        checkLeader(org.commander, "headquarters.commander")
        for (i, id) in org.executiveDeputies.enumerated() { checkLeader(id, "headquarters.executive_deputies[\(i)]") }
        for (i, id) in org.deputies.enumerated() { checkLeader(id, "headquarters.deputies[\(i)]") }
        checkLeader(org.office.director, "office.director")
        reportDuplicates(org.leaders.map(\.id), "leaders", "id", r)
        reportDuplicates(org.subcommands.map(\.code), "subcommands", "code", r)
        reportDuplicates(org.subcommands.map(\.name), "subcommands", "name", r)
        reportDuplicates(org.localities.map(\.code), "localities", "code", r)
        reportDuplicates(org.localities.map(\.name), "localities", "name", r)
        if org.subcommands.isEmpty { r.report("subcommands", "a headquarters needs at least one sub-command", key: "config.noSubcommands") }
        if org.localities.isEmpty { r.report("localities", "a headquarters needs at least one locality under it", key: "config.noLocalities") }
        // Departments: the members and the others the file names; a duty may also go to a group.
        let departments = Set(org.memberUnits + org.otherUnits)
        let units = Set(org.units)
        let notListed = "is not in units.members or units.others"
        for (i, sc) in org.subcommands.enumerated() {
            checkLeader(sc.commander, "subcommands[\(i)].commander")
            for (j, id) in sc.deputies.enumerated() { checkLeader(id, "subcommands[\(i)].deputies[\(j)]") }
            for (j, unit) in sc.leadUnits.enumerated() where !departments.isEmpty && !departments.contains(unit) {
                r.report("subcommands[\(i)].lead_units[\(j)]", "\"\(unit)\" \(notListed)", key: "config.notListed", values: ["unit": unit])
            }
        }
        reportDuplicates(org.workingGroups.map(\.code), "working_groups", "code", r)
        reportDuplicates(org.workingGroups.map(\.name), "working_groups", "name", r)
        for (i, group) in org.workingGroups.enumerated() {
            if departments.contains(group.name) {
                r.report("working_groups[\(i)].name", "\"\(group.name)\" is also a unit's name", key: "config.groupIsUnit", values: ["name": group.name])
            }
            for (j, id) in group.leaders.enumerated() { checkLeader(id, "working_groups[\(i)].leaders[\(j)]") }
            for (key, list) in [("lead_units", group.leadUnits), ("members", group.members)] {
                for (j, unit) in list.enumerated() where !departments.isEmpty && !departments.contains(unit) {
                    r.report("working_groups[\(i)].\(key)[\(j)]", "\"\(unit)\" \(notListed)", key: "config.notListed", values: ["unit": unit])
                }
            }
            if group.leadUnits.isEmpty && group.leaders.isEmpty {
                r.report("working_groups[\(i)]", "a working group needs lead_units or leaders (its 组长)", key: "config.groupWithoutLead")
            }
        }
        let members = Set(org.memberUnits)
        for (i, unit) in org.deputyHeadUnits.enumerated() where !members.contains(unit) {
            r.report("units.deputy_heads[\(i)]", "\"\(unit)\" is not in units.members", key: "config.notAUnit", values: ["unit": unit])
        }
        reportDuplicates(org.memberUnits, "units.members", "", r)
        for (i, unit) in org.otherUnits.enumerated() where members.contains(unit) {
            r.report("units.others[\(i)]", "\"\(unit)\" is in units.members already", key: "config.alreadyMember", values: ["unit": unit])
        }
        for (category, unit) in org.dutyTable.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where !departments.isEmpty && !units.contains(unit) {
            r.report("duty.\(category.rawValue)", "\"\(unit)\" is not in units.members, units.others or [[working_groups]]", key: "config.notABody", values: ["unit": unit])
        }
        let expectedKinds: Set<Locality.Kind> = org.level == .province ? [.city]
            : org.level == .city ? [.county, .countyCity, .district, .zone] : [.township, .zone]
        for (i, locality) in org.localities.enumerated() where !expectedKinds.contains(locality.kind) {
            r.report("localities[\(i)].kind", "a \(org.level.rawValue) headquarters has \(expectedKinds.map(\.rawValue).sorted().joined(separator: "/")) under it, not \(locality.kind.rawValue)", key: "config.localityKind", values: ["level": org.level.rawValue, "expected": expectedKinds.map(\.rawValue).sorted().joined(separator: "/"), "kind": locality.kind.rawValue])
        }
    }

    package static func reportDuplicates(_ values: [String], _ table: String, _ key: String, _ r: TOMLReader) {
        var seen: [String: Int] = [:]
        let suffix = key.isEmpty ? "" : ".\(key)"
        for (i, v) in values.enumerated() where !v.isEmpty {
            if let first = seen[v] { r.report("\(table)[\(i)]\(suffix)", "\"\(v)\" repeats \(table)[\(first)]", key: "config.repeats", values: ["value": v, "first": "\(table)[\(first)]"]) } else { seen[v] = i }
        }
    }
}
