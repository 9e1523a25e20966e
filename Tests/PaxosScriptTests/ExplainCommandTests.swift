import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// Plain `explain` tells the story of the last command that did something worth explaining:
/// every notable event of its steps, in order, or the highlights of a long one.
@Suite struct ExplainCommandTests {
  /// Where each of `parts` first appears in `text`, in order; nil for a missing one.
  static func positions(of parts: [String], in text: String) -> [String.Index?] {
    parts.map { text.range(of: $0)?.lowerBound }
  }

  @Test func afterDeliverAllTheWholeCommandIsToldInOrder() {
    let text = ExplainTests.explain(["cluster 3 1 1", "propose p1 red", "deliver all"])
    #expect(text.hasPrefix("'deliver all' took 15 steps, from time 2 to 16:"), "\(text)")
    let positions = Self.positions(
      of: ["p1 proposes its own value red", "red is chosen", "l1 learned red"], in: text)
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
  }

  @Test func everyStepOfACommandIsTold() {
    let text = ExplainTests.explain(["cluster 3 1 1", "crash a2 a3"])
    #expect(text.hasPrefix("'crash a2 a3' took 2 steps, from time 1 to 2:"))
    #expect(text.contains("a2 crashed"))
    #expect(text.contains("a3 crashed"))
  }

  /// Each step is told as things stood then, not as they stand at the end of the command.
  @Test func eachStepSaysHowManyAcceptorsWereUpThen() {
    let text = ExplainTests.explain(["cluster 3 1 1", "crash a2 a3"])
    let positions = Self.positions(
      of: [
        "a2 crashed", "2 of 3 acceptors are up", "a3 crashed", "1 of 3 acceptors is up",
      ], in: text)
    #expect(positions.allSatisfy { $0 != nil }, "\(text)")
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
  }

  @Test func aChoiceNamesTheAcceptorsThatHadAcceptedThenNotLater() {
    let text = ExplainTests.explain(["cluster 3 1 1", "propose p1 red", "deliver all"])
    #expect(text.contains("red is chosen: a1 a2 accepted 1.p1, a quorum (2 of 3)"), "\(text)")
  }

  @Test func aLaterBallotsQuorumForTheChosenValueIsToldAsAChoiceAgain() {
    let text = ExplainTests.explain([
      "cluster 3 2 1", "propose p1 red", "deliver all", "propose p2 blue", "deliver all",
    ])
    #expect(
      text.contains(
        "red is chosen again: a1 a2 accepted 1.p2, a quorum (2 of 3);"
          + " it has been the chosen value since 1.p1 (at time "), "\(text)")
    #expect(!text.contains("any later quorum"), "\(text)")
  }

  @Test func aOneStepCommandNeedsNoHeading() {
    let text = ExplainTests.explain(["cluster 3 1 1", "propose p1 red"])
    #expect(text.hasPrefix("at time 1:"))
  }

  /// The case: the last delivery was a nack refusing p1's own ballot, not p1's start.
  @Test func theLastDeliveryIsToldEvenWhenItChangedNothing() {
    let text = ExplainTests.explain([
      "cluster 3 1 1", "propose p1 red", "duplicate p1->a1", "deliver p1->a1", "deliver p1->a1",
      "deliver 6",
    ])
    #expect(text.hasPrefix("at time 5:\n  p1 ignores a1's nack for 1.p1: "), "\(text)")
    #expect(text.contains("so p1's attempt goes on"), "\(text)")
    #expect(!text.contains("started phase 1"), "\(text)")
  }

  @Test func aCommandThatOnlyMovedMessagesIsToldAll() {
    let text = ExplainTests.explain([
      "cluster 3 1 1", "crash a2 a3", "propose p1 red", "deliver p1->a1",
    ])
    #expect(text.hasPrefix("at time 4:\n  a1 promised 1.p1"), "\(text)")
  }

  @Test func aLongCommandWithNothingNotableTellsItsFirstSteps() {
    // Red is chosen, known and learned; only a4's and a5's part is left.
    let quorumDone =
      ["a1", "a2", "a3"].flatMap { ["deliver p1->\($0)", "deliver \($0)->p1"] }
      + ["a1", "a2", "a3"].flatMap {
        ["deliver p1->\($0)", "deliver \($0)->p1", "deliver \($0)->l1"]
      }
    let text = ExplainTests.explain(
      ["cluster 5 1 1", "propose p1 red"] + quorumDone + ["deliver all"])
    #expect(
      text.hasPrefix(
        "'deliver all' took 10 steps, from time 17 to 26, moving messages along:\nat time 17:\n"
          + "  a4 promised 1.p1"),
      "\(text)")
    #expect(
      text.contains("p1 ignores a4's promise for 1.p1: it already knows red is chosen"), "\(text)")
    #expect(text.contains("l1 already learned red"), "\(text)")
  }

  @Test func undoTellsTheCommandThatIsLastAgain() {
    let text = ExplainTests.explain([
      "cluster 3 1 1", "propose p1 red", "deliver all", "crash a1 a2", "undo",
    ])
    #expect(text.hasPrefix("'deliver all' took 15 steps"))
    #expect(!text.contains("crashed"))
  }

  @Test func aLongRunIsToldInBrief() {
    let text = ExplainTests.explain([
      "cluster 5 3 1", "set backoff none", "propose p1 red", "propose p2 blue",
      "propose p3 green", "run steps=3000 seed=7",
    ])
    let lines = text.split(separator: "\n")
    #expect(lines.count <= 40)
    #expect(lines.first?.contains("events worth explaining; those that matter most:") == true)
    #expect(text.contains("red is chosen"))
    #expect(text.contains("was refused"))
    #expect(lines.last?.hasPrefix("not told: ") == true)
    #expect(text.contains("refusals (p1 "))
    #expect(text.hasSuffix("'explain TIME' tells the step at that time"))
  }

  /// The case: a run of 10 steps moved the clock from 4 to 103, as the retry timer
  /// fired twice with nothing else to do; the heading counts the one and spans the other.
  @Test func aRunThatJumpsTheClockCountsItsStepsApartFromItsTime() {
    let script = ["cluster 3 1 1", "crash a2 a3", "propose p1 red", "run steps=10"]
    let text = ExplainTests.explain(script)
    #expect(text.hasPrefix("'run steps=10' took 10 steps, from time 4 to 103:"), "\(text)")
    #expect(text.contains("at time 53:\n  p1 started phase 1 with 2.p1"), "\(text)")
    #expect(Interpreter.running(script).cluster.time == 103)
  }
}

/// A last command that found nothing to do says so, naming itself.
@Suite struct ExplainQuietCommandTests {
  @Test(arguments: [
    ("deliver all", "'deliver all' did nothing: no message was in flight"),
    ("heal", "'heal' did nothing: there was no partition to heal"),
    ("run steps=5", "'run steps=5' did nothing: no message was in flight and no retry timer"),
  ])
  func aCommandThatDidNothingSaysSo(_ command: String, _ says: String) {
    let cluster = Interpreter.running(["cluster 3 1 1"]).cluster
    let lines = QuietCommand.lines(Timeline.Entry(text: command), in: cluster)
    #expect(lines.first?.hasPrefix(says) == true, "\(lines)")
  }
}

/// A line that found nothing to do is not kept in the history, yet `explain` right after it
/// answers about it, not about the command before.
@Suite struct ExplainIdleLineTests {
  @Test(arguments: [
    (["propose p1 red", "deliver all", "deliver all"], "'deliver all' did nothing"),
    (["propose p1 red", "deliver all", "heal"], "'heal' did nothing"),
  ])
  func theIdleLineIsExplained(_ lines: [String], _ says: String) {
    let text = ExplainTests.explain(["cluster 3 1 1"] + lines)
    #expect(text.hasPrefix(says), "\(text)")
  }

  @Test func aCommandAfterTheIdleLineIsExplainedAgain() {
    let text = ExplainTests.explain(["cluster 3 1 1", "heal", "crash a2"])
    #expect(text.contains("a2 crashed") && !text.contains("'heal'"), "\(text)")
  }
}
