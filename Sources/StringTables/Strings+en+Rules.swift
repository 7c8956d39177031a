extension Strings {
    /// Follow-ups owed across months and the early warning (预警) (issue 15 §2, §4), English.
    static let enRulesTable: [String: String] = [
        "months.sameYear": "{year}-{mm}",
        "agenda.owed.red": " (red card of {months})",
        "agenda.owed.yellow": " (yellow card of {months})",
        "agenda.section.warnings": "Early warnings ({n})",
        "warning.behind": "At risk of falling behind",
        "warning.yellow": "At risk of yellow",
        "warning.red": "At risk of red",
        "forecast.line": "{warning} · {project}: at {pace} a month (mean of the last {k} months, 10k yuan), expected {card} in {month}",
        "forecast.needed": "must complete {needed} in {month} to stay on schedule ({plan} planned to date, 10k yuan)",
        "forecast.milestones": "milestones due by the end of {month}: {list}",
        "bulletin.forecast": "Early warning for next month ({n})",
        "bulletin.forecastText": "At each project's pace of the last {k} months: {red} at risk of red, {yellow} at risk of yellow, {behind} at risk of falling behind.",
    ]
}
