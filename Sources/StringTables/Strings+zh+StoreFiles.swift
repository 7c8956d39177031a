extension Strings {
    /// A store's files: damaged databases, interrupted writes, the roster's file, full disks.
    static let zhStoreFilesTable: [String: String] = [
        "error.damagedStore": "{path} 不是可用的 cmdroom 数据库：{what}。未打开、未写入任何数据；请从备份恢复该文件，或用 cmdroom init 在另一个目录新建数据库",
        "damage.empty": "文件为空（0 字节）",
        "damage.notSQLite": "不是 SQLite 数据库（{bytes} 字节）",
        "damage.truncated": "文件不完整（应有 {expected} 字节，只有 {found} 字节）",
        "damage.foreign": "是其他程序的 SQLite 数据库，不是 cmdroom 的",
        "damage.notAFile": "是{kind}，不是文件",
        "damage.corrupt": "文件已损坏（{detail}）",
        "fileKind.file": "文件", "fileKind.directory": "目录", "fileKind.symlink": "符号链接", "fileKind.other": "特殊文件",
        "error.unexpectedJournal": "{path} 是{kind}，不是 SQLite 的回滚日志；请确认后删除它（rm {path}），再重试",
        "error.needsRecovery": "{path} 有一次中断的写入尚未回滚（{journal}），你的账号无权回滚；请由可写该数据库的账号运行 cmdroom check --repair",
        "error.needsRecoveryGroup": "{path} 有一次中断的写入尚未回滚（{journal}），你的账号无权回滚；请由 {group} 组的账号运行 cmdroom check --repair",
        "error.needsRecoveryReadOnlyFS": "{path} 有一次中断的写入尚未回滚（{journal}），但它所在的文件系统是只读的；请以可写方式挂载后运行 cmdroom check --repair",
        "error.schemaOutdated": "{path} 由旧版 cmdroom 建立（数据库版本 {found}，本程序为 {supported}）；只读打开不会升级它：请由可写账号运行 cmdroom check --repair",
        "error.untrusted.owner": "不信任 {path}：它属于账号 {owner}，而数据库目录属于 {storeOwner}；名单（roster）只能由数据库所有者修改。请由 {storeOwner} 检查其内容后执行 chown {storeOwner} {path}",
        "error.untrusted.writable": "不信任 {path}：除所有者外还有人可以写它（权限 {mode}）；名单（roster）只能由数据库所有者修改。请检查其内容后执行 chmod 644 {path}",
        "error.untrusted.notAFile": "不信任 {path}：它不是普通文件（可能是符号链接）；请换成属于 {storeOwner} 的普通文件",
        "error.diskFull": "{path} 所在磁盘已满：本次写入已撤销，未写入任何数据；请腾出空间后重试",
        "error.notWritableReadOnlyFS": "{path} 在只读文件系统上：已只读打开，未写入任何数据",
        "store.recovered": "已回滚上次中断的写入（{journal}，{bytes} 字节）；数据恢复到中断前的状态",
        "check.repaired": "已修复：{what}",
        "check.nothingToRepair": "无需修复：没有中断的写入，数据库版本为最新",
        "check.repair.upgraded": "数据库已从版本 {from} 升级到版本 {version}",
        "msg.recovered": "已回滚另一终端中断的写入",
    ]
}
