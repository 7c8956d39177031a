import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text encodings a ledger file may have: Chinese Excel writes GB18030 ("CSV") or UTF-8
/// with a BOM ("CSV UTF-8"); "Unicode text" is UTF-16 with a BOM.
public enum LedgerEncoding: String, Sendable, CaseIterable {
    case utf8, utf8BOM = "utf8-bom", gb18030, utf16
}

package enum TextDecoding {
    /// Decodes a ledger file's bytes, detecting the encoding; nil text with a reason otherwise.
    /// A NUL character is refused whatever the encoding: SQLite would cut the cell's text at
    /// it and PostgreSQL refuses it, so no store may be given one.
    package static func decode(_ data: Data) -> (text: String?, encoding: LedgerEncoding?, problem: LedgerProblem.Reason?) {
        let decoded = decodeBytes(data)
        if let text = decoded.text, let nul = text.unicodeScalars.firstIndex(of: "\u{0}") {
            let line = text.unicodeScalars[..<nul].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
            return (nil, nil, .notText(detail: "a NUL character on line \(line): binary data, or a file saved wrongly"))
        }
        return decoded
    }

    private static func decodeBytes(_ data: Data) -> (text: String?, encoding: LedgerEncoding?, problem: LedgerProblem.Reason?) {
        if data.isEmpty { return (nil, nil, .emptyFile) }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                return (nil, nil, .notText(detail: "it starts with a UTF-8 byte-order mark but is not valid UTF-8"))
            }
            return (text, .utf8BOM, nil)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                return (nil, nil, .notText(detail: "it starts with a UTF-16 byte-order mark but is not valid UTF-16"))
            }
            return (text, .utf16, nil)
        }
        if let nul = bytes.firstIndex(of: 0) {
            return (nil, nil, .notText(detail: "a NUL byte at offset \(nul): binary data, or UTF-16 without a byte-order mark"))
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8, nil) }
        if let text = Iconv.convert(bytes, from: "GB18030", to: "UTF-8").flatMap({ String(validating: $0, as: UTF8.self) }) {
            return (text, .gb18030, nil)
        }
        return (nil, nil, .notText(detail: "neither UTF-8 nor GB18030"))
    }

    /// Encodes text for an export file.
    package static func encode(_ text: String, as encoding: LedgerEncoding) -> Data? {
        switch encoding {
        case .utf8: return Data(text.utf8)
        case .utf8BOM: return Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        case .gb18030: return Iconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030").map { Data($0) }
        case .utf16: return text.data(using: .utf16LittleEndian).map { Data([0xFF, 0xFE]) + $0 }
        }
    }
}

/// glibc's iconv, strict: any byte that does not convert fails the whole conversion.
package enum Iconv {
    package static func convert(_ input: [UInt8], from: String, to: String) -> [UInt8]? {
        let cd = iconv_open(to, from)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var source = input
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var inLeft = source.count, outLeft = output.count
        let result = source.withUnsafeMutableBytes { inBuf in
            output.withUnsafeMutableBytes { outBuf in
                var inPtr = inBuf.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPtr = outBuf.baseAddress?.assumingMemoryBound(to: CChar.self)
                return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            }
        }
        guard result != -1, inLeft == 0 else { return nil }
        output.removeLast(outLeft)
        return output
    }
}
