extension Strings {
    /// Replaying another day, the sample's mark and the first run (issue 14 §5, §10), Chinese.
    static let zhReplayTable: [String: String] = [
        "replay.title": "回放",
        "replay.future": "不能回放 {day}：它在今天（{today}）之后，看板只能显示已经发生的情况",
        "replay.beyondLedger": "台账最近只报到 {last}；截至 {day} 的看板会把此后各月都当作未报，三色牌并不真实。仍然回放？",
        "replay.confirmHint": "Enter 回放 · Esc 取消",
        "replay.writeNote": "正在回放：这次修改将按 {day} 记入（输入 :as-of 回到今天）",
        "replay.gridHint": "Enter 继续录入 · Esc 取消",
        "header.replay": "回放 · {month} · 截至 {asOf}",
        "header.replayShort": "回放 · 截至 {asOf}",
        "bar.confirm": "确定",
        "status.sample": "示例数据 · 截至 {asOf}",
    ]
}
