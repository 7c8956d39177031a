import CTerminal

/// Substring search on UTF-8 bytes (glibc's memmem): a filter typed over 20,000 rows must stay
/// within a frame, which String searching did not.
public enum ByteSearch {
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in cterminal_contains(h.baseAddress, h.count, n.baseAddress, n.count) == 1 }
        }
    }
}
