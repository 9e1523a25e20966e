import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// Once red may have been chosen, a later proposer must propose red too: some acceptor in its
/// quorum reports red, and the proposer adopts the value of the highest accepted proposal.
@Suite struct CompetingProposersTests {
  struct Case: Sendable, CustomTestStringConvertible {
    /// Who accepted p1's red before p2 starts.
    var acceptedBy: [NodeID]
    /// The acceptors p2 gathers its promises from.
    var p2Quorum: [NodeID]
    /// The acceptor in both sets, which tells p2 about red.
    var reporter: NodeID
    var testDescription: String {
      "red accepted by \(acceptedBy.map(\.name)), p2 hears from \(p2Quorum.map(\.name))"
    }
  }

  @Test(arguments: [
    Case(acceptedBy: [a1, a2], p2Quorum: [a3, a2], reporter: a2),
    Case(acceptedBy: [a1], p2Quorum: [a1, a2], reporter: a1),
  ])
  func theLaterProposerAdoptsRed(_ scenario: Case) throws {
    var cluster = try threeAcceptorCluster(proposers: 2)
    try cluster.p1GetsRedAccepted(by: scenario.acceptedBy)
    try cluster.propose(p2, "blue")
    try cluster.promise(p2, from: scenario.p2Quorum)
    let sources = phase2Sources(cluster).filter { $0.0.proposer == p2 }
    #expect(sources.count == 1)
    #expect(sources.first?.1 == "red")
    #expect(sources.first?.2 == .adopted(from: scenario.reporter, accepted: ballot(1, p1)))
    cluster.deliverAll()
    #expect(cluster.chosenTexts == ["red"])
    #expect(cluster.learned(l1) == "red")
    #expect(cluster.violations.isEmpty)
  }

  @Test func p1sLateAcceptIsRefusedAfterP2sHigherPromise() throws {
    var cluster = try threeAcceptorCluster(proposers: 2)
    try cluster.p1GetsRedAccepted(by: [a1])
    try cluster.propose(p2, "blue")
    try cluster.promise(p2, from: [a3])
    try cluster.drop(.link(from: p1, to: a3))  // p1's prepare: what reaches a3 next is its accept
    try cluster.accept(p1, at: [a3])
    let refusal = try #require(cluster.inFlightMessages.last)
    #expect(refusal.kind == .nack)
    #expect(refusal.to == p1)
    #expect(refusal.prior == ballot(1, p2))
  }
}
