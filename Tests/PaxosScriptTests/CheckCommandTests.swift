import PaxosCheck
import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// `check` and `check apply` in the language: their options, their refusals, what they print,
/// and that `check` leaves the cluster and the history alone while `check apply` plays ordinary
/// commands.
@Suite struct CheckCommandTests {
  /// Two proposers under a teaching switch whose quorums need not overlap: a schedule chooses
  /// both values.
  static let brokenDuel = [
    "cluster 3 2 1", "set bug small-quorum", "propose p1 red", "propose p2 blue",
  ]
  /// The same duel with every switch off.
  static let duel = ["cluster 3 2 1", "propose p1 red", "propose p2 blue"]
  /// One proposer, no switch, no fault: every schedule is a few deliveries, all safe.
  static let oneProposer = ["cluster 3 1 1", "propose p1 red"]
  static let noFaults = "check crashes=0 recoveries=0 timeouts=0"

  func parse(_ line: String) throws -> Command? { try Parser.parse(line) }

  func refusal(_ line: String) -> ScriptError? {
    do {
      _ = try Parser.parse(line)
      return nil
    } catch {
      return error
    }
  }

  // MARK: Options

  @Test func aPlainCheckHasTheCheckersDefaults() throws {
    #expect(try parse("check") == .check(CheckOptions()))
  }

  @Test(arguments: CheckOptions.Bound.allCases)
  func eachNumericOptionSetsItsBound(_ bound: CheckOptions.Bound) throws {
    for value in [bound.min, bound.max, (bound.min + bound.max) / 2] {
      var expected = CheckOptions()
      expected[bound] = value
      #expect(try parse("check \(bound.rawValue)=\(value)") == .check(expected))
    }
  }

  @Test func optionsCombineInAnyOrder() throws {
    var expected = CheckOptions()
    expected.depth = 9
    expected.timeouts = 2
    expected.symmetry = true
    #expect(try parse("check symmetry timeouts=2 depth=9") == .check(expected))
  }

  @Test func applyAndApplyStuck() throws {
    #expect(try parse("check apply") == .checkApply(stuck: false))
    #expect(try parse("check apply stuck") == .checkApply(stuck: true))
  }

  @Test(arguments: CheckOptions.Bound.allCases)
  func eachNumericOptionRefusesWhatIsOutOfItsBounds(_ bound: CheckOptions.Bound) {
    let name = bound.rawValue
    #expect(
      refusal("check \(name)=\(bound.max + 1)")?.message
        == "\(name) '\(bound.max + 1)' is too large (at most \(bound.max))")
    if bound.min > 0 {
      #expect(
        refusal("check \(name)=\(bound.min - 1)")?.message
          == "\(name) must be at least \(bound.min), not \(bound.min - 1)")
    }
    #expect(refusal("check \(name)=-1")?.message == "\(name) cannot be negative: '-1'")
    #expect(refusal("check \(name)=x")?.message == "expected \(name), a whole number, not 'x'")
    #expect(refusal("check \(name)=")?.message == "expected \(name), a whole number, not ''")
    #expect(
      refusal("check \(name)")?.message.hasPrefix("\(name) needs a value: write \(name)=N") == true)
    #expect(
      refusal("check \(name)=1 \(name)=1")?.message
        == "\(name) is given twice; give each option once")
  }

  @Test func otherMistakesSayWhatCheckTakes() {
    let unknown = refusal("check deepth=3")
    #expect(unknown?.message.hasPrefix("unknown option 'deepth=3'; check takes depth=N,") == true)
    #expect(unknown?.hint?.contains("check apply [stuck]") == true)
    #expect(
      refusal("check symmetry=1")?.message == "symmetry takes no value: write 'symmetry' alone")
    #expect(refusal("check symmetry symmetry")?.message.contains("given twice") == true)
    let apply = refusal("check apply now")
    #expect(apply?.message == "'check apply' takes only 'stuck' after it, not 'now'")
    #expect(apply?.hint == "write 'check apply [stuck]'")
    #expect(refusal("check apply stuck again")?.message.hasPrefix("unexpected 'again'") == true)
  }

  @Test func aBadCheckLineStopsAScriptAsAnyBadLineDoes() {
    var runner = ScriptRunner(quiet: true, emit: { _ in })
    let status = runner.run(name: "s", lines: Self.duel.map { $0[...] } + ["check depth=many"])
    #expect(status == .usageError)
  }

  // MARK: check

  /// What the `check` line reports; fails the test when it reports nothing.
  func checkReport(of line: String, in interpreter: inout Interpreter) throws -> CheckReport {
    let result = interpreter.execute(line)
    guard case .check(let report)? = result.note else {
      throw CheckDidNotReport(description: "\(line) did not report: \(result.outcome)")
    }
    return report
  }

  struct CheckDidNotReport: Error, CustomStringConvertible { let description: String }

  @Test func checkNeedsACluster() {
    var interpreter = Interpreter()
    let result = interpreter.execute("check")
    guard case .error(let error) = result.outcome else {
      Issue.record("check on no cluster ran: \(result.outcome)")
      return
    }
    #expect(error.message == "there is no cluster to check")
    #expect(error.hint?.contains("'cluster 3 2 1'") == true)
  }

  @Test func checkChangesNothingAndIsNotKept() {
    var interpreter = Interpreter.running(Self.brokenDuel)
    let cluster = interpreter.cluster
    let history = interpreter.timeline.entries.map(\.text)
    let result = interpreter.execute("check")
    #expect(result.recorded.isEmpty)
    #expect(result.events.isEmpty)
    #expect(interpreter.cluster == cluster)
    #expect(interpreter.timeline.entries.map(\.text) == history)
    _ = interpreter.execute("check timeouts=2 crashes=0 symmetry")
    #expect(interpreter.cluster == cluster)
    #expect(interpreter.timeline.entries.map(\.text) == history)
  }

  @Test func checkWithTheSwitchesOffFindsNoViolation() {
    var interpreter = Interpreter.running(Self.oneProposer)
    // Deep enough for one proposer's run to end in every order.
    let depth = 30
    let lines = transcript(of: Self.noFaults + " depth=\(depth)", in: &interpreter)
    #expect(
      lines.first?.hasPrefix("no violation: all schedules of at most \(depth) events from here, ")
        == true, "\(lines)")
    #expect(lines.first?.hasSuffix(" transitions), exhausted") == true, "\(lines)")
    #expect(
      lines.dropFirst().first == "budgets: drops=0 duplicates=0 crashes=0 recoveries=0 timeouts=0")
  }

  /// The schedule is printed as commands, numbered; the violation line is the one the
  /// transcript prints when `check apply` plays them.
  @Test func aViolationIsAShortestScheduleOfCommandsThenTheViolationAsTheTranscriptSaysIt() throws {
    var interpreter = Interpreter.running(Self.brokenDuel)
    let report = try checkReport(of: "check", in: &interpreter)
    guard case .violation(let violation) = report.result.outcome else {
      Issue.record("no violation found: \(report.lines(timed: false))")
      return
    }
    #expect(violation.invariant == "agreement")
    let schedule = report.result.schedule.map(\.line)
    let lines = report.lines(timed: false)
    #expect(lines[0] == "VIOLATION agreement after \(schedule.count) events; a shortest schedule:")
    #expect(
      Array(lines[1...schedule.count])
        == schedule.enumerated().map { "  \($0.offset + 1). \($0.element)" })
    let violationLine = lines[schedule.count + 1]
    #expect(violationLine.hasPrefix("VIOLATION at time "))

    let applied = transcript(of: "check apply", in: &interpreter)
    // Indented there, as the events of a step after its first are.
    let played = applied.map { String($0.drop { $0 == " " }) }
    #expect(played.filter { $0.hasPrefix("VIOLATION") } == [violationLine])
    #expect(!interpreter.cluster.violations.isEmpty)
  }

  // MARK: check apply

  @Test func applyPlaysTheScheduleAsCommandsThatTheHistoryKeepsAndUndoTakesBack() throws {
    var interpreter = Interpreter.running(Self.brokenDuel)
    let before = interpreter.cluster
    let history = interpreter.timeline.entries.map(\.text)
    let report = try checkReport(of: "check", in: &interpreter)
    let schedule = report.result.schedule.map(\.line)
    try #require(!schedule.isEmpty, "no schedule: \(report.lines(timed: false))")

    let applied = interpreter.execute("check apply")
    guard case .done = applied.outcome else {
      Issue.record("check apply refused: \(applied.outcome)")
      return
    }
    #expect(applied.recorded == schedule)
    #expect(interpreter.timeline.entries.map(\.text) == history + schedule)
    #expect(!applied.events.isEmpty)
    // The same commands typed one by one give the same cluster.
    #expect(interpreter.cluster == Interpreter.running(Self.brokenDuel + schedule).cluster)

    _ = interpreter.execute("undo \(schedule.count)")
    #expect(interpreter.cluster == before)
    #expect(interpreter.timeline.entries.map(\.text) == history)
  }

  @Test func applyWithoutACheckIsRefused() {
    var interpreter = Interpreter.running(Self.brokenDuel)
    let result = interpreter.execute("check apply")
    guard case .error(let error) = result.outcome else {
      Issue.record("check apply ran: \(result.outcome)")
      return
    }
    #expect(error.message == "there is no check to apply")
  }

  @Test func applyAfterACheckThatFoundNoViolationIsRefused() {
    var interpreter = Interpreter.running(Self.oneProposer)
    _ = interpreter.execute(Self.noFaults)
    let cluster = interpreter.cluster
    let result = interpreter.execute("check apply")
    guard case .error(let error) = result.outcome else {
      Issue.record("check apply ran: \(result.outcome)")
      return
    }
    #expect(error.message == "the last check found no violation, so there is no schedule to apply")
    #expect(interpreter.cluster == cluster)
    #expect(result.recorded.isEmpty)
  }

  @Test func applyAfterTheClusterChangedIsRefusedAndFitsAgainAfterUndo() {
    var interpreter = Interpreter.running(Self.brokenDuel)
    _ = interpreter.execute("check")
    _ = interpreter.execute("deliver #1")
    let cluster = interpreter.cluster
    let result = interpreter.execute("check apply")
    guard case .error(let error) = result.outcome else {
      Issue.record("check apply ran: \(result.outcome)")
      return
    }
    #expect(error.message.hasPrefix("the cluster changed since the last check"))
    #expect(interpreter.cluster == cluster)
    _ = interpreter.execute("undo")
    guard case .done = interpreter.execute("check apply").outcome else {
      Issue.record("check apply refused on the cluster the check ran on")
      return
    }
  }

  /// p1 crashes with promises on their way to it: nothing can happen until someone types a
  /// command, and no value is chosen.
  @Test func applyStuckPlaysTheScheduleToTheStuckState() throws {
    var interpreter = Interpreter.running(Self.oneProposer)
    let report = try checkReport(of: "check depth=7 timeouts=0", in: &interpreter)
    let stuck = try #require(report.result.stuck, "\(report.lines(timed: false))")
    let lines = report.lines(timed: false)
    let note = try #require(lines.firstIndex { $0.hasPrefix("note: stuck after ") })
    #expect(
      Array(lines[(note + 1)...].prefix(stuck.count))
        == stuck.enumerated().map { "  \($0.offset + 1). \($0.element.line)" })
    #expect(lines.last?.hasPrefix("stuck: nothing is in flight and no timer is armed") == true)

    let applied = interpreter.execute("check apply stuck")
    #expect(applied.recorded == stuck.map(\.line))
    #expect(interpreter.cluster.inFlight.isEmpty && interpreter.cluster.nextTimer() == nil)
    #expect(interpreter.cluster.choices.chosen.isEmpty)
  }

  @Test func applyStuckWithoutAStuckStateIsRefused() {
    // Everything is done and no fault is allowed: nothing can happen, and nothing is unfinished.
    var interpreter = Interpreter.running(["cluster 3", "propose p1 red", "deliver all"])
    _ = interpreter.execute("check crashes=0 recoveries=0 timeouts=0")
    let result = interpreter.execute("check apply stuck")
    guard case .error(let error) = result.outcome else {
      Issue.record("check apply stuck ran: \(result.outcome)")
      return
    }
    #expect(
      error.message == "the last check found no stuck state, so there is no schedule to apply")
  }

  // MARK: Help and completion

  @Test func helpCheckGivesTheDefaultsWhatCountsAsTheSameStateAndThatItIsNoProof() throws {
    let text = try Help.text("check").joined(separator: "\n")
    let defaults = CheckOptions()
    for bound in CheckOptions.Bound.allCases {
      #expect(text.contains("\(bound.rawValue)=") && text.contains("(\(defaults[bound]))"))
    }
    #expect(text.contains("multiset"))
    #expect(text.contains("message numbers"))
    #expect(text.contains("not a proof"))
    #expect(try Help.text(nil).contains { $0.hasPrefix("  check ") })
  }

  func offers(_ line: String) -> [String] {
    let interpreter = Interpreter.running(Self.duel)
    return Completion.candidates(
      line: line, cursor: line.utf8.count, cluster: interpreter.cluster,
      timeline: interpreter.timeline)
  }

  @Test func completionOffersApplyAndTheOptionsNotGivenYet() {
    let options = CheckOptions.Bound.allCases.map { $0.rawValue + "=" } + ["symmetry"]
    #expect(offers("check ") == ["apply"] + options)
    #expect(offers("check depth=3 ") == options.filter { $0 != "depth=" })
    #expect(offers("check sy") == ["symmetry"])
    #expect(offers("check apply ") == ["stuck"])
    #expect(offers("check apply stuck ") == [])
  }
}
