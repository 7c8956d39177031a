extension Strings {
    /// Tables scrolled sideways (issue 14 §7), Chinese.
    static let zhLayoutTable: [String: String] = [
        "bar.moreColumns": "更多列",
        "bar.earlierColumns": "前面的列",
        "help.columnRight": "表格右移一列",
        "help.columnLeft": "表格左移一列",
    ]
}
