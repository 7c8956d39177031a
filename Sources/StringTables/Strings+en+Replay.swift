extension Strings {
    /// Replaying another day, the sample's mark and the first run (issue 14 §5, §10), English.
    static let enReplayTable: [String: String] = [
        "replay.title": "Replay",
        "replay.future": "Cannot replay {day}: it is after today ({today}); the board can only show what has happened",
        "replay.beyondLedger": "The ledger is reported up to {last}; a board as of {day} counts every later month as unreported, so its cards are not real. Replay anyway?",
        "replay.confirmHint": "Enter replays · Esc cancels",
        "replay.writeNote": "Replaying: this change will be recorded as of {day} (:as-of alone returns to today)",
        "replay.gridHint": "Enter goes on to the grid · Esc cancels",
        "header.replay": "REPLAY · {month} · as of {asOf}",
        "header.replayShort": "REPLAY · as of {asOf}",
        "bar.confirm": "OK",
        "status.sample": "Sample data · as of {asOf}",
    ]
}
