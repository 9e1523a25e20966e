import Foundation
import Testing

/// A student takes lesson 1 at a terminal, from the shell or from the REPL: answers questions,
/// experiments at pauses with line editing, goes on, and ends in the REPL on the lesson's
/// cluster.
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
    // The answers, in order, from the lesson itself: the first question is answered wrongly,
    // the others rightly.
    let text = try String(
      contentsOf: Self.lessons.appendingPathComponent("lesson-01-first-consensus.paxos"),
      encoding: .utf8)
    var answers = text.split(separator: "\n").filter { $0.hasPrefix("ask ") }.compactMap {
      $0.split(separator: " answer ").last?.split(separator: " ").first.map(String.init)
    }[...]
    try #require(answers.count >= 2)
    var answeredWrongly = false
    var answeredRightly = false
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
      if last.hasPrefix("your answer>"), let answer = answers.popFirst() {
        try terminal.type(answeredWrongly ? answer : "maybe")
        answeredRightly = answeredWrongly
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
    #expect(answeredWrongly && answeredRightly && experimented)
    #expect(screen.contains("You said \"maybe\"; the answer is no."))
    #expect(screen.contains("You said \"no\": right, no."))
    try terminal.enter("expect chosen red")
    try terminal.waitFor("the check") { $0.contains("ok: chosen red") }
    try terminal.press("C-d")
    #expect(try terminal.waitForExit() == 0)
  }

  static let pausePrompt = LessonPrompts.pause.dropLast()

  @Test func lessonTypedInTheREPLEndsOnTheLessonsSession() throws {
    let scratch = try Scratch()
    try FileManager.default.createSymbolicLink(
      at: scratch.url.appendingPathComponent("lessons"), withDestinationURL: Self.lessons)
    let terminal = try REPLTerminal(in: scratch.url, arguments: ["--session", "mine"])
    defer { terminal.close() }
    try terminal.enter("cluster 5")
    // Tab knows the lessons of ./lessons by name.
    try terminal.type("lesson fir")
    try terminal.press("Tab")
    try terminal.waitForLastLine("paxlab:mine [5a 1p 1l | 0 in flight]> lesson first-consensus")
    try terminal.press("C-u")
    try terminal.type("lesson 1")
    try terminal.press("Enter")
    try terminal.waitFor("the first pause") { $0.last == String(Self.pausePrompt) }
    var answered = false
    var steps = 0
    while !terminal.lastLine.hasPrefix("paxlab:lesson-1 [") {
      steps += 1
      guard steps < 80 else {
        let screen = terminal.screen().joined(separator: "\n")
        Issue.record(Comment(rawValue: "the lesson did not end; the screen:\n" + screen))
        return
      }
      if terminal.lastLine.hasPrefix("your answer>"), !answered {
        try terminal.type("no")
        answered = true
      }
      try terminal.press("Enter")
      Thread.sleep(forTimeInterval: 0.15)
    }
    let screen = terminal.screen()
    #expect(screen.contains("You said \"no\": right, no."))
    #expect(screen.contains("The REPL is now on the lesson's cluster: session 'lesson-1'."))
    #expect(
      screen.contains(
        "Session 'mine' is kept as it was; 'open mine' goes back to it."
      ))
    #expect(terminal.lastLine.contains("chosen: red"), "\(terminal.lastLine)")
    try terminal.enter("expect inflight 0")
    #expect(terminal.screen().contains("ok: in flight 0"))
    // Back to the session the student was on: its name completes from the saved sessions.
    try terminal.type("open mi")
    try terminal.press("Tab")
    try terminal.waitForLastLine(terminal.lastLine.prefix { $0 != ">" } + "> open mine")
    try terminal.press("Enter")
    try terminal.waitFor("the session 'mine'") { lines in
      lines.last?.hasPrefix("paxlab:mine [5a 1p 1l") == true
    }
    try terminal.press("C-d")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test func aPausePromptEditsCompletesAndRecallsLines() throws {
    let scratch = try Scratch()
    let terminal = try REPLTerminal(
      in: scratch.url, arguments: ["lesson", "1", "--lessons", Self.lessons.path],
      waitsForPrompt: false)
    defer { terminal.close() }
    let prompt = String(Self.pausePrompt)
    try terminal.waitFor("the first pause") { $0.last == prompt }
    // Typed without its first letter, which Ctrl-A then puts at the start of the line.
    try terminal.type("eliver p1->a3")
    try terminal.press("C-a")
    try terminal.type("d")
    try terminal.press("C-e")
    try terminal.waitForLastLine(prompt + " deliver p1->a3")
    try terminal.press("Enter")
    try terminal.waitFor("the edited command to run") { lines in
      lines.contains("deliver #3 p1 -> a3 prepare 1.p1") && lines.last == prompt
    }
    // Up recalls it; Ctrl-U clears it.
    try terminal.press("Up")
    try terminal.waitForLastLine(prompt + " deliver p1->a3")
    try terminal.press("C-u")
    // Tab completes on the lesson's cluster: the command, then its only proposer.
    try terminal.type("cra")
    try terminal.press("Tab")
    try terminal.type("p")
    try terminal.press("Tab")
    try terminal.waitForLastLine(prompt + " crash p1")  // and a blank after it
    try terminal.press("Home")
    try terminal.type("ls")
    try terminal.waitForLastLine(prompt + " lscrash p1")
    // Ctrl-C drops the half-typed line and asks again: the lesson goes on.
    try terminal.press("C-c")
    try terminal.waitFor("a fresh pause prompt") { lines in
      lines.suffix(2) == [prompt + " lscrash p1 ^C", prompt]
    }
    try terminal.press("Enter")
    try terminal.waitFor("the lesson to go on") { lines in
      lines.contains("(the cluster is back where the lesson left it)")
        && lines.last == "your answer>"
    }
    // Ctrl-D leaves the lesson where it is: not finished, and no REPL on a half-built cluster.
    try terminal.press("C-d")
    #expect(try terminal.waitForExit() == 0)
    let screen = terminal.screen()
    #expect(screen.contains { $0.hasPrefix("You left the lesson at line ") })
    #expect(screen.contains("Lesson 1 is not finished; 'paxlab lesson 1' starts it again."))
    #expect(!screen.contains("End of the lesson: First consensus."))
    #expect(!screen.contains { $0.hasPrefix("crash p1") }, "the dropped line never ran")
  }
}
