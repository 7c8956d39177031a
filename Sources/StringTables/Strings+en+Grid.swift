extension Strings {
    /// The grid's paste, its pending rows, save-all and the question on leaving (issue 13), English.
    static let enGridTable: [String: String] = [
        "grid.pasted": "pasted {n} row(s) (not saved: C-s saves all)",
        "grid.pastedBeyondRows": "; {m} more line(s) beyond the grid's last row",
        "grid.pastedBeyondColumns": "; {m} cell(s) beyond the last column",
        "grid.status.pending": "{n} row(s) unsaved (C-s saves all) · ",
        "grid.saving": "saving {n} row(s)…",
        "grid.savedRows": "saved {n} row(s)",
        "grid.refusedRows": "; {n} row(s) not saved: {list}",
        "grid.refusalSeparator": "; ",
        "grid.prompt.title": "Unsaved entries",
        "grid.prompt.leave": "{n} row(s) unsaved. Before leaving the grid:",
        "grid.prompt.quit": "{n} row(s) unsaved. Before quitting cmdroom:",
        "grid.prompt.save": "s    save all",
        "grid.prompt.discard": "d    discard them",
        "grid.prompt.stay": "Esc  stay in the grid",
        "bar.saveAll": "save all",
        "bar.discard": "discard",
        "bar.stay": "stay",
        "msg.pasteIgnored": "a paste goes into the grid, the : line and text fields only",
        "msg.writeOutsideGrid": ":w saves the grid's unsaved rows, in the monthly grid only",
    ]
}
