import Foundation
import Testing

/// A student takes lesson 1 at a terminal: answers a question wrongly, experiments at a pause,
/// goes on, and ends in the REPL on the lesson's cluster.
@Suite(
  .enabled(
    if: REPLTerminal.isAvailable,
    "tmux is not installed: the lesson's terminal test is skipped (CI installs it)"))
struct LessonTerminalTests {
  static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")

  @Test func aLessonEndsInTheREPLOnItsCluster() throws {
    let scratch = try Scratch()
    let terminal = try REPLTerminal(
      in: scratch.url, arguments: ["lesson", "1", "--lessons", Self.lessons.path],
      waitsForPrompt: false)
    defer { terminal.close() }
    var answeredWrongly = false
    var experimented = false
    var steps = 0
    while !(terminal.screen().last.map(REPLTerminal.isPrompt) ?? false) {
      steps += 1
      guard steps < 80 else {
        let screen = terminal.screen().joined(separator: "\n")
        Issue.record(Comment(rawValue: "the lesson did not end; the screen:\n" + screen))
        return
      }
      let last = terminal.lastLine
      if last.hasPrefix("your answer>"), !answeredWrongly {
        try terminal.type("maybe")
        answeredWrongly = true
      } else if last.hasPrefix("[Enter: go on"), !experimented {
        try terminal.type("status")
        experimented = true
      }
      try terminal.press("Enter")
      Thread.sleep(forTimeInterval: 0.15)
    }
    let screen = terminal.screen().joined(separator: "\n")
    #expect(screen.contains("End of the lesson: First consensus."))
    #expect(terminal.lastLine.hasPrefix("paxlab:lesson-1 [3a 1p 1l"), "\(terminal.lastLine)")
    #expect(terminal.lastLine.contains("chosen: red"))
    #expect(answeredWrongly && experimented)
    try terminal.enter("expect chosen red")
    try terminal.waitFor("the check") { $0.contains("ok: chosen red") }
    try terminal.press("C-d")
    #expect(try terminal.waitForExit() == 0)
  }
}
