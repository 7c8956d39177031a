import KeyProjects
import KeyProjectsStore

/// A store's files in the user's language: damaged or foreign databases, interrupted writes
/// and who must recover them, an untrusted roster, a full or read-only disk.
extension ErrorText {
    func storeFileLines(_ error: StoreError) -> [String]? {
        let s = strings
        switch error {
        case let .damagedStore(path, damage):
            return [s.format("error.damagedStore", ["path": path, "what": damageWord(damage)])]
        case let .unexpectedJournal(path, kind):
            return [s.format("error.unexpectedJournal", ["path": path, "kind": s["fileKind.\(kind.rawValue)"],
                                                         "remove": kind == .directory ? "rm -r" : "rm"])]
        case let .needsRecovery(n):
            if n.readOnlyFileSystem { return [s.format("error.needsRecoveryReadOnlyFS", ["path": n.database, "journal": n.journal])] }
            let key = !n.group.isEmpty ? "error.needsRecoveryGroup" : !n.owner.isEmpty ? "error.needsRecoveryOwner" : "error.needsRecovery"
            return [s.format(key, ["path": n.database, "journal": n.journal, "group": n.group, "owner": n.owner])]
        case let .schemaOutdated(path, found, supported):
            return [s.format("error.schemaOutdated", ["path": path, "found": String(found), "supported": String(supported)])]
        case let .untrustedConfig(u):
            return [s.format("error.untrusted.\(u.reason.rawValue)",
                             ["path": u.path, "owner": u.owner, "storeOwner": u.storeOwner, "mode": u.mode])]
        case let .busy(path):
            return [s.format("error.busy", ["path": path])]
        case let .writeDayAfterToday(day, today):
            return [s.format("error.writeDayAfterToday", ["day": day.iso, "today": today.iso])]
        case let .missingLocality(path):
            return [s.format("error.missingLocality", ["path": path])]
        case let .diskFull(path):
            return [s.format("error.diskFull", ["path": path])]
        default:
            return nil
        }
    }

    func damageWord(_ damage: DamagedStore) -> String {
        let s = strings
        switch damage {
        case .empty: return s["damage.empty"]
        case let .notSQLite(bytes): return s.format("damage.notSQLite", ["bytes": String(bytes)])
        case let .truncated(expected, found): return s.format("damage.truncated", ["expected": String(expected), "found": String(found)])
        case .foreign: return s["damage.foreign"]
        case let .notAFile(kind): return s.format("damage.notAFile", ["kind": s["fileKind.\(kind.rawValue)"]])
        case let .corrupt(detail): return s.format("damage.corrupt", ["detail": detail])
        }
    }

    /// The note a command prints after rolling back another process's interrupted write.
    public func recovered(_ r: Recovery) -> String {
        strings.format("store.recovered", ["journal": r.journal, "bytes": String(r.journalBytes)])
    }
}
