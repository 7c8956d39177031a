import Logging

/// The reports' log: a value that could not be encoded, a change-log row that could not be read.
enum ReportLog {
    static let logger = Logger(label: "cmdroom.reports")
}
