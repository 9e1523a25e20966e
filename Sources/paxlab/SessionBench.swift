import Glibc
import PaxosScript
import PaxosSession

/// The REPL's figures: how long a long session takes to open, and what one more command costs.
enum SessionBench {
  struct Figures {
    var commands: Int
    var openSeconds: Double
    /// Median time to carry out and durably save a command, in a short and a long session.
    var commandSecondsEarly: Double
    var commandSecondsLate: Double
  }

  /// A student's session: rounds of proposals, runs, crashes, bookmarks and an undo now and
  /// then. Every line is accepted, so the file holds `count` commands.
  static func studentLine(_ index: Int) -> String {
    guard index > 0 else { return "cluster 3 2 1" }
    let round = index / 10
    switch index % 10 {
    case 1: return "propose p1 v\(round)"
    case 2: return "run steps=5 seed=\(round)"
    case 3: return "crash a3"
    case 4: return "run steps=5"
    case 5: return "recover a3"
    case 6: return "propose p2 w\(round)"
    case 7: return "run steps=20"
    case 8: return "bookmark b\(round)"
    default: return round % 5 == 0 ? "undo 2" : "run steps=3"
    }
  }

  static func measure(commands: Int) throws -> Figures {
    let folder = try temporaryFolder()
    defer { removeFolder(folder) }
    let clock = ContinuousClock()
    // A short session, typed: the cost of a command near its start.
    let short = try Session(opening: SessionPlace(folder: folder, name: "short"))
    let early = (0..<20).map { index in clock.measure { _ = short.execute(studentLine(index)) } }
    // A long one, written as a file, opened, then typed into.
    let long = SessionPlace(folder: folder, name: "long")
    let script =
      "# paxlab session v1: benchmark\n"
      + (0..<commands).map { studentLine($0) + "\n" }.joined()
    try FileSystem.replace(long.file, with: Array(script.utf8))
    var session: Session?
    let open = clock.measure { session = try? Session(opening: long) }
    guard let session else { throw FileSystem.Failure(path: long.file, action: "open", code: 0) }
    let late = (commands..<commands + 20).map { index in
      clock.measure { _ = session.execute(studentLine(index)) }
    }
    return Figures(
      commands: commands, openSeconds: open.seconds,
      commandSecondsEarly: median(early.dropFirst(10)),
      commandSecondsLate: median(late.dropFirst(10)))
  }

  private static func median(_ durations: some Collection<Duration>) -> Double {
    let sorted = durations.map(\.seconds).sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
  }

  private static func temporaryFolder() throws -> String {
    var template = Array("/tmp/paxlab-bench-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw FileSystem.Failure(path: "/tmp", action: "create a folder in", code: errno)
    }
    return String(cString: made)
  }

  private static func removeFolder(_ folder: String) {
    for name in FileSystem.names(in: folder, endingWith: "") where name != "." && name != ".." {
      unlink(folder + "/" + name)
    }
    rmdir(folder)
  }
}
