extension Strings {
    /// The grid's paste, its pending rows, save-all and the question on leaving (issue 13), Chinese.
    static let zhGridTable: [String: String] = [
        "grid.pasted": "粘贴了 {n} 行（未保存，C-s 全部保存）",
        "grid.pastedBeyondRows": "，另有 {m} 行超出表格",
        "grid.pastedBeyondColumns": "，另有 {m} 格超出最右一列",
        "grid.status.pending": "{n} 行未保存（C-s 全部保存） · ",
        "grid.saving": "正在保存 {n} 行…",
        "grid.savedRows": "已保存 {n} 行",
        "grid.refusedRows": "；{n} 行未保存：{list}",
        "grid.refusalSeparator": "；",
        "grid.prompt.title": "未保存的填报",
        "grid.prompt.leave": "有 {n} 行未保存，离开填报前：",
        "grid.prompt.quit": "有 {n} 行未保存，退出 cmdroom 前：",
        "grid.prompt.save": "s  全部保存",
        "grid.prompt.discard": "d  放弃这些输入",
        "grid.prompt.stay": "Esc  留在表格",
        "bar.saveAll": "全部保存",
        "bar.discard": "放弃",
        "bar.stay": "留下",
        "msg.pasteIgnored": "粘贴只用于填报表格、命令行和输入框",
        "msg.writeOutsideGrid": ":w 只在月度填报表格里保存未保存的行",
    ]
}
