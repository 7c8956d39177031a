import Foundation
import TOMLKit

/// `server.toml` in a store directory: the store is kept on a database server, at the address
/// it names (`url = "postgresql:///cmdroom?host=/run/postgresql&schema=linfen"`), so a
/// terminal is pointed at it as at any store directory (`--store DIR`, `$CMDROOM_STORE`).
public enum ServerFile {
    public static let fileName = "server.toml"

    /// The address the directory's server.toml names; nil when it has none.
    public static func address(in directory: URL) throws(StoreError) -> String? {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw .io(path: url.path, problem: .cannotRead) }
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw .configSyntax(file: url.path, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .configSyntax(file: url.path, line: 0, column: 0, message: "\(error)")
        }
        guard let address = root["url"]?.string, !address.isEmpty else {
            throw .configSyntax(file: url.path, line: 1, column: 1, message: "url = \"postgresql://…\" is missing")
        }
        return address
    }
}
