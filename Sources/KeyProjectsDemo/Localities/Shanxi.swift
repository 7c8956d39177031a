extension SampleLocality {
    /// Shanxi province (seed 000): eight sub-commands including the single-project command of
    /// the Taiyuan airport phase III, and the eleven cities under the province.
    static let shanxiTOML = #"""
# 山西省重点工程项目总指挥部 — sample locality for cmdroom.
# Organisation after seed 000 (2021) and the projects named in seed 004 (2019).
# People's names are fictional; every figure in the ledgers beside this file is synthetic.

[headquarters]
code = "shanxi"
name = "山西省重点工程项目总指挥部"
level = "province"
region = "山西省"
commander = "governor"
executive_deputies = ["vg-development"]
deputies = ["vg-industry", "vg-culture", "vg-agriculture", "vg-education", "vg-commerce", "vg-infrastructure", "vg-science", "secretary-general"]

[office]
name = "山西省重点工程项目总指挥部办公室"
director = "vg-development"
host_unit = "省发展改革委"

[[leaders]]
id = "governor"
name = "林振邦"
title = "省委副书记、省长"

[[leaders]]
id = "vg-development"
name = "周立诚"
title = "副省长（分管发展改革）"

[[leaders]]
id = "vg-industry"
name = "许文涛"
title = "副省长"

[[leaders]]
id = "vg-culture"
name = "沈若晴"
title = "副省长"

[[leaders]]
id = "vg-agriculture"
name = "彭怀德"
title = "副省长"

[[leaders]]
id = "vg-education"
name = "蔡一鸣"
title = "副省长"

[[leaders]]
id = "vg-commerce"
name = "钟启明"
title = "副省长"

[[leaders]]
id = "vg-infrastructure"
name = "曹远航"
title = "副省长"

[[leaders]]
id = "vg-science"
name = "叶知秋"
title = "副省长"

[[leaders]]
id = "secretary-general"
name = "戴安平"
title = "省政府秘书长"

[[subcommands]]
code = "manufacturing"
name = "制造业项目分指挥部"
sectors = ["制造业"]
commander = "vg-industry"
lead_units = ["省工信厅"]

[[subcommands]]
code = "culture"
name = "文旅体育项目分指挥部"
sectors = ["文旅", "体育"]
commander = "vg-culture"
lead_units = ["省文旅厅", "省体育局"]

[[subcommands]]
code = "ecology"
name = "农林水利和生态环保项目分指挥部"
sectors = ["农业", "林业", "水利", "生态环保"]
commander = "vg-agriculture"
lead_units = ["省生态环境厅", "省水利厅", "省农业农村厅", "省林草局"]

[[subcommands]]
code = "livelihood"
name = "教育卫生民生项目分指挥部"
sectors = ["教育", "卫生", "民生"]
commander = "vg-education"
lead_units = ["省教育厅", "省卫健委"]

[[subcommands]]
code = "investment"
name = "招商引资项目分指挥部"
sectors = ["招商引资"]
commander = "vg-commerce"
lead_units = ["省商务厅"]

[[subcommands]]
code = "infrastructure"
name = "交通、能源、市政和新基建项目分指挥部"
sectors = ["交通", "能源", "市政", "新基建"]
commander = "vg-infrastructure"
lead_units = ["省发展改革委", "省住建厅", "省交通厅"]

[[subcommands]]
code = "innovation"
name = "科技创新项目分指挥部"
sectors = ["科技创新"]
commander = "vg-science"
lead_units = ["省科技厅"]

[[subcommands]]
code = "airport"
name = "太原机场三期改扩建工程建设指挥部"
sectors = ["民航"]
commander = "vg-infrastructure"
lead_units = ["省发展改革委", "山西航产集团"]
single_project = true

[[localities]]
code = "taiyuan"
name = "太原市"
kind = "city"

[[localities]]
code = "datong"
name = "大同市"
kind = "city"

[[localities]]
code = "shuozhou"
name = "朔州市"
kind = "city"

[[localities]]
code = "xinzhou"
name = "忻州市"
kind = "city"

[[localities]]
code = "yangquan"
name = "阳泉市"
kind = "city"

[[localities]]
code = "lvliang"
name = "吕梁市"
kind = "city"

[[localities]]
code = "jinzhong"
name = "晋中市"
kind = "city"

[[localities]]
code = "changzhi"
name = "长治市"
kind = "city"

[[localities]]
code = "jincheng"
name = "晋城市"
kind = "city"

[[localities]]
code = "linfen"
name = "临汾市"
kind = "city"

[[localities]]
code = "yuncheng"
name = "运城市"
kind = "city"

# 成员单位 exactly as seed 000 二 lists them (their heads, 主要负责人), with the governments of
# the cities (各设区市政府主要负责人).
[units]
members = [
  "省发展改革委", "省教育厅", "省科技厅", "省工信厅", "省公安厅", "省财政厅", "省自然资源厅",
  "省生态环境厅", "省住建厅", "省交通厅", "省水利厅", "省农业农村厅", "省商务厅", "省文旅厅",
  "省卫健委", "省国资委", "省国资运营公司", "省市场监管局", "省统计局", "省审批服务管理局",
  "省地方金融监管局", "省能源局", "省文物局", "省乡村振兴局", "省林草局",
  "山西综改示范区管委会", "国网山西省电力公司", "太原铁路局",
]
local_governments = true
# Lead units of sub-commands that are not members (seed 000 四(二), 四(八)).
others = ["省体育局", "山西航产集团"]

# What the province calls its bodies (seed 000 五): 总指挥部全体会议 each quarter, the office's
# 工作例会 every two months.
[names]
headquarters = "总指挥部"
office = "总指挥部办公室"
plenary = "总指挥部全体会议"
office_meeting = "总指挥部办公室工作例会"

# The province's choice, after seed 002 三(五) (每位市级领导包联 1-2 项): seed 000 sets no load.
[liaison]
max_projects = 2

# 省直部门专项协调机制职责分工: issue category → responsible unit. Seed 000 refers to its
# appendix but does not carry it, so every entry here is the province's choice.
[duty]
approval = "省审批服务管理局"          # the province's choice
land = "省自然资源厅"                  # the province's choice
environment = "省生态环境厅"           # the province's choice
energy = "省能源局"                    # the province's choice
funding = "省财政厅"                   # the province's choice
demolition = "省自然资源厅"            # the province's choice
obstruction = "省公安厅"               # the province's choice
utilities = "省住建厅"                 # the province's choice (水气暖, after seed 001's appendix)
power = "国网山西省电力公司"           # the province's choice (电力)
business-environment = "省发展改革委"  # the province's choice
other = "省发展改革委"                 # the province's choice: the office sits in it (seed 000 二)

# The province reads the board by points behind 序时进度, as several cities do:
# yellow from 10 points behind, red above 30.
[rules.cards]
profile = "points"
yellow_from_points = 10
red_above_points = 30
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
account = "sx-office"
role = "office"
name = "赵丽华"

[[roster]]
account = "sx-hq"
role = "hq"
name = "朱立新"

[[roster]]
account = "sx-wall"
role = "wall"
name = "王静怡"

[[roster]]
account = "sx-manufacturing"
role = "clerk"
subcommands = ["manufacturing"]
name = "黄宏伟"

[[roster]]
account = "sx-culture"
role = "clerk"
subcommands = ["culture"]
name = "高慧敏"

[[roster]]
account = "sx-ecology"
role = "clerk"
subcommands = ["ecology"]
name = "李志强"

[[roster]]
account = "sx-livelihood"
role = "clerk"
subcommands = ["livelihood"]
name = "周春花"

[[roster]]
account = "sx-investment"
role = "clerk"
subcommands = ["investment"]
name = "林振华"

[[roster]]
account = "sx-infrastructure"
role = "clerk"
subcommands = ["infrastructure"]
name = "张凤霞"

[[roster]]
account = "sx-innovation"
role = "clerk"
subcommands = ["innovation"]
name = "吴俊杰"

[[roster]]
account = "sx-airport"
role = "clerk"
subcommands = ["airport"]
name = "何海燕"

[[roster]]
account = "sx-unit-land"
role = "unit"
unit = "省自然资源厅"
name = "刘国栋"

[[roster]]
account = "sx-unit-energy"
role = "unit"
unit = "省能源局"
name = "徐秀英"
# The year's targets (seed 004 §二): indicator, target in percent, lead unit.
[[targets]]
indicator = "reserve-conversion"
name = "储备项目转化率"
target = 30
lead = "省发展改革委"

[[targets]]
indicator = "signed-started"
name = "招商引资签约项目当年开工率"
target = 30
lead = "省商务厅"

[[targets]]
indicator = "continuing-resumed"
name = "6月底前续建项目复工率"
target = 100
lead = "各市人民政府"

[[targets]]
indicator = "new-started"
name = "6月底前新建项目开工率"
target = 70
lead = "各市人民政府"

[[targets]]
indicator = "investment-share"
name = "省级重点工程完成投资占固定资产投资比重"
target = 10
lead = "省发展改革委"
base = 64410000

[[targets]]
indicator = "other"
name = "工业技改投资同比增长"
target = 20
lead = "省工业和信息化厅"

[sample]
as_of = 2026-10-31
notice = "示例数据：人名均为虚构，投资等数据均为模拟生成；项目名称取自公开文件。"
"""#
}
