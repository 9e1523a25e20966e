import Foundation
import Testing

/// `paxlab check SCRIPT`: exit 0 when no schedule breaks safety, 1 when one does, 2 for a bad
/// script or option, 3 when the check stopped first; `-o` writes a script that replays the bad
/// run, `--json` prints the result as one object.
@Suite struct CheckCLITests {
  static let brokenDuel = """
    cluster 3 2 1
    set bug small-quorum
    propose p1 red
    propose p2 blue

    """
  static let duel = "cluster 3 2 1\npropose p1 red\npropose p2 blue\n"
  /// One proposer, no fault: every schedule is safe, and there are few.
  static let oneProposer = "cluster 3 1 1\npropose p1 red\n"
  static let noFaults = ["--crashes", "0", "--recoveries", "0", "--timeouts", "0"]

  /// Runs `paxlab check` on `script` (as `script.paxos`) in `scratch`.
  func check(
    _ script: String, _ options: [String] = [], in scratch: Scratch? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> PaxlabRun {
    let scratch = try scratch ?? Scratch()
    try scratch.file("script.paxos", script)
    return try Paxlab.run(
      ["check", "script.paxos"] + options, in: scratch.url, sourceLocation: sourceLocation)
  }

  @Test func noViolationExitsZero() throws {
    let run = try check(Self.oneProposer, Self.noFaults)
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.first?.hasPrefix("no violation: all schedules of at most ") == true)
    #expect(run.lines.dropFirst().first?.hasPrefix("budgets: ") == true)
  }

  @Test func aViolationExitsOneWithTheSchedule() throws {
    let run = try check(Self.brokenDuel)
    #expect(run.status == 1, "\(run.output)")
    #expect(run.lines.first?.hasPrefix("VIOLATION agreement after ") == true, "\(run.output)")
    #expect(run.lines.contains { $0.hasPrefix("  1. ") })
  }

  @Test func theStateLimitExitsThree() throws {
    let run = try check(Self.duel, ["--states", "1"])
    #expect(run.status == 3, "\(run.output)")
    #expect(run.lines.first?.hasPrefix("stopped: the limit of states=1 came first") == true)
  }

  @Test(arguments: [
    ["--depth", "1001"], ["--workers", "0"], ["--states", "0"], ["--timeouts", "-1"],
    ["--crashes", "x"], ["--symmetry=1"], ["--unknown"],
  ])
  func aBadOptionExitsTwo(_ options: [String]) throws {
    let run = try check(Self.duel, options)
    #expect(run.status == 2, "\(run.output)")
    #expect(run.stdout.isEmpty)
    #expect(!run.stderr.isEmpty)
  }

  @Test func anOutOfBoundsOptionSaysItsBound() throws {
    let run = try check(Self.duel, ["--depth", "5000"])
    #expect(run.stderr.contains("depth '5000' is too large (at most 1000)"), "\(run.stderr)")
  }

  @Test func aBadScriptExitsTwoAndIsNotChecked() throws {
    for script in ["cluster 3\ndelvier\n", "cluster 3 1 1\nexpect chosen red\n"] {
      let run = try check(script)
      #expect(run.status == 2, "\(run.output)")
      #expect(!run.stdout.contains("no violation"))
      #expect(run.output.contains("script.paxos:2:"))
    }
  }

  @Test func anEmptyClusterExitsTwoWithAHint() throws {
    let run = try check("# nothing yet\n")
    #expect(run.status == 2, "\(run.output)")
    #expect(run.stderr.contains("error: there is no cluster to check"))
    #expect(run.stderr.contains("hint: "))
  }

  @Test func aMissingScriptExitsTwo() throws {
    let run = try Paxlab.run(["check", "missing.paxos"])
    #expect(run.status == 2, "\(run.output)")
  }

  /// Ctrl-C stops a long check: it prints what it covered and exits 3.
  @Test func ctrlCStopsALongCheckWithExitThree() throws {
    let binary = try #require(Paxlab.binary)
    let scratch = try Scratch()
    try scratch.file(
      "script.paxos", "cluster 5 3 1\npropose p1 a\npropose p2 b\npropose p3 c\n")
    let output = try scratch.emptyFile("stdout")
    let process = Process()
    process.executableURL = binary
    process.arguments = [
      "check", "script.paxos", "--depth", "200", "--drops", "3", "--crashes", "3",
      "--recoveries", "3", "--timeouts", "3",
    ]
    process.currentDirectoryURL = scratch.url
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    Thread.sleep(forTimeInterval: 1)
    process.interrupt()
    let interrupted = Date()
    while process.isRunning && Date().timeIntervalSince(interrupted) < 10 {
      Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(!process.isRunning, "still running 10 s after Ctrl-C")
    #expect(process.terminationStatus == 3)
    let text = try String(contentsOf: output, encoding: .utf8)
    #expect(text.hasPrefix("stopped: interrupted; no violation among the "), "\(text)")
  }

  // MARK: -o

  @Test func theWrittenScriptReplaysTheViolationAndDrawsIt() throws {
    let scratch = try Scratch()
    let checked = try check(Self.brokenDuel, ["-o", "bad.paxos"], in: scratch)
    #expect(checked.status == 1, "\(checked.output)")
    let written = try String(
      contentsOf: scratch.url.appendingPathComponent("bad.paxos"), encoding: .utf8)
    // `  1. deliver #7`, up to the violation's line.
    let schedule = checked.lines.dropFirst().prefix { !$0.hasPrefix("VIOLATION") }.compactMap {
      line in line.range(of: ". ").map { String(line[$0.upperBound...]) }
    }
    let lines = written.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("# paxlab session v") == true)
    #expect(
      Array(lines.dropFirst())
        == Self.brokenDuel.split(separator: "\n").map(String.init) + schedule
        + ["expect violation"])

    let replay = try Paxlab.run(["run", "bad.paxos", "--export", "drawn"], in: scratch.url)
    #expect(replay.status == 0, "\(replay.output)")
    #expect(replay.lines.contains { $0.hasPrefix("  VIOLATION at time ") }, "\(replay.output)")
    for ext in ["json", "mmd", "dot", "md"] {
      #expect(
        FileManager.default.fileExists(
          atPath: scratch.url.appendingPathComponent("drawn/bad.\(ext)").path))
    }
    // Its own file is written again; the script checked never is.
    let again = try check(Self.brokenDuel, ["-o", "bad.paxos"], in: scratch)
    #expect(again.status == 1, "\(again.output)")
    let overScript = try check(Self.brokenDuel, ["-o", "script.paxos"], in: scratch)
    #expect(overScript.status == 2, "\(overScript.output)")
    #expect(
      try String(contentsOf: scratch.url.appendingPathComponent("script.paxos"), encoding: .utf8)
        == Self.brokenDuel)
  }

  @Test func aFileItDidNotWriteIsLeftAlone() throws {
    let scratch = try Scratch()
    try scratch.file("notes.txt", "my notes\n")
    let run = try check(Self.brokenDuel, ["-o", "notes.txt"], in: scratch)
    #expect(run.status == 2, "\(run.output)")
    #expect(run.stderr.contains("'notes.txt' exists and is not a Paxos Lab script"))
    #expect(
      try String(contentsOf: scratch.url.appendingPathComponent("notes.txt"), encoding: .utf8)
        == "my notes\n")
  }

  @Test func withoutAViolationNothingIsWritten() throws {
    let scratch = try Scratch()
    let run = try check(Self.oneProposer, Self.noFaults + ["-o", "bad.paxos"], in: scratch)
    #expect(run.status == 0, "\(run.output)")
    #expect(
      !FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("bad.paxos").path))
  }

  // MARK: --json

  @Test func jsonIsOneObjectWithTheResult() throws {
    let run = try check(Self.brokenDuel, ["--json"])
    #expect(run.status == 1, "\(run.output)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "result", "invariant", "distinct_states", "transitions", "depth", "exhausted", "seconds",
        "workers", "symmetry", "collision_probability", "schedule", "stuck",
      ])
    #expect(object["result"] as? String == "violation")
    #expect(object["invariant"] as? String == "agreement")
    #expect(object["exhausted"] as? Bool == false)
    #expect(object["workers"] as? Int == 1)
    #expect(object["symmetry"] as? Bool == false)
    #expect((object["collision_probability"] as? Double).map { $0 >= 0 && $0 < 1e-6 } == true)
    #expect((object["distinct_states"] as? Int).map { $0 > 0 } == true)
    let schedule = try #require(object["schedule"] as? [String])
    #expect(!schedule.isEmpty)
    #expect(
      schedule.allSatisfy {
        $0.hasPrefix("deliver #") || $0.hasPrefix("timeout ") || $0.hasPrefix("crash ")
          || $0.hasPrefix("recover ")
      })
    #expect(object["stuck"] is NSNull || object["stuck"] is [String])
  }

  @Test func jsonOfASafeCheck() throws {
    let run = try check(
      Self.oneProposer, Self.noFaults + ["--depth", "30", "--json", "--workers", "2"])
    #expect(run.status == 0, "\(run.output)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["result"] as? String == "safe")
    #expect(object["invariant"] is NSNull)
    #expect(object["schedule"] as? [String] == [])
    #expect(object["exhausted"] as? Bool == true)
    #expect(object["workers"] as? Int == 2)
  }
}
