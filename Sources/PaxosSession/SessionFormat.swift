import PaxosScript

/// The session file: a script of the commands that built the cluster, so `paxlab run` can
/// replay it and a teacher can turn it into a lesson. The first line names the format version.
enum SessionFormat {
  static let version = 1
  static let header = "# paxlab session v\(version): the commands that built this cluster\n"
  static let fileExtension = ".paxos"

  /// What a session file holds, read back.
  struct Contents {
    /// The command lines after the header, each with its line number in the file.
    var lines: [(number: Int, text: String)]
    /// True when the last line has no newline: a write a crash cut short, or a line an editor
    /// left so; replaying it tells which.
    var lastLineUnended: Bool
    /// Where the lines that end with a newline end, to cut a torn last line off.
    var endedByteCount: Int
  }

  enum Problem: Error {
    case notASession
    case newerVersion(Int)
  }

  static func parse(_ bytes: [UInt8]) throws(Problem) -> Contents {
    let lines = ScriptText.lines(of: bytes)
    guard let first = lines.first else { throw .notASession }
    _ = try version(ofHeader: first)
    let ended = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    return Contents(
      lines: lines.enumerated().dropFirst().map { ($0.offset + 1, String($0.element)) },
      lastLineUnended: ended < bytes.count, endedByteCount: ended)
  }

  /// Whether a file starting with `prefix` is a session or a saved script this Paxos Lab can
  /// read: what `save` may replace.
  static func isReadableScript(prefix: [UInt8]) -> Bool {
    guard let first = ScriptText.lines(of: prefix).first else { return false }
    return (try? version(ofHeader: first)) != nil
  }

  private static func version(ofHeader line: Substring) throws(Problem) -> Int {
    guard line.hasPrefix(headerStart) else { throw .notASession }
    guard let version = Int(line.dropFirst(headerStart.count).prefix { $0.isNumber }) else {
      throw .notASession
    }
    guard version <= Self.version else { throw .newerVersion(version) }
    return version
  }

  private static let headerStart = "# paxlab session v"
}

extension SessionFormat {
  /// The commands in effect, with bookmarks where they were set, under the header.
  static func script(of timeline: Timeline) -> String {
    var marks: [Int: [String]] = [:]
    for (name, number) in timeline.bookmarks { marks[number, default: []].append(name) }
    var text = header
    for name in marks[0, default: []].sorted() { text += "bookmark \(name)\n" }
    for (index, entry) in timeline.entries.enumerated() {
      text += entry.text + "\n"
      for name in marks[index + 1, default: []].sorted() { text += "bookmark \(name)\n" }
    }
    return text
  }
}
