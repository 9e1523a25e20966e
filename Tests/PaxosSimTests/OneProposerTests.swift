import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// The simplest run: one proposer, no faults. Its value is chosen and everyone finds out.
@Suite struct OneProposerTests {
  @Test func itsValueIsChosenAndLearned() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.propose(p1, "red")
    cluster.deliverAll()
    #expect(cluster.chosenText == "red")
    #expect(cluster.choices.chosen.first?.ballot == ballot(1, p1))
    #expect(cluster.learned(l1) == "red")
    #expect(cluster.attempt(p1) == .decided(cluster.value("red"), ballot(1, p1)))
    #expect(cluster.inFlight.isEmpty)
    #expect(cluster.violations.isEmpty)
  }

  @Test func everyAcceptorEndsHoldingTheValue() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.propose(p1, "red")
    cluster.deliverAll()
    for acceptor in [a1, a2, a3] {
      let state = try #require(cluster.acceptorState(acceptor))
      #expect(state.minProposal == ballot(1, p1))
      #expect(state.acceptedProposal == ballot(1, p1))
      #expect(state.acceptedValue == cluster.value("red"))
      #expect(cluster.node(acceptor)?.disk.acceptor == state, "what was accepted reached the disk")
    }
  }

  @Test func theSchedulerFinishesTheRunAndGoesQuiet() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.propose(p1, "red")
    let summary = cluster.run(limit: 1000)
    #expect(summary.quiescent)
    #expect(summary.steps < 1000)
    #expect(cluster.chosenText == "red")
    #expect(cluster.nextTimer() == nil, "a proposer that decided has no timer armed")
  }

  @Test func aProposalWhileAwaitingAValueGoesStraightToPhase2() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.prepare(p1, round: 4, value: nil)
    cluster.deliverAll()
    #expect(cluster.attempt(p1) == .awaitingValue(ballot(4, p1)))
    try cluster.propose(p1, "red")
    #expect(cluster.inFlight(.accept).count == 3)
    cluster.deliverAll()
    #expect(cluster.chosenText == "red")
    #expect(cluster.choices.chosen.first?.ballot == ballot(4, p1))
  }
}
