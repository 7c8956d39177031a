import Foundation
import Testing

/// The writes of the command line, run through the real binary as a script would: each on a
/// fresh store made by `cmdroom init` from the Linfen sample (as of 2026-10-31), where the
/// account running the tests is the store's creator and so on the roster as office.
@Suite struct WriteCommandTests {
    let sample = Binaries.repositoryRoot.appendingPathComponent("sample-data/linfen").path
    /// A 市政、制造业、电力 project and a 政法 one.
    let municipal = "LF2026-0001"
    let law = "LF2026-0002"

    func initStore(_ scratch: Scratch) throws -> String {
        let store = scratch.path("store")
        let r = try run(Binaries.cmdroom, ["init", "--store", store, "--locality", sample])
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    func cmdroom(_ arguments: [String], _ store: String) throws -> RunResult {
        try run(Binaries.cmdroom, arguments + ["--store", store])
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    func array(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], "\(text)")
    }

    func boardRow(_ code: String, _ store: String) throws -> [String: Any] {
        let board = try cmdroom(["board", "--format", "json"], store)
        #expect(board.status == 0, "\(board.stderr)")
        return try #require(try array(board.stdout).first { $0["code"] as? String == code })
    }

    func account() throws -> String {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["id", "-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func progressSetShowsOnTheBoard() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let before = try #require(try boardRow(municipal, store)["completedToDate"] as? Double)
        let set = try cmdroom(["progress", "set", municipal, "--completed", "500", "--progress", "主体封顶",
                               "--milestone", "开工=2026-10-12"], store)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.hasPrefix("已记录 \(municipal)") && set.stdout.contains("412.4 → 500 万元")
                && set.stdout.contains("开工实际日期 2026-10-12"), "\(set.stdout)")
        #expect(set.stdout.split(separator: "\n").count == 1)
        let after = try #require(try boardRow(municipal, store)["completedToDate"] as? Double)
        #expect(abs(after - before - (500 - 412.4)) < 0.001)
        // JSON: the month as stored, for scripts; the same entry again changes nothing.
        let json = try cmdroom(["progress", "set", municipal, "--completed", "500", "--format", "json"], store)
        let result = try object(json.stdout)
        #expect(result["outcome"] as? String == "unchanged" && result["completed"] as? Double == 500
                && result["progress"] as? String == "主体封顶" && result["month"] as? String == "2026-10")
        let milestones = try #require(result["milestones"] as? [[String: Any]])
        #expect(milestones.contains { $0["kind"] as? String == "start" && $0["actual"] as? String == "2026-10-12" })
        let english = try cmdroom(["progress", "set", municipal, "--completed", "510", "--lang", "en"], store)
        #expect(english.stdout.hasPrefix("recorded \(municipal)") && english.stdout.contains("completed 500 → 510"))
        // A reminder by the account, dated the as-of day; the board counts it.
        let reminded = try #require(try boardRow(law, store)["remindersToDate"] as? Int)
        let remind = try cmdroom(["remind", law, "--note", "请加快进度"], store)
        #expect(remind.status == 0 && remind.stdout.contains("已记录催办") && remind.stdout.contains("2026-10-31"), "\(remind.stderr)")
        #expect(try boardRow(law, store)["remindersToDate"] as? Int == reminded + 1)
    }

    @Test func anIssueRunsItsLifeCycle() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let new = try cmdroom(["issue", "new", "--project", law, "--category", "用地", "--kind", "general",
                               "--description", "用地指标未落实", "--format", "json"], store)
        #expect(new.status == 0, "\(new.stderr)")
        let registered = try object(new.stdout)
        let id = try #require(registered["id"] as? String)
        #expect(registered["status"] as? String == "registered" && registered["level"] as? String == "city"
                && registered["category"] as? String == "land" && registered["stage"] as? String == "dispatch")
        // A step out of order is refused with the reason, and nothing changes.
        let early = try cmdroom(["issue", "arrange", id], store)
        #expect(early.status == 1 && early.stderr.contains(id) && early.stderr.contains("“待交办”的问题不能部署"), "\(early.stderr)")
        let dispatch = try cmdroom(["issue", "dispatch", id], store)
        #expect(dispatch.status == 0 && dispatch.stdout.contains("市规划和自然资源局")
                && dispatch.stdout.contains("部门职责分工表"), "\(dispatch.stdout)\(dispatch.stderr)")
        for step in [["arrange", id], ["feedback", id, "--note", "已对接"], ["resolve", id, "--note", "指标已落实"]] {
            let r = try cmdroom(["issue"] + step, store)
            #expect(r.status == 0 && r.stdout.hasPrefix("问题 \(id)："), "\(step): \(r.stderr)")
        }
        let confirm = try cmdroom(["issue", "confirm", id, "--lang", "en"], store)
        #expect(confirm.stdout == "issue \(id): confirm (satisfied) (awaiting confirmation → cleared)\n", "\(confirm.stdout)\(confirm.stderr)")
        let queue = try array(try cmdroom(["issues", "--all", "--format", "json"], store).stdout)
        let cleared = try #require(queue.first { $0["id"] as? String == id })
        #expect(cleared["status"] as? String == "cleared" && cleared["unit"] as? String == "市规划和自然资源局")
        let again = try cmdroom(["issue", "escalate", id, "--reason", "x", "--lang", "en"], store)
        #expect(again.status == 1 && again.stderr.contains("cleared"), "\(again.stderr)")
        // Listing needs all five in place: the refusal names what is missing.
        let other = try object(try cmdroom(["issue", "new", "--project", law, "--category", "funding", "--description", "资金缺口",
                                            "--format", "json"], store).stdout)
        let list = try cmdroom(["issue", "list", try #require(other["id"] as? String), "--solution", "专项债", "--unit", "市财政局"], store)
        #expect(list.status == 1 && list.stderr.contains("责任领导、责任人、解决时限"), "\(list.stderr)")
    }

    @Test func badValuesExitTwoNamingTheOption() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let cases: [([String], [String])] = [
            (["progress", "set", municipal, "--completed", "12a"], ["--completed", "12a"]),
            (["progress", "set", municipal, "--completed", "-5"], ["--completed", "-5", "负"]),
            (["progress", "set", municipal, "--completed", "99999"], ["--completed", "超过总投资"]),
            (["progress", "set", "LF9999", "--completed", "1"], ["LF9999", "没有这个项目"]),
            (["progress", "set", municipal, "--completed", "1", "--month", "2026-13"], ["--month", "2026-13"]),
            (["progress", "set", municipal, "--completed", "1", "--milestone", "开工=2026-11-05"], ["--milestone", "2026-11-05"]),
            (["progress", "set", municipal, "--completed", "1", "--milestone", "groundbreaking=2026-10-05"], ["--milestone", "groundbreaking"]),
            (["remind", municipal, "--date", "2026-10-32"], ["--date", "2026-10-32"]),
            (["issue", "new", "--project", law, "--category", "weather", "--description", "d"], ["--category", "weather", "用地"]),
            (["issue", "new", "--project", law, "--category", "land", "--description", "d", "--level", "township"], ["--level", "township"]),
            (["issue", "new", "--project", law, "--category", "land", "--description", " "], ["--description"]),
            (["issue", "confirm", "Q2099-0001"], ["Q2099-0001"]),
        ]
        for (arguments, words) in cases {
            let r = try cmdroom(arguments, store)
            #expect(r.status == 2, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix("cmdroom: ") && words.allSatisfy { r.stderr.contains($0) }, "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        let usage = try cmdroom(["progress", "set", municipal], store)
        #expect(usage.status == 64 && usage.stderr.contains("--completed"))
        let english = try cmdroom(["progress", "set", municipal, "--completed", "abc", "--lang", "en"], store)
        #expect(english.stderr == "cmdroom: --completed \"abc\": not a number (10k yuan, e.g. 1,234.5)\n", "\(english.stderr)")
    }

    @Test func undoRestoresAndHistoryNamesTheAccount() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let me = try account()
        let before = try boardRow(municipal, store)
        #expect(try cmdroom(["progress", "set", municipal, "--completed", "300"], store).status == 0)
        #expect(try boardRow(municipal, store)["completedToDate"] as? Double != before["completedToDate"] as? Double)
        let history = try cmdroom(["history", "--project", municipal], store)
        #expect(history.status == 0)
        let newest = try #require(history.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4).first)
        #expect(newest.contains(me) && newest.contains("月度台账 \(municipal)/2026-10") && newest.contains("412.4 → 300"), "\(history.stdout)")
        let dry = try cmdroom(["undo", "--dry-run"], store)
        #expect(dry.status == 0 && dry.stdout.hasPrefix("将撤销") && dry.stdout.contains("\(municipal)/2026-10"), "\(dry.stdout)")
        #expect(try boardRow(municipal, store)["completedToDate"] as? Double != before["completedToDate"] as? Double)
        let undo = try cmdroom(["undo", "--format", "json"], store)
        #expect(undo.status == 0, "\(undo.stderr)")
        let undone = try array(undo.stdout)
        #expect(undone.count == 1 && undone[0]["key"] as? String == "\(municipal)/2026-10")
        #expect(try boardRow(municipal, store)["completedToDate"] as? Double == before["completedToDate"] as? Double)
        // The log keeps both the change and its undo, with the account, newest first.
        let log = try array(try cmdroom(["history", "--project", municipal, "--format", "json"], store).stdout)
        let completed = log.prefix(2).compactMap { row -> String? in
            guard row["actor"] as? String == me, let changes = row["changes"] as? [[String: Any]],
                  let c = changes.first(where: { $0["field"] as? String == "completed" }) else { return nil }
            return "\(c["before"] as? String ?? "-")→\(c["after"] as? String ?? "-")"
        }
        #expect(completed == ["300→412.4", "412.4→300"], "\(log.prefix(2))")
        let csv = try cmdroom(["history", "--issue", "Q2026-0001", "--format", "csv"], store)
        #expect(csv.status == 0 && csv.stdout.hasPrefix("id,at,actor,name,entity,key,action,field,before,after\n"))
    }

    @Test func aClerkIsRefusedOutsideTheirSubcommand() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        // init put this account on the roster as office, last; make it the 政法 clerk instead.
        let file = URL(fileURLWithPath: store).appendingPathComponent("locality.toml")
        var toml = try String(contentsOf: file, encoding: .utf8)
        let office = try #require(toml.range(of: "role = \"office\"", options: .backwards))
        toml.replaceSubrange(office, with: "role = \"clerk\"\nsubcommands = [\"law\"]")
        try toml.write(to: file, atomically: true, encoding: .utf8)
        let refused = try cmdroom(["progress", "set", municipal, "--completed", "1"], store)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("无权填报月度进度") && refused.stderr.contains("lf-office") && refused.stderr.contains("lf-municipal"),
                "\(refused.stderr)")
        let remind = try cmdroom(["remind", municipal, "--lang", "en"], store)
        #expect(remind.status == 1 && remind.stderr.contains("may not") && remind.stderr.contains("lf-municipal"), "\(remind.stderr)")
        let own = try cmdroom(["progress", "set", law, "--completed", "1"], store)
        #expect(own.status == 0, "\(own.stderr)")
    }

    @Test func meetingsExpandMoveCancelAndAdd() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        // init stored this year's and next year's series; expanding again adds nothing.
        let again = try cmdroom(["meetings", "expand"], store)
        #expect(again.status == 0 && again.stdout.contains("新增 0 场"), "\(again.stdout)\(again.stderr)")
        let moved = try cmdroom(["meetings", "move", "plenary-20261225", "2026-12-28", "--time", "09:00"], store)
        #expect(moved.status == 0, "\(moved.stderr)")
        let cancelled = try cmdroom(["meetings", "cancel", "weekly-20261109", "--reason", "与现场观摩冲突"], store)
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        let added = try cmdroom(["meetings", "add", "--date", "2026-11-12", "--time", "14:30", "--title", "要素保障临时调度会",
                                 "--scope", "政法项目分指挥部"], store)
        #expect(added.status == 0 && added.stdout.contains("adhoc-20261112-1"), "\(added.stdout)\(added.stderr)")
        let calendar = try array(try cmdroom(["calendar", "--from", "2026-11-01", "--to", "2026-12-31", "--format", "json"], store).stdout)
        // A moved meeting's id follows the day it is held; the scheduled id is an alias (issue 15 §3).
        let plenary = try #require(calendar.first { ($0["id"] as? String) == "plenary-20261228" })
        #expect(plenary["date"] as? String == "2026-12-28" && plenary["scheduledOn"] as? String == "2026-12-25")
        let byAlias = try cmdroom(["agenda", "plenary-20261225", "--format", "json"], store)
        #expect(byAlias.status == 0 && byAlias.stdout.contains("\"meeting\" : \"plenary-20261228\""), "\(byAlias.stdout)\(byAlias.stderr)")
        // A weekly meeting moved onto the next one's day is refused, saying which.
        let onto = try cmdroom(["meetings", "move", "weekly-20261102", "2026-11-09"], store)
        #expect(onto.status != 0 && onto.stderr.contains("weekly-20261109") && onto.stderr.contains("同日"), "\(onto.stderr)")
        #expect(calendar.first { ($0["id"] as? String) == "weekly-20261109" }?["cancelled"] as? Bool == true)
        #expect(calendar.first { ($0["id"] as? String) == "adhoc-20261112-1" }?["scope"] as? String == "subcommand:law")
        let text = try cmdroom(["calendar", "--from", "2026-11-09", "--to", "2026-11-09"], store).stdout
        #expect(text.contains("2026年第46周项目调度会（已取消）"), "\(text)")
        // Bad input is named; the past is refused.
        let past = try cmdroom(["meetings", "move", "plenary-20261225", "2026-10-01"], store)
        #expect(past.status != 0 && !past.stderr.isEmpty)
        let badKind = try cmdroom(["meetings", "add", "--date", "2026-11-12", "--title", "x", "--kind", "party"], store)
        #expect(badKind.status == 2 && badKind.stderr.contains("--kind"), "\(badKind.stderr)")
    }

    @Test func rankingBulletinAndTargetsFromTheCommandLine() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        let ranking = try array(try cmdroom(["ranking", "--format", "json"], store).stdout)
        #expect(ranking.count == 18 && (ranking.first?["rank"] as? Int) == 1)
        #expect(try array(try cmdroom(["ranking", "--by", "subcommand", "--format", "json"], store).stdout).count == 6)
        let bulletin = try cmdroom(["report", "monthly", "--month", "2026-09"], store)
        #expect(bulletin.status == 0 && bulletin.stdout.hasPrefix("# 临汾市重点工程项目2026年9月月度通报"), "\(bulletin.stdout.prefix(200))")
        let future = try cmdroom(["report", "monthly", "--month", "2026-12"], store)
        #expect(future.status == 64 && future.stderr.contains("还没有结束"))
        // Linfen has no [[targets]]; Shanxi carries seed 004's.
        #expect(try cmdroom(["targets"], store).stdout.contains("没有 [[targets]]"))
        let shanxi = scratch.path("shanxi")
        #expect(try run(Binaries.cmdroom, ["init", "--store", shanxi, "--locality", "shanxi"]).status == 0)
        let targets = try array(try cmdroom(["targets", "--format", "json"], shanxi).stdout)
        #expect(targets.count == 6 && targets.contains { ($0["indicator"] as? String) == "investment-share" && $0["actual"] is Double })
    }

    @Test func awardsProposedPickedAndTheSpecialReport() throws {
        let scratch = Scratch()
        let store = try initStore(scratch)
        // 2026Q3 is the last quarter ended on 2026-10-31: the data's suggestions first.
        let shown = try object(try cmdroom(["awards", "--format", "json"], store).stdout)
        #expect(shown["quarter"] as? String == "2026Q3")
        let nominations = try #require(shown["nominations"] as? [[String: Any]])
        #expect(nominations.allSatisfy { ($0["proposed"] as? Bool) == false } && nominations.count >= 6)
        let lawBest = try #require(nominations.first { $0["subcommand"] as? String == "law" && $0["kind"] as? String == "antelope" }?["project"] as? String)
        // The 政法 sub-command takes the suggestions; the 民生 one names its own worst.
        let proposed = try cmdroom(["awards", "propose", "--subcommand", "law"], store)
        #expect(proposed.status == 0 && proposed.stdout.contains(lawBest), "\(proposed.stdout)\(proposed.stderr)")
        // Another sub-command's project is refused, exit 2, saying why.
        let wrong = try cmdroom(["awards", "propose", "--subcommand", "law", "--worst", municipal], store)
        #expect(wrong.status == 2 && wrong.stderr.contains("不属于分指挥部"), "\(wrong.stderr)")
        // A pick not proposed is refused; a proposed one recorded and shown.
        let notProposed = try cmdroom(["awards", "pick", "--antelope", municipal], store)
        #expect(notProposed.status == 2 && notProposed.stderr.contains("未被提名"), "\(notProposed.stderr)")
        let picked = try cmdroom(["awards", "pick", "--antelope", lawBest], store)
        #expect(picked.status == 0, "\(picked.stderr)")
        let text = try cmdroom(["awards"], store).stdout
        #expect(text.contains("羚羊奖 1. ") && !text.contains("尚未评定"), "\(text)")
        // A quarter not yet ended, and a quarter that is not one.
        #expect(try cmdroom(["awards", "propose", "--subcommand", "law", "--quarter", "2026Q4"], store).status == 2)
        #expect(try cmdroom(["awards", "--quarter", "2026Q5"], store).status == 64)
        // The special report of the month, in Markdown.
        let special = try cmdroom(["report", "special"], store)
        #expect(special.status == 0 && special.stdout.hasPrefix("# 临汾市重点项目专报（2026年10月）") && special.stdout.contains("## 五、短板问题"),
                "\(special.stdout.prefix(300))")
    }
}
