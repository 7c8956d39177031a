extension Strings {
    /// The ledgers' and the write paths' shared rules (issue 11), Chinese.
    static let zhLedgerTable: [String: String] = [
        "rule.monthAfterEnd": "{month} 晚于项目竣工年份 {end} 年",
        "rule.reminderAuthor": "催办人“{by}”不是您（{you}）：只能记录本人的催办，他人的由办公室记录",
    ]
}
