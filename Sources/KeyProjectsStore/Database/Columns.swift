import KeyProjects

// Each table's columns, in the table's order (see `TableColumns`): the codecs, the board's
// C-API loops and the change log's JSON keys all read these. The names are the change log's
// keys in stores already made: a case is renamed only with its column.

extension Project {
    enum Columns: Int32, TableColumns {
        static let tableName = "project"
        case code, name, level, subcommand, locality, constructionUnit, nature, stage, reserveClass, content,
             startYear, endYear, totalInvestment, annualPlan, liaisonLeader, responsibleUnit, responsiblePerson, contact
    }
}

extension MonthlyRecord {
    enum Columns: Int32, TableColumns {
        static let tableName = "monthly"
        case project, month, planned, completed, progress
    }
}

extension Milestone {
    enum Columns: Int32, TableColumns {
        static let tableName = "milestone"
        case project, kind, planned, actual
    }
}

extension Reminder {
    enum Columns: Int32, TableColumns {
        static let tableName = "reminder"
        case project, date, by, note
    }
}

extension Issue {
    enum Columns: Int32, TableColumns {
        static let tableName = "issue"
        case id, project, category, kind, level, description, status, registeredOn, queuedOn, unit,
             dispatchedOn, arrangedOn, feedbackOn, solvedOn, reopenedOn, clearedOn, planSubmittedOn, deadline,
             deadlineReason, listed, supervisionSolution, supervisionUnit, supervisionLeader, supervisionPerson,
             supervisionDeadline, grp, note, reopenCount, origin, originProject, referredTo
    }
}

extension Meeting {
    enum Columns: Int32, TableColumns {
        static let tableName = "meeting"
        case id, date, time, kind, title, chair, scope, location, note, series, scheduledOn, cancelled, agenda
    }
}

extension MeetingDecision {
    enum Columns: Int32, TableColumns {
        static let tableName = "decision"
        case id, meeting, item, project, kind, text, unit, person, deadline, issue, recordedOn
    }
}

extension AwardProposal {
    enum Columns: Int32, TableColumns {
        static let tableName = "award_proposal"
        case quarter, subcommand, kind, project, reason, by, recordedOn
    }
}

extension AwardPick {
    enum Columns: Int32, TableColumns {
        static let tableName = "award"
        case quarter, kind, project, place, by, recordedOn
    }
}
