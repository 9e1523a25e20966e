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
    #expect(text.contains("nothing worth explaining has happened yet"))
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

  @Test func aStepIsExplainedOnItsOwn() {
    let text = Self.explain(Self.redChosenThenP2Promised, "explain 5")
    #expect(text.hasPrefix("step 5:"))
    #expect(text.contains("p1 proposes its own value red"))
    #expect(Self.explain(["cluster 3"], "explain 40").contains("nothing happened then"))
  }

  @Test func aLongRunIsNotScannedWhole() {
    var cluster = Interpreter.running(["cluster 3 1 1", "propose p1 red", "run"]).cluster
    let window = { (entries: ChunkedLog<TraceEntry>) in
      max(0, entries.count - Explanation.lookback)..<entries.count
    }
    let entries = cluster.trace.entries
    #expect(Explanation.lastNotable(in: entries, within: window(entries)) != nil)
    cluster.reset()
    let emptied = cluster.trace.entries
    #expect(Explanation.lastNotable(in: emptied, within: window(emptied)) == nil)
  }
}
