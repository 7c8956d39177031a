import KeyProjects
import KeyProjectsStore
import StringTables

/// Store errors in the user's language: the first line says what failed; further lines, if
/// any, each name one problem with its file, line and column.
public struct ErrorText {
    public let strings: Strings
    /// The real date, when known: a message naming the as-of day calls it "today" only when
    /// it is this day, else "the as-of day" (截至日; the `.asOf` form of its key).
    public var realToday: Day?
    public init(strings: Strings, realToday: Day? = nil) { self.strings = strings; self.realToday = realToday }

    /// `key`, or its `.asOf` form when `day`, the as-of day a message names, is not the real date.
    public func asOfKey(_ key: String, _ day: Day) -> String {
        if let realToday, realToday != day { return key + ".asOf" }
        return key
    }

    public func lines(_ error: StoreError) -> [String] {
        let s = strings
        if let lines = writeLines(error) { return lines }
        if let lines = storeFileLines(error) { return lines }
        switch error {
        case let .ledgerRejected(r):
            var lines = [s.format("import.refused", ["n": String(r.problems.count + r.more), "file": r.file])]
            lines += r.problems.map(problem)
            if r.more > 0 { lines.append(s.format("import.more", ["n": String(r.more)])) }
            return lines
        case let .configInvalid(file, problems):
            return [s.format("error.config", ["file": file])] + problems.map(configProblem)
        case let .notAStore(path, missing): return [s.format("error.notAStore", ["path": path, "missing": missing])]
        case let .io(path, problem): return [s.format("error.io", ["path": path, "problem": ioProblem(problem)])]
        case let .alreadyExists(path): return [s.format("error.alreadyExists", ["path": path])]
        case let .readOnlyStore(path): return [s.format("error.readOnly", ["path": path])]
        case let .server(failure): return [s.format(failure.key, failure.values)]
        case let .staleEdit(entity, key, by, at):
            return [s.format("error.stale", ["entity": s["entity.\(entity)"], "key": key, "by": by, "at": ChangeRow.localTime(at)])]
        case let .notFound(entity, key):
            return [s.format("error.notFound", ["entity": s.has("entity.\(entity)") ? s["entity.\(entity)"] : entity, "key": key])]
        case let .sqliteTooOld(found, minimum): return [s.format("error.sqliteTooOld", ["found": found, "minimum": minimum])]
        case let .schemaTooNew(found, supported):
            return [s.format("error.schemaTooNew", ["found": String(found), "supported": String(supported)])]
        default: return [error.description]
        }
    }

    /// `file:line: “列”列: reason`.
    /// Why a month cannot be put on the board.
    public func line(_ refusal: BoardMonthRefusal) -> String {
        let s = strings
        switch refusal {
        case let .notEnded(month, last):
            return s.format("error.monthNotEnded", ["month": month.description, "last": last.description])
        case let .beforeLedger(month, first):
            return s.format("error.monthBeforeLedger", ["month": month.description, "first": first.description])
        }
    }

    public func problem(_ p: LedgerProblem) -> String {
        let s = strings
        var place = p.line.map { s.format("ledger.at.line", ["file": p.file, "line": String($0)]) } ?? p.file
        if let column = p.column { place = s.format("ledger.at.placeColumn", ["place": place, "column": column]) }
        return place + s.colon + reason(p.reason)
    }

    public func reason(_ r: LedgerProblem.Reason) -> String {
        let s = strings
        switch r {
        case .emptyFile: return s["ledger.emptyFile"]
        case let .notText(detail): return s.format("ledger.notText", ["detail": detail])
        case let .noHeader(expected): return s.format("ledger.noHeader", ["expected": s.list(expected.prefix(4))])
        case let .unknownColumn(name): return s.format("ledger.unknownColumn", ["name": name])
        case let .missingColumn(name): return s.format("ledger.missingColumn", ["name": name])
        case let .duplicateColumn(name): return s.format("ledger.duplicateColumn", ["name": name])
        case .unterminatedQuote: return s["ledger.unterminatedQuote"]
        case .malformedQuote: return s["ledger.malformedQuote"]
        case let .lineTooLong(bytes, limit): return s.format("ledger.lineTooLong", ["bytes": String(bytes), "limit": String(limit)])
        case let .fieldTooLong(bytes, limit): return s.format("ledger.fieldTooLong", ["bytes": String(bytes), "limit": String(limit)])
        case let .tooManyFields(count, expected): return s.format("ledger.tooManyFields", ["count": String(count), "expected": String(expected)])
        case let .tooFewFields(count, expected): return s.format("ledger.tooFewFields", ["count": String(count), "expected": String(expected)])
        case .required: return s["ledger.required"]
        case let .notADate(text): return s.format("ledger.notADate", ["text": text])
        case let .notAMonth(text): return s.format("ledger.notAMonth", ["text": text])
        case let .notMoney(text, error):
            let key: String
            switch error {
            case .empty: key = "ledger.money.empty"
            case .negative: key = "ledger.money.negative"
            case .tooManyDecimals: key = "ledger.money.tooManyDecimals"
            case .tooLarge: key = "ledger.money.tooLarge"
            case .notANumber: key = "ledger.money.notANumber"
            }
            return s.format(key, ["text": text])
        case let .notAnInteger(text): return s.format("ledger.notAnInteger", ["text": text])
        case let .notAChoice(text, allowed): return s.format("ledger.notAChoice", ["text": text, "allowed": s.list(allowed)])
        case let .unknownSubcommand(text): return s.format("ledger.unknownSubcommand", ["text": text])
        case let .unknownLocality(text): return s.format("ledger.unknownLocality", ["text": text])
        case let .unknownProject(text): return s.format("ledger.unknownProject", ["text": text])
        case let .duplicateKey(key, first): return s.format("ledger.duplicateKey", ["key": key, "first": String(first)])
        case let .inconsistent(what): return inconsistency(what)
        case let .rule(problem): return progressProblem(problem)
        case let .award(problem): return awardProblem(problem)
        case let .startYearAfterMonth(year, month): return s.format("ledger.startYearAfterMonth", ["year": String(year), "month": month.description])
        case let .endYearBeforeMonth(year, month): return s.format("ledger.endYearBeforeMonth", ["year": String(year), "month": month.description])
        }
    }
}

extension ErrorText {
    /// Cells of a row that disagree, in the user's language.
    public func inconsistency(_ what: Inconsistency) -> String {
        let s = strings
        switch what {
        case let .annualPlanExceedsTotal(annual, total):
            return s.format("ledger.x.annualOverTotal", ["annual": annual.wanText, "total": total.wanText])
        case let .endsBeforeStart(end, start): return s.format("ledger.x.endsBeforeStart", ["end": String(end), "start": String(start)])
        case .milestoneNeedsDate: return s["ledger.x.milestoneNeedsDate"]
        case let .notATime(text): return s.format("ledger.x.notATime", ["text": text])
        case let .notAQuarter(text): return s.format("ledger.x.notAQuarter", ["text": text])
        case let .notAProjectOf(code, sc): return s.format("ledger.x.notAProjectOf", ["code": code, "subcommand": sc])
        case let .statusNeedsDate(status): return s.format("ledger.x.statusNeedsDate", ["status": s["status.\(status.rawValue)"]])
        case .dispatchedNeedsUnit: return s["ledger.x.dispatchedNeedsUnit"]
        case let .statusNotReached(status): return s.format("ledger.x.statusNotReached", ["status": s["status.\(status.rawValue)"]])
        case let .beforeEarlierStep(date, earlier, column):
            let step = s.has("ledger.step.\(column)") ? s["ledger.step.\(column)"] : column
            return s.format("ledger.x.beforeEarlierStep", ["date": date.iso, "earlier": earlier.iso, "step": step])
        case .queuedBeforeRegistered: return s["ledger.x.queuedBeforeRegistered"]
        case let .listingIncomplete(missing):
            return s.format("ledger.x.listingIncomplete", ["missing": s.list(missing.map { s.has("five.\($0)") ? s["five.\($0)"] : $0 })])
        case .planOnlyForMajor: return s["ledger.x.planOnlyForMajor"]
        }
    }

    /// `  rules.cards.threshold：须在 0.1 与 2.0 之间`: a locality.toml problem with its key path.
    public func configProblem(_ p: ConfigProblem) -> String {
        let words = p.key.isEmpty || !strings.has(p.key) ? p.message : strings.format(p.key, p.values)
        return "  " + p.path + strings.colon + words
    }

    /// Why a file could not be read or written, in the user's language (the system's own words
    /// as it gives them).
    public func ioProblem(_ p: IOProblem) -> String {
        let s = strings
        switch p {
        case .noSuchFile: return s["io.noSuchFile"]
        case .cannotRead: return s["io.cannotRead"]
        case .notUTF8: return s["io.notUTF8"]
        case let .cannotList(detail): return s.format("io.cannotList", ["detail": detail])
        case let .cannotCreate(detail): return s.format("io.cannotCreate", ["detail": detail])
        case let .cannotGiveToGroup(group, detail): return s.format("io.cannotGiveToGroup", ["group": group, "detail": detail])
        case let .system(text): return text
        }
    }

    /// A value a write refuses, in the user's language.
    public func valueProblem(_ problem: ValueProblem) -> String {
        let s = strings
        switch problem {
        case let .windowTooLong(from, to): return s.format("value.windowTooLong", ["from": from.iso, "to": to.iso])
        case let .notATime(text): return s.format("value.notATime", ["text": text])
        case let .dateBefore(date, day): return s.format(asOfKey("value.dateBefore", day), ["date": date.iso, "today": day.iso])
        case let .meetingCancelled(id): return s.format("value.meetingCancelled", ["id": id])
        case let .meetingAlreadyCancelled(id): return s.format("value.meetingAlreadyCancelled", ["id": id])
        case let .meetingHeld(id): return s.format("value.meetingHeld", ["id": id])
        case let .sameDayAsAnother(id, other, date): return s.format("value.sameDayAsAnother", ["id": id, "other": other, "date": date.iso])
        case .reasonRequired: return s["value.reasonRequired"]
        case .titleRequired: return s["value.titleRequired"]
        case .decisionTextRequired: return s["value.decisionTextRequired"]
        case .deadlineRequired: return s["value.deadlineRequired"]
        case .stepNeedsIssue: return s["value.stepNeedsIssue"]
        case .alreadyRecorded: return s["value.alreadyRecorded"]
        case .descriptionRequired: return s["value.descriptionRequired"]
        }
    }
}
