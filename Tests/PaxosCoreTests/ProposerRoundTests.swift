import PaxosCore
import PaxosTestSupport
import Testing

@Suite struct ProposerRoundTests {
  @Test func aFreshProposerStartsAtRoundOne() {
    #expect(Proposer(id: p1).nextRound == 1)
  }

  @Test func theNextRoundIsAboveTheHighestUsed() {
    var proposer = Proposer(id: p1, highestRound: 3)
    #expect(proposer.nextRound == 4)
    var outbox = Outbox()
    _ = proposer.prepare(round: 9, config: threeAcceptors(), outbox: &outbox)
    #expect(proposer.nextRound == 10)
  }

  @Test func theNextRoundIsAboveTheHighestSeenInAnyMessage() {
    let config = threeAcceptors()
    var proposer = Proposer.preparing(round: 1, value: red, config: config)
    _ = proposer.receiveAll(
      [nack(ballot(1, p1), from: a1, promised: ballot(7, p2))], config: config)
    #expect(proposer.highestRoundSeen == 7)
    #expect(proposer.nextRound == 8)
    _ = proposer.receiveAll([promise(ballot(12, p2), from: a2)], config: config)
    #expect(proposer.nextRound == 13, "even a stale message shows a round in use")
  }

  @Test func roundsRunOutInsteadOfOverflowing() {
    #expect(Proposer(id: p1, highestRound: .max).nextRound == nil)
  }
}
