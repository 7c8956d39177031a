import StringTables

/// The message line after an export: where the file is and how many rows it has, or why it
/// could not be written and where (an error).
enum ExportMessage {
    static func show(_ outcome: ExportOutcome, _ state: inout AppState) {
        let s = state.strings
        switch outcome {
        case let .written(path, rows, passedOver):
            state.message = (rows.map { s.format("export.written", ["n": String($0), "path": path]) }
                             ?? s.format("export.writtenText", ["path": path]))
                + passedOver.map { s.format("export.passedOver", ["dir": $0.directory, "reason": reason($0.reason, s)]) }.joined()
            state.messageIsError = false
        case let .failed(file, failures):
            let places = failures.map { s.format("export.failedAt", ["dir": $0.directory, "reason": reason($0.reason, s)]) }
            state.message = s.format(failures.isEmpty ? "export.failedNowhere" : "export.failed",
                                     ["file": file, "places": places.joined(separator: s["punct.clause"])])
            state.messageIsError = true
        case .notReady:
            state.message = s["export.notReady"]
            state.messageIsError = false
        }
    }

    static func reason(_ error: ExportFileError, _ s: Strings) -> String {
        switch error {
        case .permission: return s["export.reason.permission"]
        case .readOnly: return s["export.reason.readOnly"]
        case .full: return s["export.reason.full"]
        case .quota: return s["export.reason.quota"]
        case .missing: return s["export.reason.missing"]
        case .tooMany: return s["export.reason.tooMany"]
        case let .other(code, text): return s.format("export.reason.other", ["code": String(code), "text": text])
        }
    }
}
