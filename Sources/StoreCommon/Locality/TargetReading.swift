import KeyProjects
import TOMLKit

/// Reads the year's targets of locality.toml:
///
///     [[targets]]
///     indicator = "reserve-conversion"   # reserve-conversion | signed-started | continuing-resumed |
///                                        # new-started | investment-share | other
///     name = "储备项目转化率"
///     target = 30                        # percent
///     lead = "省发展改革委"
///     base = 64410000                    # investment-share: the fixed-asset investment, 万元
///     actual = 12.5                      # other: the actual percentage, as reported
package enum TargetReading {
    package static func read(_ root: TOMLTable, _ r: TOMLReader) -> [AnnualTarget] {
        guard root["targets"] != nil else { return [] }
        return r.tables(root, "targets", at: "").compactMap { path, t -> AnnualTarget? in
            r.rejectUnknownKeys(t, known: ["indicator", "name", "target", "lead", "base", "actual"], at: path)
            let indicator = r.choice(t, "indicator", at: path, AnnualTarget.Indicator.self)
            let target = r.double(t, "target", at: path, default: 0, range: 0...1000)
            var base: Money? = nil
            if t["base"] != nil {
                let wan = r.double(t, "base", at: path, default: 0, range: 0...1e12)
                base = Money(yuan: Int64((wan * 10_000).rounded()))
            } else if indicator == .investmentShare {
                r.report("\(path).base", "investment-share needs the fixed-asset investment it is a share of (万元)", key: "config.shareNeedsBase")
            }
            let reported: Double? = t["actual"] != nil ? r.double(t, "actual", at: path, default: 0, range: 0...1000) : nil
            guard let indicator else { return nil }
            return AnnualTarget(indicator: indicator, name: r.string(t, "name", at: path), target: target,
                                lead: r.string(t, "lead", at: path, required: false), base: base, reported: reported)
        }
    }
}
