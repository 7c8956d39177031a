extension Strings {
    /// The `/` filter's notes: unknown keys and values, did-you-mean, Tab's candidates (issue 14), English.
    static let enFiltersTable: [String: String] = [
        "filter.unknownKey": "(no filter key {key}{mean}, left out; known: {known})",
        "filter.unknownValue": "({key} has no “{value}”{mean}, left out; accepted: {accepted})",
        "filter.didYouMean": " — did you mean {word}?",
        "filter.accepted.stall": "a number, as 2, or 2+ (2 or more)",
        "filter.candidates": "candidates: {list}",
        "bar.complete": "complete",
        "bar.filterHistory": "earlier",
    ]
}
