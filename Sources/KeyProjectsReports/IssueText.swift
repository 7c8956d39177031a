import KeyProjects
import StringTables

/// How every issue list (the queue screen, the wall, `cmdroom issues`, the exports) names an
/// issue's project and status, so that an issue referred between levels reads the same
/// everywhere.
extension Strings {
    /// The status; on an issue handed to the level above, where it went and how it stands there.
    public func issueStatus(_ issue: Issue) -> String {
        guard issue.isReferred else { return word("status", issue.status) }
        return format("status.referred", ["where": issue.referredTo, "status": word("status", issue.status)])
    }

    /// What the light column shows for an open issue handed to the level above (its clock runs
    /// there); nil for any other.
    public func referredMark(_ issue: Issue, ascii: Bool = false) -> String? {
        guard issue.isReferred && issue.status.isOpen else { return nil }
        return (ascii ? "^" : "↑") + " " + self["queue.referred"]
    }
}

extension TriageEntry {
    /// The project's name: this store's project, or the lower store's for an issue referred here.
    public var projectName: String { project?.name ?? (issue.isFromLowerStore ? issue.originProject : "") }
}
