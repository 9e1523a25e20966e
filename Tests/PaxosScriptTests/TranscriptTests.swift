import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// What the transcript says about events, beyond the golden files: quiet mode, and lines a
/// student must not be misled by.
@Suite struct TranscriptTests {
  static let twoValuesChosen = [
    "cluster 3 2 1", "set bug no-persist", "propose p1 red", "deliver all",
    "crash a1 a2", "recover a1 a2", "propose p2 blue",
  ]

  @Test func quietModeKeepsOnlyViolations() {
    var interpreter = Interpreter.running(Self.twoValuesChosen)
    let result = interpreter.execute("deliver all")
    let quiet = Transcript.lines(for: result, in: interpreter.cluster, quiet: true)
    #expect(
      quiet == [
        "VIOLATION at time 29: agreement: blue is chosen under 1.p2, but red was chosen before"
      ])
    let loud = Transcript.lines(for: result, in: interpreter.cluster, quiet: false)
    #expect(loud.count > quiet.count)
    #expect(loud.contains("  " + quiet[0]), "the loud transcript indents it under its step")
  }

  @Test func quietModeDropsNotes() {
    var interpreter = Interpreter.running(["cluster 3"])
    let result = interpreter.execute("status")
    #expect(Transcript.lines(for: result, in: interpreter.cluster, quiet: true).isEmpty)
  }

  /// A learner that already learned red, then sees a quorum accept blue (possible only with a
  /// teaching switch on), must not print "l1 learns blue": it still holds red.
  @Test func aLearnerThatSeesASecondValueDoesNotClaimToLearnIt() {
    var interpreter = Interpreter.running(Self.twoValuesChosen)
    let result = interpreter.execute("deliver all")
    let lines = Transcript.lines(for: result, in: interpreter.cluster, quiet: false)
    #expect(
      lines.contains { $0.contains("l1 learns blue") } == false, "\(lines.joined(separator: "\n"))")
    #expect(transcript(of: "expect learned l1 red", in: &interpreter) == ["ok: l1 learned red"])
  }

  /// A duplicated prepare reaches an acceptor that already promised that very ballot. Nothing
  /// higher exists, so its answer must not make the proposer abandon 1.p1, "outbid" by itself.
  @Test func aDuplicatedPrepareDoesNotMakeAProposerAbandonItsOwnBallot() throws {
    var interpreter = Interpreter.running([
      "cluster 3 1 1", "propose p1 red", "duplicate 1", "deliver 1", "deliver 4",
      "deliver a1->p1",
    ])
    let result = interpreter.execute("deliver a1->p1")
    let lines = Transcript.lines(for: result, in: interpreter.cluster, quiet: false)
    #expect(!lines.contains { $0.contains("abandons 1.p1") }, "\(lines.joined(separator: "\n"))")
    let p1 = try #require(interpreter.cluster.node(NodeID("p1")!))
    if case .abandoned(let ballot, let higher) = p1.proposer?.attempt {
      #expect(higher > ballot, "p1 abandoned \(ballot) for \(higher), which is not higher")
    }
  }

  /// The same duplicate must not stop the run: delivered in any order, red is chosen.
  @Test func aDuplicatedPrepareStillLetsTheValueBeChosenByHand() {
    let interpreter = Interpreter.running([
      "cluster 3 1 1", "set backoff fixed 1000", "propose p1 red", "duplicate 1", "deliver 1",
      "deliver 4", "deliver a1->p1", "deliver a1->p1", "deliver all",
    ])
    #expect(interpreter.cluster.choices.value.map { interpreter.cluster.values[$0] } == "red")
  }
}
