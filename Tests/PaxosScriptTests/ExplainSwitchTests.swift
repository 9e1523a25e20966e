import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// With two teaching switches on, `explain` blames the one the trace shows at work, and says
/// the other is on without blaming it.
@Suite struct ExplainSwitchTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let guilty: String
    let innocent: String
    /// Commands after `CLUSTER` and `set bug GUILTY INNOCENT` that break a safety property.
    let schedule: [String]
    /// What the blame says the switch did.
    let deed: String
    var cluster = "cluster 3 2 1"
    /// The property broken, as the violation names it.
    var broken = "agreement"

    var testDescription: String {
      guilty + (cluster.hasSuffix(" log") ? " in a log" : "")
        + (broken.hasPrefix("applied logs: l2") ? ", caught on the learner that waited" : "")
    }
  }

  /// p1 gets red chosen by a1 and a2.
  static let redChosen = [
    "propose p1 red", "deliver p1->a1", "deliver p1->a2", "deliver a1->p1", "deliver a2->p1",
    "deliver p1->a1", "deliver p1->a2",
  ]

  static let cases = [
    Case(
      guilty: "ignore-accepted", innocent: "no-persist",
      schedule: redChosen + [
        "propose p2 blue", "deliver p2->a2", "deliver p2->a3", "deliver a2->p2", "deliver a3->p2",
        "deliver p2->a2", "deliver p2->a3",
      ],
      deed: "p2 proposed blue under 1.p2 at time 12 although a2 reported having accepted 1.p1"),
    Case(
      guilty: "no-persist", innocent: "ignore-accepted",
      schedule: redChosen + [
        "crash a1 a2", "recover a1 a2", "propose p2 blue", "deliver p2->a1", "deliver p2->a2",
        "deliver a1->p2", "deliver a2->p2", "deliver p2->a1", "deliver p2->a2",
      ],
      deed: "a1 came back at time 10 reading nothing from its disk, though it had accepted 1.p1"),
    Case(
      guilty: "small-quorum", innocent: "ignore-accepted",
      schedule: [
        "partition p1 a1 | p2 a3", "propose p1 red", "propose p2 blue", "deliver all",
      ],
      deed: "the acceptors that chose red (a1) and those that chose blue (a3) have none in common"),
    Case(
      guilty: "accept-any", innocent: "forget-ballot",
      schedule: [
        "propose p1 red", "deliver p1->a1", "deliver p1->a2", "deliver a1->p1", "deliver a2->p1",
        "propose p2 blue", "deliver p2->a2", "deliver p2->a3", "deliver a2->p2", "deliver a3->p2",
        "deliver p2->a2", "deliver p2->a3", "deliver p1->a1", "deliver p1->a2",
      ],
      deed: "a2 accepted 1.p1 = red at time 14 although it had promised 1.p2"),
    Case(
      guilty: "forget-ballot", innocent: "accept-any",
      schedule: [
        "propose p1 red", "deliver p1->a1", "deliver p1->a2", "deliver p1->a3",
        "duplicate a1->p1", "deliver a1->p1", "deliver a2->p1", "deliver p1->a1",
        "deliver p1->a2", "crash p1", "recover p1", "propose p1 blue", "deliver a3->p1",
        "deliver a1->p1", "deliver all",
      ],
      deed: "p1 started 1.p1 at time 1 and again at time 12, having forgotten it used it"),
    Case(
      guilty: "reply-first", innocent: "ignore-accepted",
      schedule: redChosen + [
        "crash a1", "recover a1", "propose p2 blue", "deliver p2->a1", "deliver p2->a3",
        "deliver a1->p2", "deliver a3->p2", "deliver p2->a1", "deliver p2->a3",
      ],
      deed: "a1 came back at time 9 reading minProposal 1.p1 from its disk, though it had"
        + " accepted 1.p1"),
    Case(
      guilty: "ignore-accepted", innocent: "no-dedup",
      schedule: ["request p1 put x 1", "deliver all", "request p2 put y 2", "deliver all"],
      deed: "p2 led with 1.p2 at time 22 and proposed put y 2 in slot 1 although a1 reported"
        + " having accepted put x 1 there under 1.p1", cluster: "cluster 3 2 1 log",
      broken: "agreement: put y 2 is chosen in slot 1 under 1.p2"),
    Case(
      guilty: "no-dedup", innocent: "skip-gaps",
      schedule: ["request p1 append x a", "deliver all", "retry r1 p1", "deliver all"],
      deed: "l1 applied r1 again instead of skipping the copy", cluster: "cluster 3 1 1 log",
      broken: "at most once: l1 applies r1 append x a again in slot 2"),
    Case(
      guilty: "skip-gaps", innocent: "no-dedup",
      schedule: [
        "request p1 put x 1", "deliver all", "request p1 put x 2", "request p1 put x 3",
        "deliver p1->a1", "deliver p1->a2", "deliver a1->l2", "deliver a2->l2", "drop a1->l1",
        "drop a2->l1", "deliver p1->a1", "deliver p1->a2", "deliver a1->l1", "deliver a2->l1",
      ],
      deed: "l1 applied slot 3 as its command number 2, past a gap", cluster: "cluster 3 1 2 log",
      broken: "applied logs: l1 applied [3] put x 3 as its command number 2, where l2 applied"
        + " [2] put x 2"),
    // The check catches l2, which waited, when it applies after l1 went past the gap: the
    // blame is l1's all the same.
    Case(
      guilty: "skip-gaps", innocent: "no-dedup",
      schedule: [
        "request p1 put x 1", "deliver all", "request p1 put x 2", "request p1 put x 3",
        "deliver p1->a1", "deliver p1->a2", "drop a1->l1", "drop a2->l1", "deliver p1->a1",
        "deliver p1->a2", "deliver a1->l1", "deliver a2->l1", "deliver a1->l2", "deliver a2->l2",
      ],
      deed: "l1 applied slot 3 as its command number 2, past a gap", cluster: "cluster 3 1 2 log",
      broken: "applied logs: l2 applied [2] put x 2 as its command number 2, where l1 applied"
        + " [3] put x 3"),
  ]

  @Test(arguments: cases)
  func theSwitchAtWorkIsBlamedAndTheOtherIsNot(_ test: Case) {
    let text = ExplainTests.explain(
      [test.cluster, "set bug \(test.guilty) \(test.innocent)"] + test.schedule)
    #expect(text.contains("safety is broken: \(test.broken)"), "\(text)")
    #expect(text.contains("bug \(test.guilty) is to blame: \(test.deed)"))
    #expect(!text.contains("bug \(test.innocent) is to blame"))
    #expect(text.contains("bug \(test.innocent) is on too; nothing in the trace shows it"))
    #expect(!text.contains("one of these is to blame"))
  }

  @Test func everySwitchCanBeBlamed() {
    #expect(Set(Self.cases.map(\.guilty)) == Set(Bug.allCases.map(\.rawValue)))
  }

  @Test func aPromiseTakenBackBlamesTheLostDisk() {
    let text = ExplainTests.explain(
      ["cluster 3 2 1", "set bug no-persist accept-any"] + Self.redChosen + [
        "crash a1", "recover a1",
      ])
    #expect(text.contains("safety is broken: promise: a1 had promised 1.p1, and has forgotten it"))
    #expect(text.contains("bug no-persist is to blame: a1 came back from its crash without its"))
    #expect(!text.contains("bug accept-any is to blame"))
  }
}

/// A proposer that heard of no accepted value concludes nothing lower was chosen; with a switch
/// that makes acceptors forget, `explain` says that conclusion is unsafe instead of stating it.
@Suite struct ExplainForgetfulAcceptorTests {
  @Test(arguments: ["no-persist", "none"])
  func theProposersConclusionIsQualifiedWhenAcceptorsMayForget(_ bug: String) {
    let text = ExplainTests.explain([
      "cluster 3 2 1", "set bug \(bug)", "propose p1 red", "deliver all",
    ])
    let qualified = "so p1 concludes that no lower ballot was chosen, which holds only while"
    #expect(text.contains(qualified) == (bug != "none"), "\(text)")
    #expect(text.contains("so no lower ballot can have been chosen") == (bug == "none"), "\(text)")
  }
}
