extension Strings {
    /// Follow-ups owed across months and the early warning (预警) (issue 15 §2, §4), Chinese.
    static let zhRulesTable: [String: String] = [
        "months.sameYear": "{month}月",
        "agenda.owed.red": "（{months}红牌）",
        "agenda.owed.yellow": "（{months}黄牌）",
        "agenda.section.warnings": "预警项目（{n} 项）",
        "warning.behind": "落后预警",
        "warning.yellow": "黄牌预警",
        "warning.red": "红牌预警",
        "forecast.line": "{warning} · {project}：按近 {k} 个月月均完成 {pace} 万元的进度，预计{month}{card}",
        "forecast.needed": "{month}须完成 {needed} 万元方能达到序时进度（累计计划 {plan} 万元）",
        "forecast.milestones": "{list}节点须于{month}底前完成",
        "bulletin.forecast": "下月预警（{n} 项）",
        "bulletin.forecastText": "按各项目近 {k} 个月的进度推算：红牌预警 {red} 个、黄牌预警 {yellow} 个、落后预警 {behind} 个。",
    ]
}
