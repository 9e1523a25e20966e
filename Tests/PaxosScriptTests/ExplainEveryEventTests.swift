import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// `explain` answers about the last command, whatever it did: every kind of event a command
/// can produce has words of its own, routine ones included.
@Suite struct ExplainEveryEventTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let script: [String]
    /// What the answer must say about the last command.
    let says: String

    var testDescription: String { name }
  }

  static let proposed = ["cluster 3 1 1", "propose p1 red"]
  /// p1 has promises from a1 and a2 and sent its accepts.
  static let inPhase2 =
    proposed + ["deliver p1->a1", "deliver p1->a2", "deliver a1->p1", "deliver a2->p1"]
  static let redChosen = inPhase2 + ["deliver p1->a1", "deliver p1->a2"]
  /// p1 is preparing 1.p1 and p2 1.p2; a1 promised 1.p2.
  static let p2Ahead = [
    "cluster 3 2 1", "propose p1 red", "propose p2 blue", "deliver p2->a1",
  ]

  // In a log cluster.
  static let log = ["cluster 3 2 2 log"]
  /// p1 leads with 1.p1 and sent its accepts for r1 in slot 1.
  static let leading =
    log + [
      "request p1 put x 1", "deliver p1->a1", "deliver p1->a2", "deliver a1->p1",
      "deliver a2->p1",
    ]
  static let slotChosen = leading + ["deliver p1->a1", "deliver p1->a2"]
  static let steady = log + ["request p1 put x 1", "deliver all"]
  /// p1 led and proposed slots 1 to 3; slot 2's accept reached a1 only; l1 learned slot 3;
  /// p2 has promises from a2 and a3.
  static let gap =
    steady + [
      "request p1 append x 2", "request p1 append x 3", "deliver p1->a1", "drop p1->a2",
      "drop p1->a3", "deliver p1->a1", "deliver p1->a2", "deliver p1->a3", "deliver a2->l1",
      "deliver a3->l1",
    ]
  static let p2Leads =
    gap + [
      "timeout p2", "deliver p2->a2", "deliver p2->a3", "deliver a2->p2", "deliver a3->p2",
    ]
  /// l2 was down while r1 was chosen, and asked p1 for what it missed.
  static let catchup = [
    "cluster 3 1 2 log", "crash l2", "request p1 put x 1", "deliver all", "recover l2",
    "catchup l2", "deliver l2->p1",
  ]

  static let logCases = [
    Case(
      name: "a log cluster", script: log,
      says: "nothing has happened yet: try 'request p1 put x 1', then 'deliver' one message"),
    Case(
      name: "a request", script: log + ["request p1 put x 1"],
      says: "a client hands request r1 (put x 1) to p1; the id stays with it"),
    Case(
      name: "a request held", script: log + ["request p1 put x 1", "request p1 put y 2"],
      says: "p1 holds r2: it does not lead yet, and only a leader gives a request a slot"),
    Case(
      name: "a leadership", script: leading,
      says: "p1 leads with 1.p1: a1 a2 promised it, a quorum; one phase 1 covers every slot"),
    Case(
      name: "a held request proposed", script: leading,
      says: "p1 puts r1, which it held while its phase 1 ran, in slot 1"),
    Case(
      name: "a vote in a slot", script: leading + ["deliver p1->a1"],
      says: "a1 accepted 1.p1 in slot 1 (put x 1): it had promised no higher ballot; it wrote its"
        + " vote to disk before telling anyone; 1 of the 2 votes slot 1 needs (a1)"),
    Case(
      name: "a slot chosen", script: slotChosen,
      says: "put x 1 is chosen in slot 1: a1 a2 accepted 1.p1 in slot 1, a quorum (2 of 3)"),
    Case(
      name: "an acceptance counted by the leader", script: slotChosen + ["deliver a1->p1"],
      says: "p1 counted a1's acceptance of 1.p1 in slot 1: 1 of the 2 it needs to know the slot"
        + " chosen"),
    Case(
      name: "a slot known chosen", script: slotChosen + ["deliver a1->p1", "deliver a2->p1"],
      says: "p1 knows put x 1 is chosen in slot 1: a1 a2 reported accepting 1.p1 there, a quorum"),
    Case(
      name: "an acceptance counted by a learner", script: slotChosen + ["deliver a1->l1"],
      says: "l1 counted a1's acceptance of 1.p1 in slot 1 (put x 1): 1 of the 2 it needs"),
    Case(
      name: "a slot learned", script: slotChosen + ["deliver a1->l1", "deliver a2->l1"],
      says: "l1 learned slot 1, put x 1: acceptors told it they accepted 1.p1 there"),
    Case(
      name: "a slot applied", script: slotChosen + ["deliver a1->l1", "deliver a2->l1"],
      says: "l1 applied slot 1, put x 1 (r1), to its store: every slot below it was applied; it"
        + " is the first learner to apply r1, so the client's reply is what it computed, ok"),
    Case(
      name: "a stable leader's request", script: steady + ["request p1 put y 2"],
      says: "p1 leads with 1.p1, so it puts r2 in its next free slot, [2], at once: an accept to"
        + " each acceptor and no prepare"),
    Case(
      name: "a retry", script: steady + ["retry r1 p1"],
      says: "the client sends r1 (put x 1) again, to p1, with the same id"),
    Case(
      name: "a request known chosen", script: steady + ["timeout p1", "retry r1 p1"],
      says: "p1 already knows r1 is chosen, in slot 1, so it proposes nothing"),
    Case(
      name: "a copy skipped",
      script: steady + [
        "retry r1 p1", "deliver p1->a1", "deliver p1->a2", "deliver a1->l1", "deliver a2->l1",
      ],
      says: "l1 skipped slot 2: it holds r1 (put x 1), which l1 already applied in slot 1"),
    Case(
      name: "a wait at a gap", script: gap,
      says: "l1 learned [3] but applies the log strictly in slot order, so it waits for slot 2"),
    Case(
      name: "a slot adopted", script: p2Leads,
      says: "p2 proposes put x 1 again in slot 1, under 1.p2: a2 reported accepting it there"
        + " under 1.p1, the highest ballot the promises (from a2 a3) report for slot 1"),
    Case(
      name: "a no-op fill", script: p2Leads,
      says: "p2 fills slot 2 with a no-op: none of the promises it counted (a2 a3) reports slot"
        + " 2"),
    Case(
      name: "a displaced request", script: p2Leads,
      says: "a1 had accepted append x 2 there under 1.p1, but it was not among the promises: r2"
        + " is displaced from slot 2"),
    Case(
      name: "a promise with a report", script: p2Leads.dropLast(),
      says: "p2 counted a2's promise for 1.p2: 1 of the 2 it needs; it reports every slot it"
        + " accepted: [1] 1.p1 put x 1, [3] 1.p1 append x 3"),
    Case(
      name: "a promise in a log", script: gap + ["timeout p2", "deliver p2->a2"],
      says: "a2 promised 1.p2: it had promised no ballot as high"),
    Case(
      name: "a leadership ended",
      script: steady + [
        "timeout p2", "deliver p2->a1", "request p1 put y 2", "deliver p1->a1", "deliver a1->p1",
      ],
      says: "p1's leadership under 1.p1 ended: a1 refused its accept for slot 2 with a nack,"
        + " having promised 1.p2, a higher ballot"),
    Case(
      name: "an acceptor's recovery in a log", script: steady + ["crash a1", "recover a1"],
      says: "a1 recovered from its disk (it read minProposal 1.p1; 1 accepted slot)"),
    Case(
      name: "a learner's crash in a log", script: steady + ["crash l1"],
      says: "l1 crashed: it stops answering; its disk keeps the slots it learned and its store"),
    Case(
      name: "a learner's recovery", script: steady + ["crash l1", "recover l1"],
      says: "l1 recovered from its disk (it read 1 learned slot, applied up to slot 1"),
    Case(
      name: "a catch-up asked", script: steady + ["catchup l2"],
      says: "l2 asks p1 p2 l1 for the chosen slots it lacks, telling them it has [1]"),
    Case(
      name: "a catch-up answered", script: catchup,
      says: "p1 answered l2's catch-up request (it has learned nothing yet) with every slot it"
        + " knows chosen that l2 lacks: [1] put x 1"),
    Case(
      name: "a catch-up answer learned", script: catchup + ["deliver p1->l2"],
      says: "l2 learned slot 1, put x 1, from p1's catch-up answer"),
  ]

  static let decreeCases = [
    Case(
      name: "promise", script: proposed + ["deliver p1->a3"],
      says: "a3 promised 1.p1: it had promised no ballot as high, so from now on it ignores"
        + " every ballot below 1.p1; it wrote the promise to disk before answering"),
    Case(
      name: "nack of a prepare for the ballot promised",
      script: proposed + ["duplicate p1->a1", "deliver p1->a1", "deliver p1->a1"],
      says: "a1 answered nack to the prepare for 1.p1: it had already promised 1.p1, this very"
        + " ballot (this prepare is #4, a copy of #1)"),
    Case(
      name: "nack of a prepare for a lower ballot", script: p2Ahead + ["deliver p1->a1"],
      says: "a1 answered nack to the prepare for 1.p1: it had promised 1.p2, a higher ballot"),
    Case(
      name: "nack of the proposer's own ballot",
      script: proposed + ["duplicate p1->a1", "deliver p1->a1", "deliver p1->a1", "deliver 6"],
      says: "p1 ignores a1's nack for 1.p1: the nack names 1.p1 itself"),
    Case(
      name: "refusal", script: p2Ahead + ["deliver p1->a1", "deliver a1->p1"],
      says: "p1's ballot 1.p1 was refused: a1 answered nack, having promised 1.p2"),
    Case(
      name: "reply to an abandoned ballot",
      script: p2Ahead + ["deliver p1->a1", "deliver a1->p1", "deliver p1->a2", "deliver a2->p1"],
      says: "p1 ignores a2's promise for 1.p1: it abandoned 1.p1 when it heard of 1.p2"),
    Case(
      name: "promise counted", script: proposed + ["deliver p1->a1", "deliver a1->p1"],
      says: "p1 counted a1's promise for 1.p1: 1 of the 2 it needs"),
    Case(
      name: "promise after a quorum", script: inPhase2 + ["deliver p1->a3", "deliver a3->p1"],
      says: "p1 ignores a3's promise for 1.p1: it already had promises from a quorum and went"
        + " on to phase 2 with red, so this reply changes nothing"),
    Case(
      name: "phase 2", script: inPhase2, says: "p1 proposes its own value red under 1.p1"),
    Case(
      name: "adoption", script: ExplainTests.redChosenThenP2Promised,
      says: "p2 adopted red under 1.p2"),
    Case(
      name: "wait for a value",
      script: [
        "cluster 3 1 1", "prepare p1 4", "deliver p1->a1", "deliver p1->a2", "deliver a1->p1",
        "deliver a2->p1",
      ],
      says: "p1 has promises for 4.p1 from a quorum (a1 a2), and none reports an accepted value"),
    Case(
      name: "vote", script: inPhase2 + ["deliver p1->a1"],
      says: "a1 accepted 1.p1 = red: it had promised no higher ballot; it wrote its vote to disk"
        + " before telling anyone; 1 of the 2 votes a choice needs (a1)"),
    Case(
      name: "refused vote",
      script: [
        "cluster 3 2 1", "propose p1 red", "deliver p1->a1", "deliver p1->a2", "deliver a1->p1",
        "deliver a2->p1", "propose p2 blue", "deliver p2->a1", "deliver p1->a1",
      ],
      says: "a1 refused to accept 1.p1: it had promised 1.p2, a higher ballot"),
    Case(name: "choice", script: redChosen, says: "red is chosen: a1 a2 accepted 1.p1"),
    Case(
      name: "choice again",
      script: [
        "cluster 3 2 1", "propose p1 red", "deliver all", "propose p2 blue", "deliver all",
      ],
      says: "red is chosen again: a1 a2 accepted 1.p2"),
    Case(
      name: "acceptance counted", script: redChosen + ["deliver a1->p1"],
      says: "p1 counted a1's acceptance of 1.p1: 1 of the 2 it needs to know the value is chosen"
    ),
    Case(
      name: "decision", script: redChosen + ["deliver a1->p1", "deliver a2->p1"],
      says: "p1 knows red is chosen: a1 a2 reported accepting 1.p1, a quorum"),
    Case(
      name: "learner counting", script: redChosen + ["deliver a1->l1"],
      says: "l1 counted a1's acceptance of 1.p1 = red: 1 of the 2 it needs to learn it"),
    Case(
      name: "learning", script: redChosen + ["deliver a1->l1", "deliver a2->l1"],
      says: "l1 learned red"),
    Case(
      name: "acceptance after learning",
      script: redChosen + [
        "deliver a1->l1", "deliver a2->l1", "deliver p1->a3", "deliver p1->a3", "deliver a3->l1",
      ],
      says: "l1 already learned red and stops counting"),
    Case(
      name: "retry", script: proposed + ["timeout p1"],
      says: "p1 started phase 1 with 2.p1 because its retry timer fired"),
    Case(
      name: "loss to a crash", script: proposed + ["crash a2", "deliver p1->a2"],
      says: "#2 p1 -> a2 prepare 1.p1 was lost: a2 is down"),
    Case(
      name: "loss to a partition",
      script: ["cluster 3 1 1", "partition p1 a1 | a2 a3", "propose p1 red", "deliver p1->a2"],
      says: "#2 p1 -> a2 prepare 1.p1 was lost: p1 and a2 are on different sides"),
    Case(
      name: "drop", script: proposed + ["drop p1->a1"],
      says: "#1 p1 -> a1 prepare 1.p1 was dropped"),
    Case(
      name: "duplicate", script: proposed + ["duplicate p1->a1"],
      says: "the network copied #1 as #4"),
    Case(
      name: "crash", script: proposed + ["deliver p1->a1", "crash a1"],
      says: "a1 crashed: it keeps only its disk (minProposal 1.p1), so no promise it gave is"
        + " forgotten"),
    Case(
      name: "a learner's crash", script: ["cluster 3 1 1", "crash l1"],
      says: "l1 crashed: it stops answering; it forgets what it counted and learned"),
    Case(
      name: "crash with nothing promised",
      script: ["cluster 3 1 1", "set bug no-persist", "crash a1"],
      says: "a1 crashed: it had promised nothing yet, so it forgets nothing"),
    Case(
      name: "crash losing a promise",
      script: ["cluster 3 1 1", "set bug no-persist"] + proposed.dropFirst() + [
        "deliver p1->a1", "crash a1",
      ],
      says: "a1 crashed: its promise of 1.p1 never reached its disk (bug no-persist), so it comes"
        + " back without it"),
    Case(
      name: "acceptor recovery",
      script: proposed + ["deliver p1->a1", "crash a1", "recover a1"],
      says: "a1 recovered from its disk (it read minProposal 1.p1)"),
    Case(
      name: "proposer recovery", script: proposed + ["crash p1", "recover p1"],
      says: "p1 recovered from its disk (it read round 1, so its next ballot goes higher)"),
    Case(
      name: "partition", script: ["cluster 3 1 1", "partition p1 a1 | a2 a3"],
      says: "partition {p1 a1} | {a2 a3} | {l1}"),
    Case(
      name: "heal", script: ["cluster 3 1 1", "partition p1 a1 | a2 a3", "heal"],
      says: "heal: every node reaches every other again"),
    Case(
      name: "violation",
      script: ["cluster 3 2 1", "set bug ignore-accepted"]
        + ExplainTests.redChosenThenP2Promised.dropFirst() + [
          "deliver p2->a2", "deliver p2->a3",
        ],
      says: "safety is broken: agreement"),
    Case(
      name: "a cluster", script: ["cluster 3 1 1"],
      says: "'cluster 3 1 1' changed who is in the cluster: proposers p1 | acceptors a1 a2 a3"),
    Case(
      name: "a cluster with small quorums",
      script: ["cluster 3 1 1", "set bug small-quorum", "add acceptor a4 a5"],
      says: "'add acceptor a4 a5' changed who is in the cluster: proposers p1 | acceptors a1 a2"
        + " a3 a4 a5 | learners l1 (quorum 2 of 5); bug small-quorum makes a quorum smaller"
        + " than a majority, so two quorums need not share an acceptor"),
    Case(
      name: "new nodes", script: ["cluster 3 1 1", "add acceptor a4"],
      says: "'add acceptor a4' changed who is in the cluster"),
    Case(
      name: "backoff", script: ["cluster 3 1 1", "set backoff fixed 7"],
      says: "'set backoff fixed 7' changed a setting, not the cluster; from now on:\n"
        + "  backoff fixed 7: a refused proposer waits 7 ticks"),
    Case(
      name: "timeout", script: ["cluster 3 1 1", "set timeout 30"],
      says: "a proposer whose attempt has not finished after 30 ticks starts over"),
    Case(
      name: "switch", script: ["cluster 3 1 1", "set bug accept-any"],
      says: "bug accept-any is on (acceptors accept ballots below the one they promised): it"
        + " breaks the rule that an acceptor never accepts a ballot below the one it promised"),
    Case(
      name: "a run with nothing to do", script: ["cluster 3 1 1", "run"],
      says: "'run' did nothing: no message was in flight and no retry timer was armed"),
  ]

  static let cases = decreeCases + logCases

  @Test(arguments: cases)
  func theLastCommandIsExplained(_ test: Case) {
    let text = ExplainTests.explain(test.script)
    #expect(text.contains(test.says), "\(text)")
    // A time is never named without a word on what happened then.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (number, line) in lines.enumerated() where line.hasPrefix("at time ") {
      #expect(lines.dropFirst(number + 1).first?.hasPrefix("  ") == true, "\(text)")
    }
  }

  /// Every kind of event is among the last command's events of some case above.
  @Test func theCasesCoverEveryKindOfEvent() {
    var seen: Set<String> = []
    for test in Self.cases {
      var interpreter = Interpreter.running(Array(test.script.dropLast()))
      let result = interpreter.execute(test.script[test.script.count - 1])
      for index in result.events {
        seen.insert(Self.kind(of: interpreter.cluster.trace.entries[index].event))
      }
    }
    #expect(Set(Self.allKinds).subtracting(seen) == [])
  }

  static let allKinds = [
    "sent", "delivered", "dropped", "duplicated", "lost", "crashed", "recovered",
    "restoredAcceptor", "restoredRound", "partitioned", "healed", "persistedAcceptor",
    "persistedRound", "timerFired", "timerArmed", "startedPhase1", "startedPhase2",
    "awaitingValue", "abandoned", "decided", "chosen", "learned", "violation", "requested",
    "holds", "knownChosen", "leads", "proposed", "decidedSlot", "persistedVote", "restoredVotes",
    "restoredLearner", "chosenSlot", "learnedSlot", "applied", "skippedDuplicate", "waits",
    "asksForSlots",
  ]

  /// The case of `event`, by a switch that stops compiling when a case is added.
  static func kind(of event: Event) -> String {
    switch event {
    case .sent: "sent"
    case .delivered: "delivered"
    case .dropped: "dropped"
    case .duplicated: "duplicated"
    case .lost: "lost"
    case .crashed: "crashed"
    case .recovered: "recovered"
    case .restoredAcceptor: "restoredAcceptor"
    case .restoredRound: "restoredRound"
    case .partitioned: "partitioned"
    case .healed: "healed"
    case .persistedAcceptor: "persistedAcceptor"
    case .persistedRound: "persistedRound"
    case .timerFired: "timerFired"
    case .timerArmed: "timerArmed"
    case .startedPhase1: "startedPhase1"
    case .startedPhase2: "startedPhase2"
    case .awaitingValue: "awaitingValue"
    case .abandoned: "abandoned"
    case .decided: "decided"
    case .chosen: "chosen"
    case .learned: "learned"
    case .violation: "violation"
    case .requested: "requested"
    case .holds: "holds"
    case .knownChosen: "knownChosen"
    case .leads: "leads"
    case .proposed: "proposed"
    case .decidedSlot: "decidedSlot"
    case .persistedVote: "persistedVote"
    case .restoredVotes: "restoredVotes"
    case .restoredLearner: "restoredLearner"
    case .chosenSlot: "chosenSlot"
    case .learnedSlot: "learnedSlot"
    case .applied: "applied"
    case .skippedDuplicate: "skippedDuplicate"
    case .waits: "waits"
    case .asksForSlots: "asksForSlots"
    }
  }
}
