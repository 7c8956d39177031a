/// Public project names from seed 004, placed with the province's sub-commands. Their figures
/// in the sample are synthetic.
enum ShanxiNamedProjects {
    static let all: [(subcommand: String, name: String)] = [
        ("airport", "太原武宿国际机场三期改扩建工程（航站区）"),
        ("airport", "太原武宿国际机场三期改扩建工程（飞行区）"),
        ("airport", "太原武宿国际机场三期改扩建工程（综合交通枢纽）"),
        ("infrastructure", "大同至张家口高速铁路"),
        ("infrastructure", "太原至焦作铁路"),
        ("infrastructure", "雄安至忻州高速铁路"),
        ("infrastructure", "集宁经大同至原平高速铁路"),
        ("infrastructure", "太原西北二环高速公路"),
        ("infrastructure", "黎城至霍州高速公路"),
        ("infrastructure", "离石至隰县高速公路"),
        ("infrastructure", "朔州至神池高速公路"),
        ("infrastructure", "临猗黄河大桥及引线工程"),
        ("infrastructure", "蒙西—晋中特高压交流工程"),
        ("infrastructure", "大同新荣500千伏输变电工程"),
        ("infrastructure", "太原北500千伏输变电工程"),
        ("infrastructure", "浑源抽水蓄能电站"),
        ("infrastructure", "垣曲抽水蓄能电站"),
        ("infrastructure", "朔州机场"),
        ("infrastructure", "晋城机场"),
        ("ecology", "古贤水利枢纽工程"),
        ("ecology", "中部引黄工程"),
        ("ecology", "小浪底引黄工程"),
        ("ecology", "东山供水工程"),
        ("innovation", "综改示范区国际互联网数据专用通道"),
    ]
}
