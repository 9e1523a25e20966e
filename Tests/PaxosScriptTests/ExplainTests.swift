import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// `explain` names the facts behind the last thing that happened: who, which ballot, which
/// acceptors, which rule.
@Suite struct ExplainTests {
  /// p1 gets red accepted by a1 and a2 (chosen); p2 then gets promises from a2 and a3.
  static let redChosenThenP2Promised = [
    "cluster 3 2 1", "propose p1 red", "deliver p1->a1", "deliver p1->a2", "deliver a1->p1",
    "deliver a2->p1", "deliver p1->a1", "deliver p1->a2", "propose p2 blue", "deliver p2->a2",
    "deliver p2->a3", "deliver a2->p2", "deliver a3->p2",
  ]

  static func explain(_ lines: [String], _ command: String = "explain") -> String {
    var interpreter = Interpreter.running(lines)
    return transcript(of: command, in: &interpreter).joined(separator: "\n")
  }

  @Test func withoutAClusterItSaysHowToStart() {
    #expect(Self.explain([]).contains("'cluster 3'"))
  }

  @Test func beforeAnythingHappensItSuggestsAProposal() {
    let text = Self.explain(["cluster 3 1 1"])
    #expect(text.contains("nothing has happened yet"))
    #expect(text.contains("'propose p1 red'"))
  }

  @Test func anAdoptionNamesTheReporterAndTheSharedAcceptor() {
    let text = Self.explain(Self.redChosenThenP2Promised)
    #expect(text.contains("p2 adopted red under 1.p2"))
    #expect(text.contains("a2 reported having accepted 1.p1 = red"))
    #expect(text.contains("1.p1 was accepted by a1 a2: a quorum"))
    #expect(text.contains("a2 lies in both"))
  }

  @Test func anOwnValueSaysNobodyReportedOne() {
    let text = Self.explain(Array(Self.redChosenThenP2Promised.prefix(6)))
    #expect(text.contains("p1 proposes its own value red under 1.p1"))
    #expect(text.contains("(a1 a2) reported"))
  }

  @Test func aChoiceNamesItsQuorum() {
    let text = Self.explain(Array(Self.redChosenThenP2Promised.prefix(8)))
    #expect(text.contains("red is chosen: a1 a2 accepted 1.p1, a quorum (2 of 3)"))
  }

  @Test func aRefusalNamesWhoPromisedWhat() {
    let text = Self.explain(Self.redChosenThenP2Promised + ["deliver p1->a3", "deliver a3->p1"])
    #expect(text.contains("1.p1 was refused: a3 answered nack, having promised 1.p2"))
    #expect(text.contains("p1 will try again with a higher round"))
  }

  /// A refusal's reason holds at its step: the higher ballot's promises are still in flight.
  @Test func aRefusalBeforeTheHigherBallotPickedItsValueSaysItWillPick() {
    let text = Self.explain([
      "cluster 3 2 1", "propose p1 red", "propose p2 blue", "deliver p2->a1", "deliver p1->a1",
      "deliver a1->p1",
    ])
    #expect(text.contains("the proposer of 1.p2 will pick its value from the promises it gets"))
    #expect(!text.contains("picked"), "\(text)")
  }

  @Test func aRefusalAfterTheHigherBallotPickedItsValueSaysWhichAndWhen() {
    let text = Self.explain(Self.redChosenThenP2Promised + ["deliver p1->a3", "deliver a3->p1"])
    #expect(
      text.contains(
        "the proposer of 1.p2 picked its value, red, from the promises it got (at time 12)"),
      "\(text)")
  }

  /// Issue 11: no retry is promised past the last round there is.
  @Test func aProposerOutbidAtTheLastRoundWillNotTryAgain() {
    let text = Self.explain([
      "cluster 3 2 1", "propose p1 red", "prepare p2 9223372036854775807 blue",
      "deliver p2->a1", "deliver p1->a1", "deliver a1->p1",
    ])
    #expect(text.contains("p1 will not try again: it has no round left"), "\(text)")
    #expect(!text.contains("will try again with a higher round"), "\(text)")
  }

  @Test func theLastRoundSaysNoRetryWillFollowIt() {
    let text = Self.explain(["cluster 3 1 1", "prepare p1 9223372036854775807"])
    #expect(
      text.contains(
        "9223372036854775807 is the highest round there is, so if this attempt"
          + " fails p1 has no round left to try again with"), "\(text)")
  }

  @Test func aDownMajorityBlocksEveryChoice() {
    let text = Self.explain(["cluster 3 1 1", "crash a2 a3", "propose p1 red", "deliver all"])
    #expect(text.contains("was lost: a3 is down"))
    #expect(
      text.contains("nothing can be chosen now: only 1 of 3 acceptors is up and a quorum needs 2"))
  }

  @Test func aPartitionWithoutAQuorumSideBlocksEveryChoice() {
    let text = Self.explain([
      "cluster 3 1 1", "partition p1 a1 | a2 | a3", "propose p1 red", "deliver all",
    ])
    #expect(text.contains("on different sides of the partition"))
    #expect(text.contains("nothing can be chosen while the partition lasts"))
  }

  @Test func aSwitchThatBreaksAgreementIsNamedWithItsRule() {
    let script =
      ["cluster 3 2 1", "set bug ignore-accepted"] + Self.redChosenThenP2Promised.dropFirst()
    let ignored = Self.explain(script)
    #expect(ignored.contains("although a2 reported having accepted 1.p1 = red"))
    #expect(ignored.contains("bug ignore-accepted is on"))
    let broken = Self.explain(script + ["deliver p2->a2", "deliver p2->a3"])
    #expect(broken.contains("safety is broken: agreement: blue is chosen under 1.p2"))
    #expect(broken.contains("bug ignore-accepted is to blame: p2 proposed blue under 1.p2"))
    #expect(broken.contains("highest accepted ballot"))
    #expect(!broken.contains("every later ballot proposes blue"))
  }

  @Test func aTimeIsExplainedOnItsOwnAndSaysItIsEarlier() {
    let text = Self.explain(Self.redChosenThenP2Promised, "explain 5")
    #expect(text.hasPrefix("at time 5, an earlier moment (it is now time 12):"))
    #expect(text.contains("p1 proposes its own value red"))
  }

  /// A time the clock jumped over had no step; a time still to come has none yet.
  @Test func aTimeWithoutAStepSaysWhy() {
    let waited = ["cluster 3 1 1", "crash a2 a3", "propose p1 red", "run steps=10"]
    #expect(
      Self.explain(waited, "explain 20") == "at time 20: nothing happened then; it is now time 103")
    #expect(
      Self.explain(waited, "explain 104") == "time 104 has not come yet: it is now time 103")
    #expect(
      Self.explain(["cluster 3"], "explain 40") == "time 40 has not come yet: it is now time 0")
  }

  @Test func aLongRunIsNotScannedWhole() {
    let text = Self.explain([
      "cluster 5 3 1", "set backoff none", "propose p1 red", "propose p2 blue",
      "propose p3 green", "run steps=20000 seed=7",
    ])
    #expect(
      text.contains("; explain reads its last \(Explanation.lookback) trace entries, from time"),
      "\(text)")
  }
}
