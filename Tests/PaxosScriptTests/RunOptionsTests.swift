import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// `run ... until violation` and `run ... brief`: kept in the history as typed, so that a
/// replay does the same.
@Suite struct RunOptionsTests {
  /// Three proposers and a quorum too small to overlap: seed 6 breaks agreement at time 70.
  static let smallQuorums = [
    "cluster 5 3 1", "set bug small-quorum", "propose p1 red", "propose p2 blue",
    "propose p3 green",
  ]

  @Test func untilViolationStopsAtTheStepThatBreaksSafety() throws {
    let stopped = Interpreter.running(Self.smallQuorums + ["run seed=6 until violation"])
    let last = try #require(stopped.cluster.trace.entries.last)
    #expect(last.event.isViolation)
    let onwards = Interpreter.running(Self.smallQuorums + ["run seed=6"])
    #expect(onwards.cluster.time > stopped.cluster.time)
    #expect(onwards.cluster.violations.first == stopped.cluster.violations.first)
  }

  @Test func aSafeRunSaysItFoundNoViolation() {
    var interpreter = Interpreter.running(["cluster 3 2 1", "propose p1 red"])
    let result = interpreter.execute("run until violation")
    guard case .run(let summary)? = result.note else {
      Issue.record("run failed: \(result.outcome)")
      return
    }
    #expect(summary.untilViolation && !summary.stoppedAtViolation && summary.quiescent)
  }

  @Test func aReplayOfTheHistoryDoesTheSame() {
    let lines = Self.smallQuorums + ["run seed=6 until violation brief"]
    let original = Interpreter.running(lines)
    #expect(original.timeline.entries.map(\.text) == lines)
    let replayed = Interpreter.running(original.timeline.entries.map(\.text))
    #expect(replayed.cluster == original.cluster)
  }

  /// An interrupted run is kept as the steps it took, with its other options.
  @Test func anInterruptedRunKeepsItsOptions() {
    var interpreter = Interpreter.running(
      ["cluster 5 3 1", "set backoff none", "set timeout 3", "propose p1 a", "propose p2 b"])
    interpreter.interrupted = { _, _ in true }
    let result = interpreter.execute("run steps=100000 seed=4 until violation brief")
    #expect(result.recorded == ["run steps=1023 seed=4 until violation brief"])
  }

  @Test func briefLeavesTheClusterAsTheFullRunDoes() {
    let brief = Interpreter.running(Self.smallQuorums + ["run seed=3 brief"])
    let full = Interpreter.running(Self.smallQuorums + ["run seed=3"])
    #expect(brief.cluster == full.cluster)
  }
}
