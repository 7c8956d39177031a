extension Strings {
    /// The `/` filter's notes: unknown keys and values, did-you-mean, Tab's candidates (issue 14), Chinese.
    static let zhFiltersTable: [String: String] = [
        "filter.unknownKey": "（没有筛选键 {key}{mean}，已忽略；可用：{known}）",
        "filter.unknownValue": "（{key} 没有“{value}”{mean}，已忽略；可用：{accepted}）",
        "filter.didYouMean": "，是不是 {word}",
        "filter.accepted.stall": "数字，如 2，或 2+（2 及以上）",
        "filter.candidates": "可选：{list}",
        "bar.complete": "补全",
        "bar.filterHistory": "历史",
    ]
}
