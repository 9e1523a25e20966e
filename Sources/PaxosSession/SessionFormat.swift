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
    /// True when the last line had no newline: a write the crash cut short.
    var tornLastLine: Bool
    /// Where the intact part ends, to cut a torn line off.
    var intactByteCount: Int
  }

  enum Problem: Error {
    case notASession
    case newerVersion(Int)
  }

  static func parse(_ bytes: [UInt8]) throws(Problem) -> Contents {
    let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n"))
    let intact = lastNewline.map { $0 + 1 } ?? 0
    let lines = ScriptText.lines(of: Array(bytes[..<intact]))
    guard let first = lines.first, first.hasPrefix("# paxlab session v") else {
      throw .notASession
    }
    let digits = first.dropFirst("# paxlab session v".count).prefix { $0.isNumber }
    guard let version = Int(digits) else { throw .notASession }
    guard version <= Self.version else { throw .newerVersion(version) }
    return Contents(
      lines: lines.enumerated().dropFirst().map { ($0.offset + 1, String($0.element)) },
      tornLastLine: intact < bytes.count, intactByteCount: intact)
  }
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
