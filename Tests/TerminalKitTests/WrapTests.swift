import Testing
@testable import TextLayout

/// The line breaker (`DisplayWidth.wrap`, `LineBreak`): exact lines for Chinese, English,
/// mixed text, numbers with measure words, punctuation at the boundary and tiny widths.
@Suite struct WrapTests {
    func wrap(_ text: String, _ columns: Int, indent: Int = 0) -> [String] { DisplayWidth.wrap(text, columns: columns, indent: indent) }

    @Test func wrapsAtSpacesAndIndentsWhatFollows() {
        #expect(DisplayWidth.wrap("命令：:as-of 2025-06-30  :month 2025-06  :q", columns: 24)
                == ["命令：:as-of 2025-06-30", "  :month 2025-06  :q"])
        #expect(DisplayWidth.wrap("short", columns: 24) == ["short"])
    }

    @Test func chineseBreaksBetweenAnyTwoCharactersNeverInsideOne() {
        let lines = wrap("集体土地征收补偿款未兑付导致阻工", 9)
        #expect(lines == ["集体土地", "征收补偿", "款未兑付", "导致阻工"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 9 })
    }

    @Test func englishBreaksAtSpaces() {
        #expect(wrap("The board is drawn from the ledgers every minute.", 20)
                == ["The board is drawn", "from the ledgers", "every minute."])
        #expect(wrap("The board is drawn from the ledgers every minute.", 20, indent: 2)
                == ["The board is drawn", "  from the ledgers", "  every minute."])
        // A word is never cut while a line can hold it.
        #expect(wrap("sub-commands and localities", 14) == ["sub-commands", "and localities"])
    }

    @Test func aUnitNoLineCanHoldStartsWhereItIs() {
        // A long path is cut anyway: it follows the words before it rather than leaving their
        // line short; a short remainder still moves it down.
        let path = "/tmp/cmdroom-e2e-B228D019/work/cmdroom-board-2026-10-31.csv"
        let lines = wrap("已导出 5 行到 " + path, 30)
        #expect(lines[0].hasPrefix("已导出 5 行到 /tmp/") && lines.allSatisfy { DisplayWidth.of($0) <= 30 }, "\(lines)")
        #expect(lines.joined() == "已导出 5 行到 " + path)
        #expect(wrap("一二三四五六七八九十一二 " + path, 30)[1].hasPrefix("/tmp/"))
    }

    @Test func anOptionStaysWithTheWordBeforeIt() {
        #expect(wrap("请由可写账号运行 cmdroom check --repair", 24) == ["请由可写账号运行 cmdroom", "check --repair"])
    }

    @Test func aNumberStaysWithItsMeasureWord() {
        // The bulletin's sentence that used to end a line with `新亮红牌 3` and start the next with `个。`.
        let text = "三色牌变化：由黄红牌转为蓝牌 2 个，新亮黄牌 1 个，新亮红牌 3 个。"
        #expect(wrap(text, 32) == ["三色牌变化：由黄红牌转为蓝牌", "2 个，新亮黄牌 1 个，新亮红牌", "3 个。"])
        #expect(wrap("年度累计完成投资 604618.3 万元，按序时应完成 657418.1 万元", 24)
                == ["年度累计完成投资", "604618.3 万元，按序时应", "完成 657418.1 万元"])
        // Without spaces, with a thousands separator, a decimal point and a percent sign.
        #expect(wrap("完成12.5%，共1,200项", 10) == ["完成", "12.5%，共", "1,200项"])
        #expect(wrap("历时 3 个月", 8) == ["历时", "3 个月"])
        // A code ending in digits is not a number: its measure-word-like neighbour may go.
        #expect(wrap("问题 Q2026-0040 项目", 16) == ["问题 Q2026-0040", "项目"])
    }

    @Test func mixedChineseAndLatin() {
        #expect(wrap("共 48 个项目，其中 Q2026-0040 逾期 3 天", 16) == ["共 48 个项目，其", "中 Q2026-0040 逾", "期 3 天"])
        #expect(wrap("数据来自 ledger.csv 文件", 12) == ["数据来自", "ledger.csv", "文件"])
    }

    @Test func closingPunctuationNeverStartsALine() {
        // `。` would start the second line: `利` comes down with it.
        #expect(wrap("项目进展顺利。下月开工", 12) == ["项目进展顺", "利。下月开工"])
        #expect(wrap("黄牌（进度滞后）、红牌", 12) == ["黄牌（进度滞", "后）、红牌"])
        #expect(wrap("见附件……共三项", 7) == ["见附", "件……共", "三项"])
        #expect(wrap("完成序时进度92％", 14) == ["完成序时进度", "92％"])
        // Across a space too: a line never starts with `·`.
        #expect(wrap("红牌 · 古县养老服务中心", 10) == ["红牌 · 古", "县养老服务", "中心"])
        // ASCII punctuation after a space may start a line (a command's `:month`).
        #expect(wrap("a b :c", 4) == ["a b", ":c"])
    }

    @Test func theLastLineIsNotLeftWithOneChineseCharacter() {
        let text = "由分指挥长约谈主管部门和项目单位主要负责人"
        #expect(wrap(text, 20) == ["由分指挥长约谈主管部", "门和项目单位主要负", "责人"])
        #expect(wrap(text + "。", 20) == ["由分指挥长约谈主管部", "门和项目单位主要负", "责人。"])
        // A word after a space is not an orphan to fix; nor is a line that cannot give one.
        #expect(wrap("甲乙丙丁戊己庚辛壬 癸", 18) == ["甲乙丙丁戊己庚辛壬", "癸"])
        #expect(wrap("请见《通知》", 6) == ["请见", "《通", "知》"])
    }

    @Test func openingPunctuationNeverEndsALine() {
        #expect(wrap("请见《通知》", 6) == ["请见", "《通", "知》"])
        #expect(wrap("详见“三色牌”规则", 10) == ["详见“三色", "牌”规则"])
        #expect(wrap("see (the ledger) now", 8) == ["see (the", "ledger)", "now"])
    }

    @Test func narrowWidths() {
        // A CJK character is wider than one column: alone on its line, the one way past the limit.
        #expect(wrap("古县", 1) == ["古", "县"])
        #expect(wrap("ab cd", 1) == ["a", "b", "c", "d"])
        // When nothing else fits, the rules give way (a unit wider than the line is cut).
        #expect(wrap("古县。", 2) == ["古", "县", "。"])
        #expect(wrap("abcde", 2) == ["ab", "cd", "e"])
        // An indent that would take more than half the width is left out.
        #expect(wrap("进展顺利。", 3, indent: 2) == ["进", "展", "顺", "利", "。"])
        #expect(wrap("a b c d", 3, indent: 2) == ["a b", "c d"])
        #expect(wrap("a b c d", 4, indent: 2) == ["a b", "  c", "  d"])
    }

    @Test func aNoBreakSpaceKeepsACommandWithItsArgument() {
        #expect(wrap(":theme\u{00A0}wall  :lang\u{00A0}en  :q", 18) == [":theme wall", ":lang en  :q"])
        #expect(wrap(":lang\u{00A0}en", 20) == [":lang en"])
    }

    @Test func emptyTextLineBreaksAndLeadingSpaces() {
        #expect(wrap("", 10) == [""])
        #expect(wrap("", 0) == [""])
        #expect(wrap("第一行\n第二行", 20, indent: 2) == ["第一行", "  第二行"])
        #expect(wrap("a\n\nb", 20) == ["a", "", "b"])
        // The paragraph's own indentation stays on its first line.
        #expect(wrap("   abc def", 6) == ["   abc", "def"])
    }

    @Test func aUnitWiderThanALineIsCutOnALineOfItsOwn() {
        #expect(wrap("说明 https://example.com/a/very/long/path 完", 12)
                == ["说明", "https://exam", "ple.com/a/ve", "ry/long/path", "完"])
    }

    @Test func ambiguousWidthCharactersCountAsTheWidthFunctionSays() {
        // `●` and `“”` are ambiguous: one column, as wcwidth and the screen count them.
        #expect(DisplayWidth.of("●") == 1)
        let lines = wrap("● 绿 剩 2 天 ● 红 逾期 3 天", 12)
        #expect(lines == ["● 绿 剩 2 天", "● 红 逾期", "3 天"])
    }
}
