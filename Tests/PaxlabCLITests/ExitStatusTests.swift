import Testing

/// `paxlab run` exits 0 when every expect held, 1 at the first failed expect, 2 at the first
/// refused line, and says where.
@Suite struct ExitStatusTests {
  static let chooseRed = """
    cluster 3 1 1
    propose p1 red
    deliver all
    expect chosen red

    """

  @Test func aPassingScriptExitsZeroAndPrintsItsTranscript() throws {
    let run = try Paxlab.run(Self.chooseRed)
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.first == "> cluster 3 1 1")
    #expect(run.lines.contains("  CHOSEN red: a quorum of acceptors accepted 1.p1"))
    #expect(run.lines.last == "ok: chosen red")
    #expect(run.stderr.isEmpty)
  }

  /// Delivering all twice to be sure, or healing twice, is not a mistake: the script goes on.
  @Test func aSecondDeliverAllOrHealSaysSoAndTheScriptGoesOn() throws {
    let run = try Paxlab.run(
      "cluster 3 1 1\npropose p1 red\ndeliver all\ndeliver all\nheal\nexpect chosen red\n")
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.contains("deliver all: nothing in flight"))
    #expect(run.lines.contains { $0.hasPrefix("heal: no partition to heal") })
    #expect(run.lines.last == "ok: chosen red")
    #expect(run.stderr.isEmpty)
  }

  @Test func aFailedExpectExitsOneWithFileLineExpectedAndActual() throws {
    let run = try Paxlab.run(
      Self.chooseRed + "expect chosen blue\nstatus\nexpect chosen green\n", named: "colours.paxos")
    #expect(run.status == 1, "\(run.output)")
    #expect(
      Array(run.lines.suffix(3)) == [
        "colours.paxos:5: expectation failed: expect chosen blue",
        "  expected: chosen blue",
        "  actual:   chosen red",
      ])
    #expect(!run.output.contains("> status"), "a line after the failed expect ran")
    #expect(!run.output.contains("green"))
  }

  @Test func aSyntaxErrorExitsTwoWithFileLineTextAndHint() throws {
    let run = try Paxlab.run("cluster 3\n# a comment\ndelvier\nstatus\n", named: "typo.paxos")
    #expect(run.status == 2, "\(run.output)")
    #expect(
      Array(run.lines.suffix(3)) == [
        "typo.paxos:3: error: unknown command 'delvier'; did you mean 'deliver'?",
        "  delvier",
        "  hint: 'help' lists the commands",
      ])
    #expect(!run.output.contains("> status"))
  }

  @Test func aMissingArgumentShowsTheCommandsForms() throws {
    let run = try Paxlab.run("cluster 3\npropose p1\n")
    #expect(run.status == 2)
    #expect(
      Array(run.lines.suffix(3)) == [
        "script.paxos:2: error: missing a value",
        "  propose p1",
        "  hint: write 'propose P VALUE', e.g. 'propose p1 red'",
      ])
  }

  @Test func aLineTheClusterRefusesExitsTwoWithFileLineAndText() throws {
    let run = try Paxlab.run("cluster 3\ncrash zz\nstatus\n")
    #expect(run.status == 2)
    #expect(run.lines.contains("script.paxos:2: error: no node 'zz'; nodes: a1 a2 a3 p1 l1"))
    #expect(run.lines.contains("  crash zz"))
    #expect(!run.output.contains("> status"))
  }

  /// Refusals that come from the cluster (unknown node, message not in flight, ...) print a
  /// hint too.
  @Test(
    "a refusal by the cluster also prints a hint",
    arguments: ["crash zz", "deliver 99", "recover a1", "timeout p1"])
  func aRefusalByTheClusterPrintsAHint(_ line: String) throws {
    let run = try Paxlab.run("cluster 3\n\(line)\n")
    #expect(run.status == 2)
    #expect(run.lines.last?.hasPrefix("  hint: ") == true, "\(run.output)")
  }

  @Test func aMissingFileIsAClearErrorAndExitsTwo() throws {
    let run = try Paxlab.run(["run", "no-such-script.paxos"])
    #expect(run.status == 2)
    #expect(run.output.contains("cannot open 'no-such-script.paxos'"), "\(run.output)")
    #expect(run.output.contains("No such file or directory"))
  }

  @Test func aDirectoryIsAClearErrorAndExitsTwo() throws {
    let scratch = try Scratch()
    let run = try Paxlab.run(["run", scratch.url.path])
    #expect(run.status == 2)
    #expect(run.output.contains("cannot read"), "\(run.output)")
  }

  @Test func anEmptyScriptPassesSilently() throws {
    let run = try Paxlab.run("")
    #expect(run.status == 0)
    #expect(run.output.isEmpty)
  }

  /// The README promises 2 for every usage error, not ArgumentParser's 64; the message still
  /// says what was wrong.
  @Test(
    "a usage error on the command line exits 2",
    arguments: [
      (["--session", "bad/name"], "bad/name"),
      (["export", "trace.json", "--format", "pdf"], "pdf"),
      (["export"], "Missing expected argument"),
      (["run", "--no-such-option"], "--no-such-option"),
      (["export", "trace.json", "--format", "json", "--from", "-3"], "--from"),
    ])
  func aUsageErrorExitsTwo(_ arguments: [String], _ named: String) throws {
    let run = try Paxlab.run(arguments)
    #expect(run.status == 2, "\(run.output)")
    #expect(run.stderr.contains(named), "\(run.stderr)")
    #expect(run.stderr.contains("Usage:"), "\(run.stderr)")
  }

  @Test func helpStillExitsZero() throws {
    let run = try Paxlab.run(["--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("USAGE:") || run.stdout.contains("Usage:"), "\(run.output)")
  }
}
