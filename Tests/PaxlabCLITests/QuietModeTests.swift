import Testing

/// `-q` prints only errors, failed expectations and violations.
@Suite struct QuietModeTests {
  @Test(arguments: ["-q", "--quiet"]) func aPassingScriptPrintsNothing(_ flag: String) throws {
    let run = try Paxlab.run(
      "cluster 3 2 1\npropose p1 red\nrun seed=4\nstatus\nhelp\nexpect chosen red\n",
      options: [flag])
    #expect(run.status == 0)
    #expect(run.output.isEmpty, "\(run.output)")
  }

  @Test func aViolationIsPrintedAndNothingElse() throws {
    let run = try Paxlab.run(
      """
      cluster 3 2 1
      set bug no-persist
      propose p1 red
      deliver all
      crash a1 a2
      recover a1 a2
      propose p2 blue
      deliver all
      expect violation

      """, options: ["-q"])
    #expect(run.status == 0, "\(run.output)")
    #expect(!run.lines.isEmpty)
    for line in run.lines {
      #expect(line.hasPrefix("VIOLATION at time "), "\(line)")
    }
    #expect(
      run.lines.contains(
        "VIOLATION at time 29: agreement: blue is chosen under 1.p2, but red was chosen before"),
      "\(run.output)")
  }

  @Test func aFailedExpectIsPrinted() throws {
    let run = try Paxlab.run("cluster 3\nexpect chosen red\n", options: ["-q"])
    #expect(run.status == 1)
    #expect(
      run.lines == [
        "script.paxos:2: expectation failed: expect chosen red",
        "  expected: chosen red",
        "  actual:   chosen none",
      ])
  }

  @Test func anErrorIsPrinted() throws {
    let run = try Paxlab.run("cluster 3\npropose p1\n", options: ["-q"])
    #expect(run.status == 2)
    #expect(
      run.lines == [
        "script.paxos:2: error: missing a value",
        "  propose p1",
        "  hint: write 'propose P VALUE', e.g. 'propose p1 red'",
      ])
  }
}
