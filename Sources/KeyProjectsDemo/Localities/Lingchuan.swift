extension SampleLocality {
    /// Lingchuan county (seed 003): seven sub-commands under the "167" command system, its
    /// towns and townships and the demonstration zone; the 13710 clock on working days.
    static let lingchuanTOML = #"""
# 陵川县项目攻坚指挥部 — sample locality for cmdroom.
# Organisation after seed 003 (2021). People's names are fictional;
# every figure in the ledgers beside this file is synthetic.

[headquarters]
code = "lingchuan"
name = "陵川县项目攻坚指挥部"
level = "county"
region = "陵川县"
commander = "county-head"
executive_deputies = ["vc-development"]
deputies = ["vc-industry", "vc-energy", "vc-tourism", "vc-rural", "office-head", "ndrc-head"]

[office]
name = "陵川县项目攻坚指挥部办公室"
director = "vc-development"
host_unit = "县发展和改革局"

[[leaders]]
id = "county-head"
name = "孟书晴"
title = "县委副书记、县长"

[[leaders]]
id = "vc-development"
name = "郝建新"
title = "副县长（分管发展改革）"

[[leaders]]
id = "vc-industry"
name = "龙振宇"
title = "副县长"

[[leaders]]
id = "vc-energy"
name = "常怀远"
title = "副县长"

[[leaders]]
id = "vc-tourism"
name = "苏晚晴"
title = "副县长"

[[leaders]]
id = "vc-rural"
name = "段青山"
title = "副县长"

[[leaders]]
id = "office-head"
name = "钱守信"
title = "县政府办公室主任"

[[leaders]]
id = "ndrc-head"
name = "尹卫东"
title = "县发展和改革局局长"

# 副指挥长 of the sub-commands: "县直主管部门主要负责人任副指挥长兼总联络人" (seed 003 一(三)).
# Seed 003 gives industry and digital economy one 副指挥长; energy, modern services and
# infrastructure another; rural revitalisation two. Which departments they head is the
# county's reading: the sub-commands sharing a 副指挥长 share the lead unit he heads.
[[leaders]]
id = "head-industry"
name = "葛明轩"
title = "县工信局局长"

[[leaders]]
id = "head-tourism"
name = "聂思远"
title = "县文旅局局长"

[[leaders]]
id = "head-agriculture"
name = "卢耀祖"
title = "县农业农村局局长"

[[leaders]]
id = "head-water"
name = "方德润"
title = "县水务局局长"

[[subcommands]]
code = "industry"
name = "工业领域项目攻坚指挥部"
sectors = ["工业"]
commander = "vc-industry"
deputies = ["head-industry"]
lead_units = ["县工信局"]

[[subcommands]]
code = "digital"
name = "数字经济领域项目攻坚指挥部"
sectors = ["数字经济"]
commander = "vc-industry"
deputies = ["head-industry"]
lead_units = ["县工信局"]

[[subcommands]]
code = "energy"
name = "能源领域项目攻坚指挥部"
sectors = ["能源"]
commander = "vc-energy"
deputies = ["ndrc-head"]
lead_units = ["县发展和改革局"]

[[subcommands]]
code = "tourism"
name = "文旅康养领域项目攻坚指挥部"
sectors = ["文旅", "康养"]
commander = "vc-tourism"
deputies = ["head-tourism"]
lead_units = ["县文旅局"]

[[subcommands]]
code = "rural"
name = "乡村振兴领域项目攻坚指挥部"
sectors = ["乡村振兴"]
commander = "vc-rural"
deputies = ["head-agriculture", "head-water"]
lead_units = ["县农业农村局", "县水务局"]

[[subcommands]]
code = "services"
name = "现代服务业领域项目攻坚指挥部"
sectors = ["现代服务业"]
commander = "vc-energy"
deputies = ["ndrc-head"]
lead_units = ["县发展和改革局"]

[[subcommands]]
code = "infrastructure"
name = "基础设施领域项目攻坚指挥部"
sectors = ["基础设施"]
commander = "vc-energy"
deputies = ["ndrc-head"]
lead_units = ["县发展和改革局"]

# 六个作战小组 (seed 003 一(二)): duties in the notice's words, shortened; 组长 as it names them.
[[working_groups]]
code = "coordination"
name = "综合协调小组"
duties = [
  "负责指挥部综合协调和日常工作",
  "传达学习省委省政府、市委市政府、县委县政府关于项目建设各项决策部署",
  "制定下发指挥部调度命令、工作指示",
  "组织指挥部各类会议，组织县域性重大项目活动",
  "交办督办重要工作、重大事项、重点问题",
  "贯彻落实支持项目建设的重要政策",
  "统筹项目宣传策划、跟踪报道，起草各类文字材料",
]
lead_units = ["县发展和改革局"]
leaders = ["ndrc-head"]

[[working_groups]]
code = "planning"
name = "项目谋划小组"
duties = [
  "把握政策导向、产业规划和投资方向，前瞻性谋划项目",
  "聘请专业机构、组建项目专班、安排专项资金，高质量谋划项目",
  "组建专家库，全程服务项目的前期规划、中期调研论证和后期推介",
  "按成熟度分成意向类、动议类、谈判类，建立项目动态储备库",
  "研究国家政策资金支持方向，加强向上争取政策的协调和组织工作",
]
lead_units = ["县发展和改革局"]
leaders = ["ndrc-head"]

[[working_groups]]
code = "investment"
name = "招商引资小组"
duties = [
  "分区域绘制招商地图，分行业绘制产业链图谱",
  "建立动态招商项目库和目标客户资源库",
  "创新产业链招商、小分队招商、以商招商、平台招商、基金招商、飞地招商、大赛招商等模式",
  "以示范区、园区为重点，建立工作专班，实施精心、精准、精细招商",
  "一企一策靶向打造最有力的招商引资政策洼地",
]
lead_units = ["县投资促进中心"]

[[working_groups]]
code = "preparation"
name = "项目前期小组"
duties = [
  "实行项目前期手续“一口进出”闭环管理",
  "聚焦规划、土地、能评、环评、施工许可等要素要件，实行“承诺制+全代办”",
  "明确承诺事项、代办事项、办理时限，明确代办人、审批人",
  "建立问题定期会商机制，解决政策难点和流程堵点，提高项目审批时效",
]
lead_units = ["县发展和改革局", "县行政审批局"]
leaders = ["ndrc-head"]

[[working_groups]]
code = "progress"
name = "项目推进小组"
duties = [
  "督促各乡镇、示范区、各相关部门制定项目推进方案、列出计划进度",
  "挂图作战、跑表计时、到点验收",
  "制定项目“一图三单四制”，强化县乡企联动",
  "周（旬）调度、月通报、现场观摩",
  "对重大项目实行“指挥部+公司”方式，由县长亲自推动",
]
lead_units = ["项目推进中心"]

[[working_groups]]
code = "supervision"
name = "督办监督小组"
duties = [
  "加强督查、纪委监委、项目管理等部门的协作联动，制定工作方案和监督清单",
  "发挥数字指挥服务平台作用，对项目全流程进行问题溯源",
  "运用 13710 系统督办，对存在问题进行挂牌督办",
  "对不担当、不作为、慢作为等行为追责问责",
  "督促整改推进项目建设中发现的各类问题",
]
lead_units = ["县委县政府督查室", "县纪委监委党风政风监督室"]

[[localities]]
code = "chongwen"
name = "崇文镇"
kind = "township"

[[localities]]
code = "liyi"
name = "礼义镇"
kind = "township"

[[localities]]
code = "fucheng"
name = "附城镇"
kind = "township"

[[localities]]
code = "xihedi"
name = "西河底镇"
kind = "township"

[[localities]]
code = "pingcheng"
name = "平城镇"
kind = "township"

[[localities]]
code = "yangcun"
name = "杨村镇"
kind = "township"

[[localities]]
code = "lucheng"
name = "潞城镇"
kind = "township"

[[localities]]
code = "qinjiazhuang"
name = "秦家庄乡"
kind = "township"

[[localities]]
code = "gujiao"
name = "古郊乡"
kind = "township"

[[localities]]
code = "liuquan"
name = "六泉乡"
kind = "township"

[[localities]]
code = "magedang"
name = "马圪当乡"
kind = "township"

[[localities]]
code = "duohuo"
name = "夺火乡"
kind = "township"

[[localities]]
code = "shifanqu"
name = "示范区"
kind = "zone"

# 成员单位 exactly as seed 003's 附件 lists them: 县纪委监委机关 (负责同志), the heads of the
# departments and companies, the township governments and the zone's 管委会 (各乡镇政府主要负责人，
# 示范区管委会主要负责人). "县城投和县文旅投筹备组" is read as the two preparation groups.
[units]
members = [
  "县纪委监委机关", "县教育局（科技局）", "县工信局", "县公安局", "县财政局", "县自然资源局",
  "市生态环境陵川分局", "县住建局", "县交通局", "县水务局", "县农业农村局", "县文旅局",
  "县卫体局", "县市场监管局", "县统计局", "县行政审批局", "县林业局", "县城管执法队",
  "县投资促进中心", "项目推进中心", "陵川公路段", "国网陵川供电公司", "县国投公司",
  "县农投公司", "县城投筹备组", "县文旅投筹备组",
]
local_governments = true
# Named by seed 003 but not as members: the office sits in 县发改局, whose 局长 is a 副总指挥; the
# 督办监督小组 is led by the heads of the 督查室 and the 纪委监委's 党风政风监督室.
others = ["县发展和改革局", "县委县政府督查室", "县纪委监委党风政风监督室"]

# What the county calls its bodies (seed 003): 县项目攻坚指挥部 and its 办公室; "指挥部原则上每季度
# 召开一次会议，指挥部办公室原则上每两月召开一次会议".
[names]
headquarters = "县项目攻坚指挥部"
office = "县项目攻坚指挥部办公室"
plenary = "县项目攻坚指挥部会议"
office_meeting = "县项目攻坚指挥部办公室会议"

# 领导包联 (seed 003 二(六)); the load is the county's choice, after seed 002 三(五) (1-2 项).
[liaison]
max_projects = 2

# Seed 003 has no duty table: every entry is the county's choice.
[duty]
approval = "项目前期小组"              # the county's choice: approvals go "一口进出" through the group (seed 003 一(二)4)
land = "县自然资源局"                  # the county's choice
environment = "市生态环境陵川分局"     # the county's choice
energy = "县发展和改革局"              # the county's choice
funding = "县财政局"                   # the county's choice
demolition = "县自然资源局"            # the county's choice
obstruction = "县公安局"               # the county's choice
utilities = "县住建局"                 # the county's choice (水气暖)
power = "国网陵川供电公司"             # the county's choice (电力)
business-environment = "县投资促进中心"  # the county's choice
other = "项目推进中心"                 # the county's choice

# 蓝黄红"三色管理" exactly as seed 003 writes it.
[rules.cards]
profile = "reminders"
reminders_for_yellow = 2
yellow_months_for_red = 2
threshold = 1.0

[rules.stall]
stages = ["preparation", "construction"]
count_from_year_start = true

# Early warning (预警): next month's cards at each project's pace, the mean of its last three
# months with data (issue 15 §4).
[rules.forecast]
pace_months = 3

# The county counts the 13710 clock in working days, with the official holidays.
[rules.clock]
yellow_within_days = 1
days = "working"
holiday_file = "holidays.toml"

# Who may write what (issue 4): OS accounts and their roles. The accounts are examples;
# `cmdroom init` adds the account that makes the store as office.
[access]
group = "cmdroom"

[[roster]]
account = "lc-office"
role = "office"
name = "吴丽华"

[[roster]]
account = "lc-hq"
role = "hq"
name = "何立新"

[[roster]]
account = "lc-wall"
role = "wall"
name = "刘静怡"

[[roster]]
account = "lc-industry"
role = "clerk"
subcommands = ["industry"]
name = "徐宏伟"

[[roster]]
account = "lc-digital"
role = "clerk"
subcommands = ["digital"]
name = "郭慧敏"

[[roster]]
account = "lc-energy"
role = "clerk"
subcommands = ["energy"]
name = "陈志强"

[[roster]]
account = "lc-tourism"
role = "clerk"
subcommands = ["tourism"]
name = "孙春花"

[[roster]]
account = "lc-rural"
role = "clerk"
subcommands = ["rural"]
name = "马振华"

[[roster]]
account = "lc-services"
role = "clerk"
subcommands = ["services"]
name = "杨凤霞"

[[roster]]
account = "lc-infrastructure"
role = "clerk"
subcommands = ["infrastructure"]
name = "胡俊杰"

[[roster]]
account = "lc-unit-land"
role = "unit"
unit = "县自然资源局"
name = "罗海燕"

[[roster]]
account = "lc-unit-drc"
role = "unit"
unit = "县发展和改革局"
name = "赵国栋"
[sample]
as_of = 2026-10-31
notice = "示例数据：人名均为虚构，投资等数据均为模拟生成。"
"""#

    /// Official holidays and make-up working days for 2025 and 2026 (国务院办公厅放假安排).
    static let lingchuanHolidaysTOML = #"""
# Holidays (days off) and make-up working days (调休上班) for counting the 13710 clock in
# working days. Check each year against the State Council's notice on public holidays.

holidays = [
  2025-01-01,
  2025-01-28, 2025-01-29, 2025-01-30, 2025-01-31, 2025-02-01, 2025-02-02, 2025-02-03, 2025-02-04,
  2025-04-04, 2025-04-05, 2025-04-06,
  2025-05-01, 2025-05-02, 2025-05-03, 2025-05-04, 2025-05-05,
  2025-05-31, 2025-06-01, 2025-06-02,
  2025-10-01, 2025-10-02, 2025-10-03, 2025-10-04, 2025-10-05, 2025-10-06, 2025-10-07, 2025-10-08,
  2026-01-01, 2026-01-02, 2026-01-03,
  2026-02-15, 2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, 2026-02-20, 2026-02-21, 2026-02-22, 2026-02-23,
  2026-04-04, 2026-04-05, 2026-04-06,
  2026-05-01, 2026-05-02, 2026-05-03, 2026-05-04, 2026-05-05,
  2026-06-19, 2026-06-20, 2026-06-21,
  2026-09-25, 2026-09-26, 2026-09-27,
  2026-10-01, 2026-10-02, 2026-10-03, 2026-10-04, 2026-10-05, 2026-10-06, 2026-10-07,
]

workdays = [
  2025-01-26, 2025-02-08, 2025-04-27, 2025-09-28, 2025-10-11,
  2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10,
]
"""#
}
