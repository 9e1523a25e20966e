import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// Round `Int.max` is the last there is: a proposer that used it, or was outbid at it, has no
/// retry to come, and nothing may say otherwise.
@Suite struct RoundLimitTests {
  /// p1 is at 1.p1 when a1, having promised p2 the last round, refuses it.
  static func outbidAtTheLastRound() throws -> Cluster {
    var cluster = try threeAcceptorCluster(proposers: 2)
    try cluster.propose(p1, "red")
    try cluster.prepare(p2, round: Int.max, value: "blue")
    try cluster.deliver(from: p2, to: a1)
    try cluster.deliver(from: p1, to: a1)
    try cluster.deliver(from: a1, to: p1)
    return cluster
  }

  @Test func aProposerOutbidAtTheLastRoundArmsNoTimer() throws {
    let cluster = try Self.outbidAtTheLastRound()
    #expect(cluster.attempt(p1) == .abandoned(ballot(1, p1), outbidBy: ballot(Int.max, p2)))
    #expect(cluster.node(p1)?.retryAt == nil)
    #expect(
      !cluster.trace.entries.contains {
        if case .timerArmed(p1, _) = $0.event { return true }
        return false
      })
  }

  @Test func theTranscriptSaysNoRoundIsLeft() throws {
    let cluster = try Self.outbidAtTheLastRound()
    let abandoned = try #require(cluster.trace.entries.last { $0.event.isAbandonment })
    #expect(
      cluster.describe(abandoned.event)
        == "p1 abandons 1.p1: an acceptor has promised \(Int.max).p2; no round is left above it")
  }

  @Test func theLastRoundsAttemptHasNoRetryTimer() throws {
    var cluster = try threeAcceptorCluster(proposers: 2)
    try cluster.prepare(p2, round: Int.max, value: "blue")
    #expect(cluster.node(p2)?.retryAt == nil)
    #expect(cluster.nextTimer() == nil)
  }

  @Test func proposingAfterSeeingTheLastRoundSaysItWasSeenNotUsed() throws {
    var cluster = try Self.outbidAtTheLastRound()
    #expect {
      try cluster.propose(p1, "green")
    } throws: { error in
      (error as? ClusterError)?.message
        == "p1 has no round left: it has seen round \(Int.max), the highest there is, in"
        + " another proposer's ballot; 'reset' to start over"
    }
  }

  @Test func aRunEndsWithoutRetryingTheOutbidProposer() throws {
    var cluster = try Self.outbidAtTheLastRound()
    let summary = cluster.run(limit: 1000)
    #expect(summary.quiescent)
    #expect(cluster.chosenText == "blue")
    #expect(!cluster.trace.entries.contains { $0.event == .timerFired(p1) })
  }
}

extension Event {
  fileprivate var isAbandonment: Bool {
    if case .abandoned = self { return true }
    return false
  }
}
