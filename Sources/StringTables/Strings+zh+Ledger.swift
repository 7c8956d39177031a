extension Strings {
    /// The ledgers' and the write paths' shared rules (issue 11), Chinese.
    static let zhLedgerTable: [String: String] = [
        "rule.monthAfterEnd": "{month} 晚于项目竣工年份 {end} 年",
        "rule.reminderAuthor": "催办人“{by}”不是您（{you}）：只能记录本人的催办，他人的由办公室记录",
        "awards.problem.recorder": "记录人“{by}”不是您（{you}）：只能以本人名义记录提名和评定，他人的由办公室记录",
        "ledger.tooFewFields": "只有 {count} 个单元格，表头有 {expected} 列（缺少的单元格会清空对应字段；不填的请留空单元格）",
        "ledger.startYearAfterMonth": "开工年份 {year} 晚于该项目已有月度数据的 {month}（请先处理该月数据）",
        "ledger.endYearBeforeMonth": "竣工年份 {year} 早于该项目已有月度数据的 {month}（请先处理该月数据）",
    ]
}
