import Foundation
import Testing

/// The REPL with its input piped: no prompt, no echo of typing, the transcript `paxlab run`
/// prints, and a session that is kept between runs.
@Suite struct REPLPipedTests {
  static let script = """
    # two proposers, one acceptor down for a while
    cluster 3 2 1
    set backoff fixed 5
    propose p1 red
    deliver p1->a1
    deliver #2
    crash a3

    propose p2 blue
    deliver all
    recover a3
    run seed=7
    status
    net
    history
    help deliver
    expect chosen blue
    expect learned l1 blue
    expect safe

    """

  @Test func pipedInputPrintsTheSameTranscriptAsRun() throws {
    let scratch = try Scratch()
    try scratch.file("lesson.paxos", Self.script)
    let run = try Paxlab.run(["run", "lesson.paxos"], in: scratch.url)
    let repl = try Paxlab.run([], stdin: Data(Self.script.utf8), in: scratch.url)
    #expect(run.status == 0, "\(run.output)")
    #expect(repl.status == 0, "\(repl.output)")
    expectCleanExit(repl, [0], "paxlab < lesson.paxos")
    #expect(repl.stdout == run.stdout)
    #expect(repl.stderr.isEmpty, "\(repl.stderr)")
    #expect(!repl.stdout.contains("paxlab ["), "no prompt when nobody is typing")
    #expect(!repl.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
  }

  @Test func theReplSubcommandIsTheDefault() throws {
    let scratch = try Scratch()
    let script = Data("cluster 3\npropose p1 red\n".utf8)
    let implicit = try Paxlab.run(["--session", "a"], stdin: script, in: scratch.url)
    let explicit = try Paxlab.run(["repl", "--session", "b"], stdin: script, in: scratch.url)
    #expect(implicit.status == 0 && explicit.status == 0, "\(implicit.output)\(explicit.output)")
    #expect(implicit.stdout == explicit.stdout)
    #expect(implicit.stdout.hasPrefix("> cluster 3\n"))
  }

  @Test func pipedInputGoesOnAfterAnErrorAndExitsWithTheWorstStatus() throws {
    let script = "cluster 3\ndelvier all\nexpect chosen red\nstatus\n"
    let run = try Paxlab.run([], stdin: Data(script.utf8))
    #expect(run.status == 2)
    let lines = run.lines
    #expect(lines.contains("> delvier all"))
    #expect(lines.contains("error: unknown command 'delvier'; did you mean 'deliver'?"))
    #expect(lines.contains("hint: 'help' lists the commands"))
    #expect(lines.contains("expectation failed"))
    #expect(lines.contains("> status"), "the REPL goes on after errors")
  }

  @Test func aFailedExpectationAloneExitsOne() throws {
    let run = try Paxlab.run([], stdin: Data("cluster 3\nexpect chosen red\n".utf8))
    #expect(run.status == 1, "\(run.output)")
  }

  @Test func theSessionIsKeptBetweenRuns() throws {
    let scratch = try Scratch()
    let first = try Paxlab.run(
      ["--session", "kept"], stdin: Data("cluster 3\npropose p1 red\n".utf8), in: scratch.url)
    #expect(first.status == 0, "\(first.output)")
    let second = try Paxlab.run(
      ["--session", "kept"], stdin: Data("deliver all\nexpect chosen red\n".utf8),
      in: scratch.url)
    #expect(second.status == 0, "\(second.output)")
    #expect(second.lines.last == "ok: chosen red")
    let other = try Paxlab.run(
      ["--session", "other"], stdin: Data("expect chosen none\n".utf8), in: scratch.url)
    #expect(other.status == 0, "another session starts empty: \(other.output)")
  }

  @Test func quitEndsTheInput() throws {
    let run = try Paxlab.run([], stdin: Data("cluster 3\nquit\nstatus\n".utf8))
    #expect(run.status == 0)
    #expect(!run.stdout.contains("> status"))
  }

  @Test func aSessionThatDoesNotReplayIsLeftAloneWithAHint() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent(".paxlab"), withIntermediateDirectories: true)
    let damaged = "# paxlab session v1\ncluster 3\npropose p1 red\nfrobnicate\n"
    try scratch.file(".paxlab/t.paxos", damaged)
    let refused = try Paxlab.run(
      ["--session", "t"], stdin: Data("status\n".utf8), in: scratch.url)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains(".paxlab/t.paxos:4"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--recover"), "\(refused.stderr)")
    #expect(
      refused.stderr.contains("stays beside it, as .paxlab/t.paxos.unreadable"),
      "\(refused.stderr)")
    #expect(refused.stdout.isEmpty)
    let file = scratch.url.appendingPathComponent(".paxlab/t.paxos")
    #expect(try String(contentsOf: file, encoding: .utf8) == damaged)

    let kept = try Paxlab.run(
      ["--session", "t", "--recover", "keep"], stdin: Data("expect inflight 3\n".utf8),
      in: scratch.url)
    #expect(kept.status == 0, "\(kept.output)")
  }

  @Test func aBadSessionNameIsRefused() throws {
    let run = try Paxlab.run(["--session", "../escape"], stdin: Data())
    #expect(run.status != 0)
    #expect(run.stderr.contains("not a session name"), "\(run.stderr)")
  }

  /// Ctrl-C reaches a long command with piped input too: it stops, shows what it did, and the
  /// input ends there.
  @Test func ctrlCStopsALongCompareFromAPipe() throws {
    let binary = try #require(Paxlab.binary)
    let scratch = try Scratch()
    let input = try scratch.file(
      "duel.paxos",
      """
      cluster 5 3 1
      set backoff none
      set timeout 3
      propose p1 a
      propose p2 b
      propose p3 c
      compare backoff seeds=1000 steps=2000
      status

      """)
    let output = try scratch.emptyFile("stdout")
    let process = Process()
    process.executableURL = binary
    process.currentDirectoryURL = scratch.url
    process.standardInput = try FileHandle(forReadingFrom: input)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    let started = Date()
    while !(try String(contentsOf: output, encoding: .utf8)).contains("> propose p3 c") {
      try #require(Date().timeIntervalSince(started) < 30, "the duel was not set up")
      Thread.sleep(forTimeInterval: 0.05)
    }
    Thread.sleep(forTimeInterval: 0.3)
    process.interrupt()
    let interrupted = Date()
    while process.isRunning && Date().timeIntervalSince(interrupted) < 10 {
      Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(!process.isRunning, "still running 10 s after Ctrl-C")
    let text = try String(contentsOf: output, encoding: .utf8)
    #expect(text.contains(" of 1000 seeds (interrupted)"), "\(text)")
    #expect(!text.contains("> status"), "the input ends at Ctrl-C")
  }
}
