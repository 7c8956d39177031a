import Foundation
import GRDB

/// A session that can run several queries back to back and hand their rows to the reader as
/// the cells' bytes, without making a cell value of each: PostgreSQL's board load. (Reading
/// 20,000 projects, 37,000 years of figures, 16,000 reminders, 20,000 milestone rows and the
/// issue counts as `SQLRow`s, each row taken off postgres-nio's async sequence one at a time,
/// was most of that load.)
public protocol RowBytesReading: AnyObject {
    /// Sends `queries` at once (each starts on the server as soon as the one before it ends) and
    /// hands every row to `body`, on the caller's thread, with its query's position in
    /// `queries`, in order: all rows of query 0, then of query 1, and so on. Rows are handed
    /// over while later ones are still arriving. The cells' bytes are valid only during the
    /// call. A row has at most `RowBytes.maximumCells` cells.
    func forEachRowBytes(_ queries: [(sql: String, arguments: [DatabaseValue])], _ body: (_ query: Int, _ row: RowBytes) throws -> Void) throws
}

/// One row's cells as bytes in the server's binary form (text as its UTF-8 bytes, integers
/// big-endian, bytea as it is), nil for NULL.
public struct RowBytes {
    public static let maximumCells = 3
    public let count: Int
    private let c0, c1, c2: UnsafeRawBufferPointer?

    public init(count: Int, _ c0: UnsafeRawBufferPointer?, _ c1: UnsafeRawBufferPointer?, _ c2: UnsafeRawBufferPointer?) {
        self.count = count; self.c0 = c0; self.c1 = c1; self.c2 = c2
    }

    public subscript(_ i: Int) -> UnsafeRawBufferPointer? {
        switch i {
        case 0: c0
        case 1: c1
        case 2: c2
        default: nil
        }
    }

    /// A cell as a big-endian integer of 2, 4 or 8 bytes; nil for NULL or another length.
    public func integer(_ i: Int) -> Int64? {
        guard let cell = self[i] else { return nil }
        switch cell.count {
        case 8: return Int64(bigEndian: cell.loadUnaligned(as: Int64.self))
        case 4: return Int64(Int32(bigEndian: cell.loadUnaligned(as: Int32.self)))
        case 2: return Int64(Int16(bigEndian: cell.loadUnaligned(as: Int16.self)))
        default: return nil
        }
    }
}
