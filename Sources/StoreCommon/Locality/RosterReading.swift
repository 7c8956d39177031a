import KeyProjects
import TOMLKit

/// Reads the roster of locality.toml:
///
///     [access]
///     group = "cmdroom"            # the OS group that may write the store's files
///
///     [[roster]]
///     account = "zhangmin"         # an OS account
///     role = "clerk"               # hq | office | clerk | unit | wall | viewer
///     subcommands = ["law"]        # a clerk's sub-commands (or subcommand = "law")
///     name = "张敏"                # shown in the status line and as 催办人
///
/// A unit account names its unit: `unit = "市能源局"`.
package enum RosterReading {
    package static func read(_ root: TOMLTable, _ r: TOMLReader) -> Roster {
        var group = ""
        if let access = r.table(root, "access", at: "", required: false) {
            r.rejectUnknownKeys(access, known: ["group"], at: "access")
            group = r.string(access, "group", at: "access", required: false)
        }
        guard root["roster"] != nil else { return Roster(group: group) }
        let entries = r.tables(root, "roster", at: "").compactMap { path, t -> RosterEntry? in
            r.rejectUnknownKeys(t, known: ["account", "role", "subcommands", "subcommand", "unit", "name"], at: path)
            let account = r.string(t, "account", at: path)
            let name = r.string(t, "name", at: path, required: false)
            let code = r.string(t, "role", at: path)
            let role: Role
            switch code {
            case "hq": role = .hq
            case "office": role = .office
            case "wall": role = .wall
            case "viewer": role = .viewer
            case "clerk":
                var subcommands = r.strings(t, "subcommands", at: path)
                let single = r.string(t, "subcommand", at: path, required: false)
                if !single.isEmpty { subcommands.append(single) }
                if subcommands.isEmpty { r.report("\(path).subcommands", "a clerk needs the sub-command(s) they write for", key: "config.clerkNeedsSubcommands") }
                role = .clerk(subcommands: Set(subcommands))
            case "unit":
                role = .unit(name: r.string(t, "unit", at: path))
            case "":
                return nil
            default:
                r.report("\(path).role", "\"\(code)\" is not a role (one of: \(Role.codes.joined(separator: ", ")))", key: "config.notARole", values: ["code": code, "allowed": Role.codes.joined(separator: ", ")])
                return nil
            }
            if code != "clerk" && (t["subcommands"] != nil || t["subcommand"] != nil) {
                r.report("\(path).subcommands", "only a clerk has sub-commands", key: "config.onlyClerkSubcommands")
            }
            if code != "unit" && t["unit"] != nil { r.report("\(path).unit", "only a unit account names a unit", key: "config.onlyUnitUnit") }
            return RosterEntry(account: account, role: role, name: name)
        }
        return Roster(entries: entries, group: group)
    }

    /// Every account once; every sub-command and unit named exists.
    package static func validate(_ roster: Roster, _ org: Organisation, _ r: TOMLReader) {
        LocalityFile.reportDuplicates(roster.entries.map(\.account), "roster", "account", r)
        let codes = Set(org.subcommands.map(\.code))
        let units = Set(org.units)
        for (i, entry) in roster.entries.enumerated() {
            switch entry.role {
            case let .clerk(subcommands):
                for code in subcommands.sorted() where !codes.contains(code) {
                    r.report("roster[\(i)].subcommands", "no sub-command with code \"\(code)\" in [[subcommands]]", key: "config.noSubcommand", values: ["code": code])
                }
            case let .unit(name) where !units.isEmpty && !units.contains(name):
                r.report("roster[\(i)].unit", "\"\(name)\" is not in units.members, units.others or [[working_groups]]", key: "config.notABody", values: ["unit": name])
            default: break
            }
        }
    }
}
