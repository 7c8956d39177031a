extension Strings {
    /// A store's files: damaged databases, interrupted writes, the roster's file, full disks.
    static let enStoreFilesTable: [String: String] = [
        "error.damagedStore": "{path} is not a usable cmdroom store: {what}. Nothing was opened or written; restore the file from a backup, or make a new store with cmdroom init in another directory",
        "damage.empty": "the file is empty (0 bytes)",
        "damage.notSQLite": "not a SQLite database ({bytes} bytes)",
        "damage.truncated": "the file is cut short ({found} of {expected} bytes)",
        "damage.foreign": "a SQLite database of another program, not cmdroom's",
        "damage.notAFile": "a {kind}, not a file",
        "damage.corrupt": "the file is damaged ({detail})",
        "fileKind.file": "file", "fileKind.directory": "directory", "fileKind.symlink": "symbolic link", "fileKind.other": "special file",
        "error.unexpectedJournal": "{path} is a {kind}, not SQLite's rollback journal; check it, remove it (rm {path}) and try again",
        "error.needsRecovery": "{path} holds an interrupted write ({journal}) that your account may not roll back; an account that may write the store must run cmdroom check --repair",
        "error.needsRecoveryGroup": "{path} holds an interrupted write ({journal}) that your account may not roll back; an account of group {group} must run cmdroom check --repair",
        "error.needsRecoveryReadOnlyFS": "{path} holds an interrupted write ({journal}), but its file system is read-only; mount it writable and run cmdroom check --repair",
        "error.schemaOutdated": "{path} was made by an older cmdroom (schema {found}, this one is {supported}); opening it read-only does not upgrade it: an account that may write it must run cmdroom check --repair",
        "error.untrusted.owner": "{path} is not trusted: it belongs to {owner} while the store's directory belongs to {storeOwner}; only the store's owner may change the roster. {storeOwner} should check its content, then chown {storeOwner} {path}",
        "error.untrusted.writable": "{path} is not trusted: accounts other than its owner may write it (mode {mode}); only the store's owner may change the roster. Check its content, then chmod 644 {path}",
        "error.untrusted.notAFile": "{path} is not trusted: it is not a plain file (a symbolic link?); replace it with a plain file owned by {storeOwner}",
        "error.diskFull": "the disk holding {path} is full: the write was rolled back and nothing was written; free some space and try again",
        "error.notWritableReadOnlyFS": "{path} is on a read-only file system: opened read-only, nothing was written",
        "store.recovered": "rolled back an interrupted write ({journal}, {bytes} bytes); the data are as they were before it",
        "check.repaired": "repaired: {what}",
        "check.nothingToRepair": "nothing to repair: no interrupted write, the schema is current",
        "check.repair.upgraded": "upgraded the store from schema {from} to {version}",
        "msg.recovered": "rolled back another terminal's interrupted write",
    ]
}
