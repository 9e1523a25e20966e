import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// An acceptor's promise and acceptance reach its disk before it answers, so a crash cannot
/// make it break a promise.
@Suite struct AcceptorRecoveryTests {
  /// a1 promises 5.p2, crashes and recovers; then p1 asks it to promise the lower 3.p1.
  func lowerPrepareAfterRecovery(bugs: Set<PaxosSim.Bug> = []) throws -> Cluster {
    var cluster = try threeAcceptorCluster(proposers: 2)
    cluster.setBugs(bugs)
    try cluster.prepare(p2, round: 5, value: "blue")
    try cluster.deliver(from: p2, to: a1)
    try cluster.crash(a1)
    try cluster.recover(a1)
    try cluster.prepare(p1, round: 3, value: "red")
    try cluster.deliver(from: p1, to: a1)
    return cluster
  }

  @Test func itKeepsItsPromiseAcrossACrash() throws {
    var cluster = try lowerPrepareAfterRecovery()
    #expect(cluster.acceptorState(a1)?.minProposal == ballot(5, p2))
    #expect(cluster.events.contains(.restoredAcceptor(a1, try #require(cluster.acceptorState(a1)))))
    let reply = try #require(cluster.inFlightMessages.last)
    #expect(reply.kind == .nack)
    #expect(reply.from == a1 && reply.to == p1)
    #expect(reply.prior == ballot(5, p2))
    try cluster.deliver(from: a1, to: p1)
    #expect(cluster.attempt(p1) == .abandoned(ballot(3, p1), outbidBy: ballot(5, p2)))
    #expect(cluster.violations.isEmpty)
  }

  @Test func itKeepsWhatItAcceptedAcrossACrash() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.p1GetsRedAccepted(by: [a1])
    let before = try #require(cluster.acceptorState(a1))
    try cluster.crash(a1)
    try cluster.recover(a1)
    #expect(cluster.acceptorState(a1) == before)
    #expect(before.acceptedValue == cluster.value("red"))
  }

  @Test func withNoPersistItForgetsAndPromisesLower() throws {
    let cluster = try lowerPrepareAfterRecovery(bugs: [.noPersist])
    #expect(cluster.acceptorState(a1)?.minProposal == ballot(3, p1))
    #expect(cluster.inFlightMessages.last?.kind == .promise)
    #expect(cluster.violations == [.promiseDecreased(a1, from: ballot(5, p2), to: .zero)])
  }

  @Test func withNoPersistTwoValuesCanBeChosen() throws {
    let cluster = try BugSchedule.forBug(.noPersist).play(switchOn: true)
    #expect(cluster.chosenTexts == ["red", "blue"])
    #expect(!cluster.agreementViolations.isEmpty)
  }

  @Test func aCrashedAcceptorLosesWhatIsSentToIt() throws {
    var cluster = try threeAcceptorCluster()
    try cluster.crash(a3)
    try cluster.propose(p1, "red")
    let toA3 = try #require(cluster.inFlight.first { cluster.trace[$0].to == a3 })
    try cluster.deliver(.id(toA3))
    #expect(cluster.events.last == .lost(toA3, .receiverDown))
    #expect(cluster.acceptorState(a3)?.minProposal == .zero)
  }
}
