import PaxosCore
import PaxosTestSupport
import Testing

@Suite struct BallotTests {
  @Test func aHigherRoundWinsWhateverTheProposer() {
    #expect(ballot(1, p2) < ballot(2, p1))
  }

  @Test func inTheSameRoundTheProposerNameBreaksTheTie() {
    #expect(ballot(5, p1) < ballot(5, p2))
    #expect(ballot(5, p1) == ballot(5, p1))
    #expect(!(ballot(5, p1) < ballot(5, p1)))
  }

  @Test func zeroIsBelowEveryRealBallot() throws {
    let lowest = Ballot(round: 0, proposer: try #require(NodeID("A")))
    #expect(Ballot.zero < lowest)
    #expect(Ballot.zero < ballot(1, p1))
    #expect(Ballot.zero.isZero)
    #expect(!ballot(1, p1).isZero)
  }

  @Test func readsAsRoundDotProposerOrNone() {
    #expect(ballot(5, p1).description == "5.p1")
    #expect(Ballot.zero.description == "none")
  }
}
