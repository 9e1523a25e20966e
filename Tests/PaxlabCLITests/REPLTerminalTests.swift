import Foundation
import Testing

/// The REPL at a terminal, driven through tmux as a person would: completion, history, Ctrl-C
/// and Ctrl-D, colour, and a session that outlives the program.
@Suite(
  .enabled(
    if: REPLTerminal.isAvailable,
    "tmux is not installed: the REPL's terminal tests are skipped (CI installs it)"))
struct REPLTerminalTests {
  let scratch: Scratch

  init() throws { scratch = try Scratch() }

  func open(environment: [String: String?] = [:]) throws -> REPLTerminal {
    try REPLTerminal(in: scratch.url, environment: environment)
  }

  var sessionFile: String {
    (try? String(contentsOf: scratch.url.appendingPathComponent(".paxlab/t.paxos"), encoding: .utf8))
      ?? ""
  }

  // MARK: Completion

  @Test func tabCompletesACommandName() throws {
    let terminal = try open()
    try terminal.type("prop")
    try terminal.press("Tab")
    try terminal.waitForLastLine("paxlab:t [no cluster]> propose")
  }

  @Test func tabCompletesANodeOfTheRightRole() throws {
    let terminal = try open()
    try terminal.enter("cluster 3 1 1")
    try terminal.type("prepare ")
    try terminal.press("Tab")
    try terminal.waitForLastLine("paxlab:t [3a 1p 1l | 0 in flight]> prepare p1")
    try terminal.press("C-u")
    try terminal.enter("crash a2")
    try terminal.type("recover ")
    try terminal.press("Tab")
    try terminal.waitForLastLine("paxlab:t [3a 1p 1l | down: a2 | 0 in flight]> recover a2")
  }

  @Test func tabCompletesAMessageNumberAndALink() throws {
    let terminal = try open()
    try terminal.enter("cluster 1 1 1")
    try terminal.enter("propose p1 red")
    try terminal.type("drop #")
    try terminal.press("Tab")
    try terminal.waitForLastLine("paxlab:t [1a 1p 1l | 1 in flight]> drop #1")
    try terminal.press("C-u")
    try terminal.type("deliver p")
    try terminal.press("Tab")
    try terminal.waitForLastLine("paxlab:t [1a 1p 1l | 1 in flight]> deliver p1->a1")
  }

  @Test func aSecondTabListsTheMessagesInFlight() throws {
    let terminal = try open()
    try terminal.enter("cluster 3 1 1")
    try terminal.enter("propose p1 red")
    try terminal.type("drop #")
    try terminal.press("Tab", "Tab")
    try terminal.waitFor("the list of messages") { lines in
      lines.contains { $0.split(separator: " ") == ["#1", "#2", "#3"] }
    }
  }

  // MARK: History

  @Test func upRecallsThePreviousLines() throws {
    let terminal = try open()
    try terminal.enter("cluster 3")
    try terminal.enter("status")
    try terminal.press("Up")
    try terminal.waitForLastLine("paxlab:t [3a 1p 1l | 0 in flight]> status")
    try terminal.press("Up")
    try terminal.waitForLastLine("paxlab:t [3a 1p 1l | 0 in flight]> cluster 3")
  }

  @Test func historySurvivesARestart() throws {
    let first = try open()
    try first.enter("cluster 3")
    try first.enter("net")
    try first.press("C-d")
    #expect(try first.waitForExit() == 0)
    first.close()

    let second = try open()
    try second.press("Up")
    try second.waitForLastLine("paxlab:t [3a 1p 1l | 0 in flight]> net")
  }

  // MARK: Ctrl-C and Ctrl-D

  @Test func ctrlCDropsAHalfTypedLineAndChangesNothing() throws {
    let terminal = try open()
    try terminal.enter("cluster 3")
    let saved = sessionFile
    try terminal.type("crash a1 a2")
    // Ctrl-C discards what the terminal holds unread: wait until paxlab has read the keys.
    try terminal.waitForLastLine("paxlab:t [3a 1p 1l | 0 in flight]> crash a1 a2")
    try terminal.press("C-c")
    let lines = try terminal.waitFor("a fresh prompt after ^C") { lines in
      lines.suffix(2) == [
        "paxlab:t [3a 1p 1l | 0 in flight]> crash a1 a2^C", "paxlab:t [3a 1p 1l | 0 in flight]>",
      ]
    }
    #expect(!lines.contains { $0.hasPrefix("crash a1") })
    // The fresh line is empty: Enter runs nothing.
    try terminal.enter("")
    try terminal.enter("expect inflight 0")
    #expect(terminal.screen().contains("ok: in flight 0"))
    #expect(sessionFile == saved)
  }

  /// The REPL on three proposers that retry at once and keep knocking each other out: a run
  /// or a comparison from there goes on until it is stopped.
  func openOnEndlessDuel() throws -> REPLTerminal {
    let terminal = try open()
    for line in [
      "cluster 5 3 1", "set backoff none", "set timeout 3", "propose p1 a", "propose p2 b",
      "propose p3 c",
    ] {
      try terminal.enter(line)
    }
    return terminal
  }

  @Test func ctrlCStopsALongRunAndKeepsItsSteps() throws {
    let terminal = try openOnEndlessDuel()
    try terminal.type("run steps=1000000 seed=1")
    try terminal.press("Enter")
    try terminal.waitForLineTaken()
    try terminal.press("C-c")
    // A second Ctrl-C skips the long transcript of what was done.
    try terminal.waitFor("the transcript of the run") { lines in
      lines.last?.hasSuffix("run steps=1000000 seed=1") == false
    }
    try terminal.press("C-c")
    let lines = try terminal.waitFor("the report of the interrupted run") { lines in
      lines.contains { $0.hasPrefix("the session keeps it as 'run steps=") }
        && lines.last.map(REPLTerminal.isPrompt) == true
    }
    let recorded = try #require(sessionFile.split(separator: "\n").last)
    let steps = try #require(Int(recorded.dropFirst("run steps=".count).prefix { $0.isNumber }))
    #expect(steps > 0 && steps < 1_000_000, "\(recorded)")
    #expect(lines.contains("the session keeps it as '\(recorded)'"))
    #expect(lines.contains { $0.hasPrefix("run: interrupted after \(steps) steps; they are kept") })
  }

  @Test func aLongCompareShowsItsProgressThenErasesItAndStopsOnCtrlC() throws {
    let terminal = try openOnEndlessDuel()
    try terminal.type("compare backoff seeds=1000 steps=2000")
    try terminal.press("Enter")
    let progress = try terminal.waitFor("the progress line") { lines in
      lines.last?.hasPrefix("compare backoff seeds=1000 steps...: ") == true
        && lines.last?.hasSuffix(" of 1000); Ctrl-C stops it") == true
    }
    #expect(progress.last?.contains("% (") == true, "\(progress)")
    try terminal.press("C-c")
    let lines = try terminal.waitFor("the table of the seeds tried") { lines in
      lines.last.map(REPLTerminal.isPrompt) == true
    }
    #expect(
      lines.contains {
        $0.hasPrefix("stopped after ") && $0.hasSuffix(" of 1000 seeds (interrupted)")
      })
    #expect(!lines.contains { $0.contains("Ctrl-C stops it") }, "the progress line is erased")
  }

  /// A check of five acceptors and three proposers with room for many faults runs for long:
  /// the progress line shows how far it got, and Ctrl-C stops the check, not the session.
  @Test func aLongCheckShowsItsProgressAndCtrlCStopsItWithWhatItCovered() throws {
    let terminal = try openOnEndlessDuel()
    let saved = sessionFile
    try terminal.type("check depth=200 drops=3 crashes=3 recoveries=3 timeouts=3")
    try terminal.press("Enter")
    let progress = try terminal.waitFor("the progress line") { lines in
      lines.last?.hasPrefix("check depth=200 drops=3 crashes=...: depth ") == true
        && lines.last?.hasSuffix("; Ctrl-C stops it") == true
    }
    #expect(
      progress.last?.contains(" distinct states, ") == true
        && progress.last?.contains(" states/s, queue ") == true, "\(progress)")
    try terminal.press("C-c")
    let lines = try terminal.waitFor("the partial result") { lines in
      lines.last.map(REPLTerminal.isPrompt) == true
    }
    #expect(lines.contains { $0.hasPrefix("stopped: interrupted; no violation among the ") })
    #expect(!lines.contains { $0.contains("Ctrl-C stops it") }, "the progress line is erased")
    #expect(sessionFile == saved)
    try terminal.enter("net")  // the session goes on
  }

  @Test func ctrlDLeaves() throws {
    let terminal = try open()
    try terminal.press("C-d")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test func quitLeaves() throws {
    let terminal = try open()
    try terminal.type("quit")
    try terminal.press("Enter")
    #expect(try terminal.waitForExit() == 0)
  }

  // MARK: The session

  /// A newcomer is told how to start learning before anything else.
  @Test func theGreetingSaysHowToStartTheCourse() throws {
    let terminal = try open()
    let greeting = terminal.screen().prefix(2)
    #expect(greeting.first == "Paxos Lab: session 't', 0 commands, in .paxlab/")
    #expect(greeting.last?.hasPrefix("'lesson 1' starts the course;") == true, "\(greeting)")
  }

  @Test func reopeningTheSessionShowsTheSameCluster() throws {
    let first = try open()
    for line in ["cluster 3 2 1", "propose p1 red", "deliver all", "crash a3", "propose p2 blue"] {
      try first.enter(line)
    }
    try first.enter("status")
    let before = Self.lastStatus(first.screen())
    let prompt = first.lastLine
    try first.type("quit")
    try first.press("Enter")
    #expect(try first.waitForExit() == 0)
    first.close()

    let second = try open()
    #expect(second.lastLine == prompt)
    #expect(prompt.contains("chosen: red"))
    try second.enter("status")
    #expect(Self.lastStatus(second.screen()) == before)
    #expect(second.screen().first == "Paxos Lab: session 't', 5 commands, in .paxlab/")
  }

  /// The lines of the last `status` on the screen.
  static func lastStatus(_ lines: [String]) -> [String] {
    guard let start = lines.lastIndex(where: { $0.hasSuffix("]> status") }) else { return [] }
    return Array(lines[(start + 1)...].prefix { !REPLTerminal.isPrompt($0) })
  }

  // MARK: Colour

  @Test func theTranscriptIsColouredAtATerminal() throws {
    let terminal = try open(environment: ["NO_COLOR": nil, "TERM": "screen"])
    try terminal.enter("cluster 3 1 1")
    try terminal.enter("propose p1 red")
    #expect(terminal.colouredScreen().contains("\u{1B}["))
  }

  @Test func noColorTurnsColourOff() throws {
    let terminal = try open(environment: ["NO_COLOR": "1"])
    try terminal.enter("cluster 3 1 1")
    try terminal.enter("propose p1 red")
    let screen = terminal.colouredScreen()
    #expect(screen.contains("send #1 p1 -> a1 prepare 1.p1"))
    #expect(!screen.contains("\u{1B}["), "\(screen.debugDescription)")
  }
}
