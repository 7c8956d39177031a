/// The ledgers a store imports and exports.
public enum LedgerKind: String, Sendable, CaseIterable {
    case projects, monthly, milestones, reminders, issues, meetings
    /// The quarters' 羚羊奖/蜗牛奖: nominations and the headquarters' awards.
    case awards

    /// The file name `cmdroom init` looks for in a locality directory.
    public var fileName: String { "\(rawValue).csv" }

    /// Import order: projects first, since the others refer to them.
    public static let importOrder: [LedgerKind] = [.projects, .monthly, .milestones, .reminders, .issues, .meetings, .awards]
}

/// A column of a ledger: its key, the Chinese header an office spreadsheet has, the English
/// header, and other headers seen in the wild.
package struct LedgerColumn: Sendable {
    package let key: String
    package let header: String
    package let english: String
    package let aliases: [String]
    package let required: Bool

    package init(_ key: String, _ header: String, _ english: String, aliases: [String] = [], required: Bool = false) {
        self.key = key; self.header = header; self.english = english; self.aliases = aliases; self.required = required
    }

    package func matches(_ normalizedHeader: String) -> Bool {
        ([header, english, key] + aliases).contains { LedgerColumn.normalize($0) == normalizedHeader }
    }

    /// Lower-cased, without spaces, underscores or a unit in brackets: "总投资（万元）" → "总投资".
    package static func normalize(_ raw: String) -> String {
        var out = ""
        var depth = 0
        for ch in raw.lowercased() {
            switch ch {
            case "(", "（", "[", "【": depth += 1
            case ")", "）", "]", "】": depth = max(0, depth - 1)
            case " ", "\t", "\u{3000}", "_", "-", "\n", "\r": continue
            default: if depth == 0 { out.append(ch) }
            }
        }
        return out
    }
}

/// Columns a spreadsheet may carry that hold nothing of ours.
package let ignorableColumns: Set<String> = ["序号", "no.", "no", "#"].reduce(into: []) { $0.insert(LedgerColumn.normalize($1)) }

package enum LedgerLayout {
    package static func columns(_ kind: LedgerKind) -> [LedgerColumn] {
        switch kind {
        case .projects: return projects
        case .monthly: return monthly
        case .milestones: return milestones
        case .reminders: return reminders
        case .issues: return issues
        case .meetings: return meetings
        case .awards: return awards
        }
    }

    package static let projects: [LedgerColumn] = [
        LedgerColumn("code", "项目编码", "code", aliases: ["项目代码", "项目编号"], required: true),
        LedgerColumn("name", "项目名称", "name", required: true),
        LedgerColumn("level", "项目级别", "level", aliases: ["重点工程级别"], required: true),
        LedgerColumn("subcommand", "分指挥部", "subcommand", aliases: ["所属分指挥部"], required: true),
        LedgerColumn("locality", "属地", "locality", aliases: ["所在县区", "县（市、区）", "所在地", "项目所在地"], required: true),
        LedgerColumn("construction_unit", "建设单位", "construction unit", aliases: ["项目法人", "项目单位"]),
        LedgerColumn("nature", "建设性质", "nature", aliases: ["新建/续建"]),
        LedgerColumn("stage", "项目阶段", "stage"),
        LedgerColumn("reserve_class", "储备类别", "reserve class"),
        LedgerColumn("content", "建设内容及规模", "content", aliases: ["建设内容", "建设规模及内容"]),
        LedgerColumn("start_year", "开工年份", "start year", aliases: ["建设起始年"]),
        LedgerColumn("end_year", "竣工年份", "end year", aliases: ["建设截止年"]),
        LedgerColumn("total_investment", "总投资（万元）", "total investment", required: true),
        LedgerColumn("annual_plan", "年度计划投资（万元）", "annual plan", aliases: ["年度计划", "年计划投资"], required: true),
        LedgerColumn("liaison_leader", "包联领导", "liaison leader"),
        LedgerColumn("responsible_unit", "责任单位", "responsible unit"),
        LedgerColumn("responsible_person", "责任人", "responsible person"),
        LedgerColumn("contact", "联系电话", "contact", aliases: ["电话"]),
    ]

    package static let monthly: [LedgerColumn] = [
        LedgerColumn("code", "项目编码", "project", aliases: ["项目代码", "code"], required: true),
        LedgerColumn("month", "月份", "month", aliases: ["填报月份"], required: true),
        LedgerColumn("planned", "月度计划投资（万元）", "planned", aliases: ["月计划投资", "本月计划投资"]),
        LedgerColumn("completed", "本月完成投资（万元）", "completed", aliases: ["月完成投资", "当月完成投资"], required: true),
        LedgerColumn("progress", "形象进度", "progress", aliases: ["工程形象进度"]),
    ]

    package static let milestones: [LedgerColumn] = [
        LedgerColumn("code", "项目编码", "project", aliases: ["项目代码", "code"], required: true),
        LedgerColumn("kind", "节点", "milestone", aliases: ["节点名称", "里程碑"], required: true),
        LedgerColumn("planned", "计划日期", "planned", aliases: ["计划完成时间"]),
        LedgerColumn("actual", "实际日期", "actual", aliases: ["实际完成时间"]),
    ]

    package static let reminders: [LedgerColumn] = [
        LedgerColumn("code", "项目编码", "project", aliases: ["项目代码", "code"], required: true),
        LedgerColumn("date", "催办日期", "date", required: true),
        LedgerColumn("by", "催办人", "by", aliases: ["催办单位"], required: true),
        LedgerColumn("note", "催办内容", "note", aliases: ["备注"]),
    ]

    package static let issues: [LedgerColumn] = [
        LedgerColumn("id", "问题编号", "id", required: true),
        LedgerColumn("code", "项目编码", "project", aliases: ["项目代码"], required: true),
        LedgerColumn("category", "问题类别", "category", aliases: ["问题类型"], required: true),
        LedgerColumn("kind", "问题性质", "kind"),
        LedgerColumn("level", "办理层级", "level", aliases: ["解决层级"]),
        LedgerColumn("description", "问题描述", "description", aliases: ["存在问题"], required: true),
        LedgerColumn("status", "办理状态", "status", aliases: ["状态"]),
        LedgerColumn("registered_on", "登记日期", "registered", aliases: ["入账日期"], required: true),
        LedgerColumn("queued_on", "待交办起算日期", "queued"),
        LedgerColumn("unit", "承办单位", "unit", aliases: ["办理单位"]),
        LedgerColumn("dispatched_on", "交办日期", "dispatched"),
        LedgerColumn("arranged_on", "部署日期", "arranged"),
        LedgerColumn("feedback_on", "反馈日期", "feedback"),
        LedgerColumn("solved_on", "办结日期", "solved"),
        LedgerColumn("reopened_on", "重办日期", "reopened"),
        LedgerColumn("cleared_on", "销号日期", "cleared"),
        LedgerColumn("plan_submitted_on", "书面方案日期", "plan submitted"),
        LedgerColumn("deadline", "办结时限", "deadline"),
        LedgerColumn("deadline_reason", "时限说明", "deadline reason"),
        LedgerColumn("listed", "挂牌督办", "listed"),
        LedgerColumn("supervision_solution", "解决办法", "supervision solution"),
        LedgerColumn("supervision_unit", "挂牌责任单位", "supervision unit"),
        LedgerColumn("supervision_leader", "责任领导", "supervision leader"),
        LedgerColumn("supervision_person", "挂牌责任人", "supervision person"),
        LedgerColumn("supervision_deadline", "挂牌解决时限", "supervision deadline"),
        LedgerColumn("group", "共性问题", "group"),
        LedgerColumn("note", "办理情况", "note", aliases: ["备注"]),
        LedgerColumn("reopen_count", "重办次数", "reopen count"),
    ]

    package static let meetings: [LedgerColumn] = [
        LedgerColumn("id", "会议编号", "id", required: true),
        LedgerColumn("date", "日期", "date", aliases: ["会议日期"], required: true),
        LedgerColumn("time", "时间", "time"),
        LedgerColumn("kind", "会议类型", "kind", required: true),
        LedgerColumn("title", "会议名称", "title", required: true),
        LedgerColumn("chair", "主持", "chair", aliases: ["主持人"]),
        LedgerColumn("scope", "范围", "scope"),
        LedgerColumn("location", "地点", "location"),
        LedgerColumn("note", "备注", "note"),
        LedgerColumn("series", "会议系列", "series"),
        LedgerColumn("scheduled_on", "原定日期", "scheduled on"),
        LedgerColumn("cancelled", "已取消", "cancelled"),
    ]

    package static let awards: [LedgerColumn] = [
        LedgerColumn("quarter", "季度", "quarter", required: true),
        LedgerColumn("stage", "环节", "stage", aliases: ["类型"], required: true),
        LedgerColumn("kind", "奖项", "award", aliases: ["奖项名称"], required: true),
        LedgerColumn("subcommand", "分指挥部", "subcommand", aliases: ["提名分指挥部"]),
        LedgerColumn("code", "项目编码", "project", aliases: ["项目代码", "code"], required: true),
        LedgerColumn("place", "名次", "place"),
        LedgerColumn("reason", "理由", "reason", aliases: ["评选理由"]),
        LedgerColumn("by", "记录人", "by", aliases: ["提名人", "评定人"]),
        LedgerColumn("recorded_on", "记录日期", "recorded on", aliases: ["日期"], required: true),
    ]
}
