extension SampleLocality {
    /// Linfen city (seed 001): six sub-commands, its counties, county-level cities, districts and
    /// the development zone.
    static let linfenTOML = #"""
# 临汾市重点工程项目总指挥部 — sample locality for cmdroom.
# Organisation after seed 001 (临政办函〔2024〕13号). People's names are fictional;
# every figure in the ledgers beside this file is synthetic.

[headquarters]
code = "linfen"
name = "临汾市重点工程项目总指挥部"
level = "city"
region = "临汾市"
commander = "mayor"
executive_deputies = ["vm-exec", "vm-office"]
deputies = ["vm-law", "vm-culture", "vm-transport", "vm-ecology", "secretary-general"]

[office]
name = "临汾市重点工程项目总指挥部办公室"
director = "vm-office"
host_unit = "市项目推进中心"

[[leaders]]
id = "mayor"
name = "陈启航"
title = "市委副书记、市长"

[[leaders]]
id = "vm-exec"
name = "宋立川"
title = "市委常委、常务副市长"

[[leaders]]
id = "vm-office"
name = "许慧宁"
title = "副市长"

[[leaders]]
id = "vm-law"
name = "韩正磊"
title = "副市长"

[[leaders]]
id = "vm-culture"
name = "邵云舒"
title = "副市长"

[[leaders]]
id = "vm-transport"
name = "贾晓峰"
title = "副市长"

[[leaders]]
id = "vm-ecology"
name = "顾海川"
title = "副市长"

[[leaders]]
id = "secretary-general"
name = "潘明远"
title = "市政府秘书长、办公室主任"

[[subcommands]]
code = "municipal"
name = "市政、制造业、电力项目分指挥部"
sectors = ["市政", "制造业", "电力"]
commander = "vm-exec"
lead_units = ["市发展改革委", "市工信局", "市住建局", "市城市管理局", "国网临汾供电公司", "市消防救援支队"]

[[subcommands]]
code = "law"
name = "政法项目分指挥部"
sectors = ["政法"]
commander = "vm-law"
lead_units = ["市公安局"]

[[subcommands]]
code = "culture"
name = "文旅和科技项目分指挥部"
sectors = ["文旅", "科技"]
commander = "vm-culture"
lead_units = ["市文化和旅游局", "市科技局"]

[[subcommands]]
code = "transport"
name = "招商引资和交通项目分指挥部"
sectors = ["招商引资", "交通"]
commander = "vm-transport"
lead_units = ["市商务局", "市促进外来投资局", "市交通局", "省公路局临汾分局", "临汾民航机场有限公司"]

[[subcommands]]
code = "ecology"
name = "生态、教育、农业农村、水利项目分指挥部"
sectors = ["生态", "教育", "农业农村", "水利"]
commander = "vm-ecology"
lead_units = ["市生态环境局", "市教育局", "市农业农村局", "市水利局"]

[[subcommands]]
code = "livelihood"
name = "民生项目分指挥部"
sectors = ["民生"]
commander = "vm-office"
lead_units = ["市卫健委", "市民政局"]

[[localities]]
code = "yaodu"
name = "尧都区"
kind = "district"

[[localities]]
code = "houma"
name = "侯马市"
kind = "county-city"

[[localities]]
code = "huozhou"
name = "霍州市"
kind = "county-city"

[[localities]]
code = "quwo"
name = "曲沃县"
kind = "county"

[[localities]]
code = "yicheng"
name = "翼城县"
kind = "county"

[[localities]]
code = "xiangfen"
name = "襄汾县"
kind = "county"

[[localities]]
code = "hongtong"
name = "洪洞县"
kind = "county"

[[localities]]
code = "guxian"
name = "古县"
kind = "county"

[[localities]]
code = "anze"
name = "安泽县"
kind = "county"

[[localities]]
code = "fushan"
name = "浮山县"
kind = "county"

[[localities]]
code = "jixian"
name = "吉县"
kind = "county"

[[localities]]
code = "xiangning"
name = "乡宁县"
kind = "county"

[[localities]]
code = "daning"
name = "大宁县"
kind = "county"

[[localities]]
code = "xixian"
name = "隰县"
kind = "county"

[[localities]]
code = "yonghe"
name = "永和县"
kind = "county"

[[localities]]
code = "puxian"
name = "蒲县"
kind = "county"

[[localities]]
code = "fenxi"
name = "汾西县"
kind = "county"

[[localities]]
code = "kaifaqu"
name = "临汾经济开发区"
kind = "zone"

# 成员单位 exactly as seed 001 一(一) lists them: the heads (主要负责人) of the first 31, the
# deputy heads (分管负责人) of 市公安局 and 市委党校, and the governments of the counties,
# county-level cities, districts and the development zone (各县(市、区)人民政府、临汾经济开发区管委会).
[units]
members = [
  "市发展改革委", "市教育局", "市科技局", "市工信局", "市财政局", "市规划和自然资源局",
  "市生态环境局", "市住建局", "市城市管理局", "市交通局", "市水利局", "市农业农村局",
  "市商务局", "市促进外来投资局", "市文化和旅游局", "市卫健委", "市市场监管局", "市统计局",
  "市行政审批服务管理局", "市能源局", "市应急管理局", "市民政局", "市体育局", "市数据局",
  "市消防救援支队", "市项目推进中心", "省公路局临汾分局", "国网临汾供电公司",
  "市投资集团有限公司", "临汾民航机场有限公司", "临汾职业技术学院", "市公安局", "市委党校",
]
deputy_heads = ["市公安局", "市委党校"]
local_governments = true

# What the city calls its bodies (seed 001): the 总指挥部 and its 办公室; the 总指挥's quarterly
# 全体会议; the 常务副总指挥's 调度会议 every two months (二(二)).
[names]
headquarters = "总指挥部"
office = "总指挥部办公室"
plenary = "总指挥部全体会议"
office_meeting = "总指挥部调度会议"

# 包联 (seed 001 二(一); the load after seed 002 三(五): 每位市级领导包联 1-2 项市级重点项目).
# The city's choice: seed 001 sets no number of its own.
[liaison]
max_projects = 2

# 市直部门联动机制职责分工 (seed 001 appendix): issue category → responsible unit. Entries
# marked "the city's choice" are categories the appendix does not name.
[duty]
approval = "市行政审批服务管理局"      # 立项、能评、水保、环评等审批事项
land = "市规划和自然资源局"            # 供地手续、占用林地
environment = "市生态环境局"           # 主要污染物排放总量指标
energy = "市能源局"                    # 用能指标
funding = "市财政局"                   # 筹融资、市级财政出资
demolition = "市规划和自然资源局"      # the city's choice: the appendix names no unit for 征地拆迁
obstruction = "市公安局"               # the city's choice: the appendix names no unit for 阻工扰工
utilities = "市城市管理局"             # 水气暖配套设施等市政配套项目
power = "国网临汾供电公司"             # the city's choice: the appendix names no unit for power; the grid company leads the 电力 sub-command's daily work (一(三)1)
business-environment = "市促进外来投资局"  # the city's choice: the appendix names no unit for 营商环境
other = "市发展改革委"                 # 重点工程项目的组织协调推进

# Three-colour cards as seed 003 has them: two reminders → yellow, two yellow months → red.
[rules.cards]
profile = "reminders"
reminders_for_yellow = 2
yellow_months_for_red = 2
threshold = 1.0

[rules.stall]
stages = ["preparation", "construction"]
count_from_year_start = true

[rules.clock]
yellow_within_days = 1
days = "calendar"

# Who may write what (issue 4): OS accounts and their roles. The accounts are examples;
# `cmdroom init` adds the account that makes the store as office.
[access]
group = "cmdroom"

[[roster]]
account = "lf-office"
role = "office"
name = "赵丽华"

[[roster]]
account = "lf-hq"
role = "hq"
name = "朱立新"

[[roster]]
account = "lf-wall"
role = "wall"
name = "王静怡"

[[roster]]
account = "lf-municipal"
role = "clerk"
subcommands = ["municipal"]
name = "黄宏伟"

[[roster]]
account = "lf-law"
role = "clerk"
subcommands = ["law"]
name = "高慧敏"

[[roster]]
account = "lf-culture"
role = "clerk"
subcommands = ["culture"]
name = "李志强"

[[roster]]
account = "lf-transport"
role = "clerk"
subcommands = ["transport"]
name = "周春花"

[[roster]]
account = "lf-ecology"
role = "clerk"
subcommands = ["ecology"]
name = "林振华"

[[roster]]
account = "lf-livelihood"
role = "clerk"
subcommands = ["livelihood"]
name = "张凤霞"

[[roster]]
account = "lf-unit-land"
role = "unit"
unit = "市规划和自然资源局"
name = "吴俊杰"

[[roster]]
account = "lf-unit-energy"
role = "unit"
unit = "市能源局"
name = "何海燕"
[sample]
as_of = 2026-10-31
notice = "示例数据：人名均为虚构，投资等数据均为模拟生成。"
"""#
}
