import KeyProjects

/// The words a ledger uses for coded values. Exports write the first Chinese term; imports
/// accept any listed term, the English code, and the English words.
public struct Vocabulary<Value: Hashable & Sendable>: Sendable {
    package let terms: [(value: Value, words: [String])]

    public func word(for value: Value) -> String { terms.first { $0.value == value }!.words[0] }

    /// The value a ledger word (or English code) stands for, whatever its case.
    public func value(for text: String) -> Value? {
        let key = Vocabulary.normalized(text)
        return terms.first { $0.words.contains { Vocabulary.normalized($0) == key } }?.value
    }

    public var allowed: [String] { terms.map { $0.words[0] } }

    package static func normalized(_ s: String) -> String {
        s.trimmingASCIISpaces().lowercased().replacingOccurrences(of: "_", with: "-")
    }
}

extension Vocabulary where Value: RawRepresentable, Value.RawValue == String {
    /// Each value's words, with its English code added.
    package init(_ pairs: [(Value, [String])]) {
        terms = pairs.map { ($0.0, $0.1 + [$0.0.rawValue]) }
    }
}

/// The ledgers' words, for the command line to accept the same ones.
public enum Words {
    public static let projectLevel = Vocabulary<ProjectLevel>([
        (.province, ["省级重点工程", "省级", "省重点"]),
        (.city, ["市级重点工程", "市级", "市重点"]),
        (.county, ["县级重点工程", "县级", "县重点"]),
    ])
    public static let nature = Vocabulary<ProjectNature>([
        (.new, ["新建", "新开工"]),
        (.continuing, ["续建"]),
    ])
    public static let stage = Vocabulary<ProjectStage>([
        (.planning, ["谋划"]),
        (.reserve, ["储备"]),
        (.preparation, ["前期"]),
        (.construction, ["在建", "建设"]),
        (.completed, ["竣工"]),
        (.production, ["投产", "投用"]),
    ])
    public static let reserveClass = Vocabulary<ReserveClass>([
        (.intent, ["意向"]), (.proposal, ["动议"]), (.negotiation, ["谈判"]),
        (.longTermStudy, ["远期研究"]), (.nearTermSigning, ["近期签约"]), (.landing, ["争取落地"]),
        (.readyToStart, ["开工建设"]),
    ])
    public static let milestone = Vocabulary<MilestoneKind>([
        (.approval, ["立项", "审批核准备案"]),
        (.planning, ["规划", "规划许可"]),
        (.land, ["用地", "土地"]),
        (.environment, ["环评"]),
        (.energy, ["能评"]),
        (.permit, ["施工许可"]),
        (.start, ["开工"]),
        (.completion, ["竣工"]),
        (.production, ["投产"]),
    ])
    public static let category = Vocabulary<IssueCategory>([
        (.approval, ["审批手续", "审批", "手续"]),
        (.land, ["用地", "土地"]),
        (.environment, ["环保", "环评"]),
        (.energy, ["能耗指标", "能评", "用能"]),
        (.funding, ["资金", "融资"]),
        (.demolition, ["征地拆迁", "征拆"]),
        (.obstruction, ["阻工扰工", "阻工"]),
        // 水电气 was one category before issue 16; a ledger written then still reads, as 水气暖.
        (.utilities, ["水气暖", "供水供气供暖", "水电气", "水电气暖"]),
        (.power, ["电力", "供电", "用电"]),
        (.environmentOfInvestment, ["营商环境", "投资环境"]),
        (.other, ["其他"]),
    ])
    public static let issueKind = Vocabulary<IssueKind>([
        (.general, ["一般性问题", "一般"]),
        (.major, ["重大复杂问题", "重大复杂", "重大"]),
        (.obstruction, ["阻工扰工事件", "阻工扰工"]),
    ])
    public static let issueLevel = Vocabulary<IssueLevel>([
        (.township, ["乡镇级", "乡镇"]),
        (.county, ["县级", "县"]),
        (.city, ["市级", "市"]),
        (.province, ["省级", "省"]),
        (.state, ["国家级", "国家"]),
    ])
    public static let status = Vocabulary<IssueStatus>([
        (.registered, ["待交办", "已登记"]),
        (.dispatched, ["已交办"]),
        (.arranged, ["已部署"]),
        (.fedBack, ["已反馈"]),
        (.solutionClaimed, ["待确认", "已办结"]),
        (.reopened, ["重新办理", "已重办"]),
        (.cleared, ["已销号", "销号"]),
    ])
    public static let meetingKind = Vocabulary<MeetingKind>([
        (.annualConference, ["项目建设大会"]),
        (.plenary, ["总指挥部全体会议", "全体会议"]),
        (.officeDispatch, ["办公室调度会议", "办公室工作例会", "调度会议"]),
        (.subcommandDispatch, ["分指挥部调度会议", "专题例会"]),
        (.weeklyDispatch, ["周(旬)调度", "周调度", "旬调度"]),
        (.monthlyProgress, ["月度推进会"]),
        (.siteReview, ["现场观摩", "比晾晒"]),
        (.siteOffice, ["领导现场办公", "现场办公"]),
        (.adHoc, ["临时会议", "专题会议"]),
    ])
    public static let awardKind = Vocabulary<AwardKind>([
        (.antelope, ["羚羊奖", "最优"]),
        (.snail, ["蜗牛奖", "最差"]),
    ])

    package static let awardStage = Vocabulary<AwardStage>([
        (.nomination, ["提名", "推荐", "proposal"]),
        (.award, ["评定", "授予", "pick"]),
    ])

    package static let yesNo = Vocabulary<YesNo>([
        (.yes, ["是", "√", "y", "true", "1"]),
        (.no, ["否", "", "n", "false", "0"]),
    ])
}

package enum YesNo: String, Sendable, Hashable { case yes, no }

/// A row of the awards ledger: a sub-command's nomination, or the headquarters' award.
package enum AwardStage: String, Sendable, Hashable { case nomination, award }
