extension Strings {
    /// The mouse (issue 14 §2), Chinese. `{on}`: the `:set` command that turns it on, as typed.
    static let zhMouseTable: [String: String] = [
        // In place of 按任意键关闭 at the foot of help: a line more would not fit at 80×24.
        "help.mouse": "按任意键或点击关闭 · 点击选中、双击打开 · 按住 Shift 拖动可选中文字",
        "help.closeMouse": "按任意键或点击关闭",
        "mouse.on": "鼠标已开启：点击标签、行和底栏按键，滚轮滚动；按住 Shift 拖动可选中文字",
        "mouse.off": "鼠标已关闭：终端可直接选中文字；{on} 重新开启",
        "mouse.pasteHint": "鼠标右键、中键已由 cmdroom 接收：粘贴请按住 Shift 再点击，或按 Shift+Insert；--no-mouse 可不用鼠标",
        "wall.help.mouse": "点击屏幕即暂停／继续轮播（同空格）。",
    ]
}
