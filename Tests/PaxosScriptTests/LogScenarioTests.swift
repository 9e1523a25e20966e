import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// One scenario for each idea of the replicated log, written as a student would type it. The
/// `expect` lines are the assertions: `Interpreter.running` records any that fails.
@Suite struct LogScenarioTests {
  /// The kinds of the messages the last line sent, in order.
  static func sentKinds(by line: String, after lines: [String]) -> [MessageKind] {
    var interpreter = Interpreter.running(lines)
    let result = interpreter.execute(line)
    let trace = interpreter.cluster.trace
    return result.events.compactMap { index in
      guard case .sent(let id) = trace.entries[index].event else { return nil }
      return trace[id].kind
    }
  }

  @Test func aStableLeaderSendsOneAcceptPerAcceptorAndNoPrepare() {
    let start = ["cluster 5 1 1 log", "request p1 put x 1", "deliver all"]
    #expect(
      Self.sentKinds(by: "request p1 put y 2", after: start) == Array(repeating: .accept, count: 5))
    _ = Interpreter.running(
      start + [
        "request p1 put y 2", "expect inflight 5 accept", "expect inflight 0 prepare",
        "deliver all", "expect slot 2 put y 2", "expect applied l1 2", "expect kv l1 y 2",
        "expect leader p1",
      ])
  }

  @Test func aHoleBlocksApplyingUntilANewLeaderFillsItWithANoop() {
    let interpreter = Interpreter.running([
      "cluster 3 1 2 log",
      "request p1 put x 1", "deliver all",
      "request p1 put x 2",  // slot 2: accepts #19 #20 #21
      "request p1 put x 3",  // slot 3: accepts #22 #23 #24
      "drop 19", "drop 20", "drop 21",
      "deliver all",
      "expect slot 2 none", "expect slot 3 put x 3",
      "expect applied l1 1", "expect kv l1 x 1", "expect reply r3 pending",
      // The leader's timer: phase 1 again, which finds the hole and fills it.
      "timeout p1", "deliver all",
      "expect slot 2 noop",
      // The request displaced from slot 2 goes after the highest slot reported.
      "expect slot 4 put x 2",
      "expect applied l1 4", "expect applied l2 4", "expect kv l2 x 2",
      "expect reply r2 ok", "expect reply r3 ok", "expect safe",
    ])
    let waits = interpreter.cluster.trace.entries.filter {
      if case .waits(l1, missing: 2, learned: 3) = $0.event { return true }
      return false
    }
    #expect(waits.count == 1)
  }

  static let minorityAccepted = [
    "cluster 3 2 1 log",
    "request p1 put x 1", "deliver all",
    "request p1 put x 2",
    "deliver p1->a1", "drop p1->a2", "drop p1->a3",  // only a1 accepts slot 2
    "timeout p2",
  ]

  @Test func aSlotAcceptedByAMinorityIsKeptWhenTheNewQuorumSawIt() {
    _ = Interpreter.running(
      Self.minorityAccepted + [
        "deliver p2->a1", "deliver p2->a2", "deliver a1->p2", "deliver a2->p2",
        "expect leader p1 p2",  // p1 has heard nothing yet: both believe they lead
        "deliver all",
        "expect slot 2 put x 2", "expect applied l1 2", "expect safe",
      ])
  }

  @Test func aSlotAcceptedByAMinorityIsReplacedWhenTheNewQuorumDidNotSeeIt() {
    _ = Interpreter.running(
      Self.minorityAccepted + [
        "deliver p2->a2", "deliver p2->a3", "deliver a2->p2", "deliver a3->p2",
        "request p2 put x 9",  // slot 2 again: p2's quorum reported only slot 1
        "deliver all",
        "expect slot 2 put x 9", "expect kv l1 x 9", "expect reply r2 pending",
        // The client's retry brings r2 back, in the next slot.
        "retry r2 p2", "deliver all",
        "expect slot 3 put x 2", "expect reply r2 ok", "expect safe",
      ])
  }

  @Test func duelingLeadersEndWithOneLeaderAndEveryRequestChosen() {
    _ = Interpreter.running([
      "cluster 3 2 1 log",
      "request p1 put x 1", "deliver all",
      "timeout p2", "deliver all",  // p2 takes over with 1.p2
      "request p1 put y 1", "deliver all",  // p1's accept is refused: it stops leading
      "expect leader p2",
      "run seed=1",  // p1's timer fires; it leads again and proposes what it holds
      // p2 sends nothing now, so nothing tells it that it was outbid: both believe they lead.
      "expect leader p1 p2",
      "expect slot 2 put y 1", "expect kv l1 y 1", "expect inflight 0", "expect safe",
    ])
  }

  @Test func aLeaderInAMinorityPartitionCannotChooseAndItsRequestMovesOn() {
    _ = Interpreter.running([
      "cluster 5 2 1 log",
      "request p1 put x 1", "deliver all",
      "partition p1 a1 a2 | p2 a3 a4 a5 l1",
      "request p1 put x 2", "deliver all",
      "expect slot 2 none",
      "timeout p2", "deliver all",
      "request p2 put x 3", "deliver all",
      "expect slot 2 put x 3", "expect kv l1 x 3",
      "heal", "run seed=2",
      // p1's timer: it leads again, adopts slot 2 from the majority, and moves its request on.
      "expect slot 2 put x 3", "expect slot 3 put x 2", "expect kv l1 x 2", "expect safe",
    ])
  }

  @Test func aLearnerThatWasDownCatchesUp() {
    _ = Interpreter.running([
      "cluster 3 1 2 log",
      "request p1 put x 1", "deliver all",
      "crash l2",
      "request p1 append x 2", "deliver all",
      "recover l2",
      "expect applied l2 1", "expect kv l2 x 1",
      "catchup l2",
      "expect inflight 2 catchup",  // to p1 and to l1
      "deliver all",
      "expect applied l2 2", "expect kv l2 x 12",
      // Asking again is answered too, with nothing new.
      "catchup l2", "deliver all", "expect inflight 0", "expect applied l2 2",
    ])
  }

  @Test func aNodeThatIsProposerAndLearnerAnswersACatchupOnce() {
    _ = Interpreter.running([
      "cluster 3 1 1 log", "add proposer+learner s1",
      "request p1 put x 1", "deliver all",
      "catchup l1", "deliver l1->p1", "deliver l1->s1",
      "expect inflight 2 chosen",  // one from p1, one from s1
    ])
  }

  @Test func aRetriedAppendTakesTwoSlotsAndIsAppliedOnce() {
    let interpreter = Interpreter.running([
      "cluster 3 1 1 log",
      "request p1 append x a", "deliver all",
      "retry r1 p1", "deliver all",
      "expect slot 1 append x a", "expect slot 2 append x a",
      "expect applied l1 2", "expect kv l1 x a", "expect reply r1 ok", "expect safe",
    ])
    let skipped = interpreter.cluster.trace.entries.contains {
      if case .skippedDuplicate(l1, _, first: 1) = $0.event { return true }
      return false
    }
    #expect(skipped)
  }

  @Test func aGetThroughTheLogReadsTheLatestValueAfterALeaderChange() {
    _ = Interpreter.running([
      "cluster 3 2 1 log",
      "request p1 put x 1", "deliver all",
      "request p1 put x 2", "deliver all",
      "timeout p2", "deliver all",
      "request p2 get x", "deliver all",
      "expect slot 3 get x", "expect reply r3 2",
    ])
  }

  @Test func aRecoveredLearnerResumesFromItsDisk() {
    _ = Interpreter.running([
      "cluster 3 1 1 log",
      "request p1 put x 1", "deliver all",
      "crash l1", "expect applied l1 1", "expect kv l1 x 1",
      "recover l1", "expect applied l1 1", "expect kv l1 x 1",
    ])
  }

  @Test func aCrashedProposerForgetsItsRequestsAndTheClientRetries() {
    _ = Interpreter.running([
      "cluster 3 2 1 log",
      "request p1 put x 1", "deliver all",
      "request p1 put x 2",
      "crash p1",  // its accepts are out, but it forgets it sent them
      "drop 16", "drop 17", "drop 18",
      "expect leader none",
      "retry r2 p2", "deliver all",
      "expect slot 2 put x 2", "expect reply r2 ok", "expect leader p2",
    ])
  }

  @Test func runEndsWhenEveryRequestIsChosenAndEveryMessageDelivered() throws {
    var interpreter = Interpreter.running([
      "cluster 3 2 2 log", "request p1 put x 1", "request p2 put y 2", "request p1 append x 3",
    ])
    let result = interpreter.execute("run seed=4")
    guard case .run(let summary)? = result.note else {
      Issue.record("run gave no summary")
      return
    }
    #expect(summary.quiescent)
    for request in interpreter.cluster.requests { #expect(request.reply != nil) }
    #expect(interpreter.cluster.violations.isEmpty)
  }
}
