import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// A proposer that crashes halfway through phase 2 leaves its value at some acceptors; whoever
/// takes over finds it there and finishes the job with the same value.
@Suite struct ProposerCrashTests {
  /// p1 gets promises from everyone, but only its accept to a1 arrives before it crashes.
  func p1CrashesAfterOneAccept() throws -> Cluster {
    var cluster = try threeAcceptorCluster(proposers: 2)
    try cluster.propose(p1, "red")
    try cluster.promise(p1, from: [a1, a2, a3])
    try cluster.accept(p1, at: [a1])
    try cluster.drop(.link(from: p1, to: a2))
    try cluster.drop(.link(from: p1, to: a3))
    try cluster.crash(p1)
    return cluster
  }

  @Test func nothingIsChosenYet() throws {
    let cluster = try p1CrashesAfterOneAccept()
    #expect(cluster.choices.value == nil)
    #expect(!cluster.isUp(p1))
    #expect(cluster.inFlight(.accept).isEmpty)
  }

  @Test func anotherProposerFinishesWithTheSameValue() throws {
    var cluster = try p1CrashesAfterOneAccept()
    try cluster.propose(p2, "blue")
    try cluster.promise(p2, from: [a1, a2])
    cluster.deliverAll()
    #expect(cluster.chosenTexts == ["red"])
    #expect(cluster.attempt(p2) == .decided(cluster.value("red"), ballot(1, p2)))
    #expect(phase2Sources(cluster).last?.2 == .adopted(from: a1, accepted: ballot(1, p1)))
    #expect(cluster.learned(l1) == "red")
    #expect(cluster.violations.isEmpty)
  }

  @Test func repliesToTheCrashedProposerAreLost() throws {
    var cluster = try p1CrashesAfterOneAccept()
    let toP1 = cluster.inFlight.filter { cluster.trace[$0].to == p1 }
    #expect(!toP1.isEmpty)
    cluster.deliverAll()
    for id in toP1 { #expect(cluster.events.contains(.lost(id, .receiverDown))) }
  }

  @Test func itRecoversWithItsRoundAndGoesAboveIt() throws {
    var cluster = try p1CrashesAfterOneAccept()
    try cluster.recover(p1)
    #expect(cluster.events.last == .restoredRound(p1, 1))
    #expect(cluster.attempt(p1) == .idle)
    try cluster.propose(p1, "green")
    #expect(cluster.events.contains(.startedPhase1(ballot(2, p1))))
    cluster.deliverAll()
    #expect(cluster.chosenTexts == ["red"])
  }
}
