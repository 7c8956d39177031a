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

[[subcommands]]
code = "industry"
name = "工业领域项目攻坚指挥部"
sectors = ["工业"]
commander = "vc-industry"
lead_units = ["县工信局"]

[[subcommands]]
code = "digital"
name = "数字经济领域项目攻坚指挥部"
sectors = ["数字经济"]
commander = "vc-industry"
lead_units = ["县工信局"]

[[subcommands]]
code = "energy"
name = "能源领域项目攻坚指挥部"
sectors = ["能源"]
commander = "vc-energy"
lead_units = ["县发展和改革局"]

[[subcommands]]
code = "tourism"
name = "文旅康养领域项目攻坚指挥部"
sectors = ["文旅", "康养"]
commander = "vc-tourism"
lead_units = ["县文旅局"]

[[subcommands]]
code = "rural"
name = "乡村振兴领域项目攻坚指挥部"
sectors = ["乡村振兴"]
commander = "vc-rural"
lead_units = ["县农业农村局"]

[[subcommands]]
code = "services"
name = "现代服务业领域项目攻坚指挥部"
sectors = ["现代服务业"]
commander = "vc-energy"
lead_units = ["县投资促进中心"]

[[subcommands]]
code = "infrastructure"
name = "基础设施领域项目攻坚指挥部"
sectors = ["基础设施"]
commander = "vc-energy"
lead_units = ["县住建局", "县交通局", "县水务局"]

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

[units]
members = [
  "县发展和改革局", "县教育局", "县工信局", "县公安局", "县财政局", "县自然资源局",
  "市生态环境局陵川分局", "县住建局", "县交通局", "县水务局", "县农业农村局", "县文旅局",
  "县卫体局", "县市场监管局", "县统计局", "县行政审批局", "县林业局", "县城管执法队",
  "县投资促进中心", "县项目推进中心", "陵川公路段", "国网陵川供电公司", "县国投公司",
  "县农投公司", "示范区管委会",
]

[duty]
approval = "县行政审批局"
land = "县自然资源局"
environment = "市生态环境局陵川分局"
energy = "县发展和改革局"
funding = "县财政局"
demolition = "县自然资源局"
obstruction = "县公安局"
utilities = "国网陵川供电公司"
business-environment = "县投资促进中心"
other = "县项目推进中心"

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
