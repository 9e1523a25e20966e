import PaxosCore
import PaxosTestSupport
import Testing

@Suite struct ProposerPhase2Tests {
  let config = threeAcceptors()

  /// p1 in phase 2 of ballot 1.p1 with red.
  func accepting() -> Proposer {
    var proposer = Proposer.preparing(round: 1, value: red, config: config)
    _ = proposer.receiveAll(
      [promise(ballot(1, p1), from: a1), promise(ballot(1, p1), from: a2)], config: config)
    return proposer
  }

  @Test func decidesOnAQuorumOfAccepted() {
    var proposer = accepting()
    let (events, sent) = proposer.receiveAll(
      [a1, a1, a3].map { accepted(ballot(1, p1), red, from: $0, to: p1) }, config: config)
    #expect(events == [.acceptedCounted, .acceptedCounted, .decided(red, ballot(1, p1))])
    #expect(proposer.attempt == .decided(red, ballot(1, p1)))
    #expect(sent.isEmpty)
  }

  @Test func aNackForTheCurrentBallotAbandonsPhase2() {
    var proposer = accepting()
    let (events, _) = proposer.receiveAll(
      [nack(ballot(1, p1), from: a2, promised: ballot(4, p2))], config: config)
    #expect(events == [.abandoned(ballot(1, p1), outbidBy: ballot(4, p2))])
    #expect(proposer.attempt == .abandoned(ballot(1, p1), outbidBy: ballot(4, p2)))
  }

  @Test(arguments: [false, true])
  func aNackForTheCurrentBallotAbandonsPhase1(awaitingValue: Bool) {
    var proposer = Proposer.preparing(round: 1, value: awaitingValue ? nil : red, config: config)
    if awaitingValue {
      _ = proposer.receiveAll(
        [promise(ballot(1, p1), from: a1), promise(ballot(1, p1), from: a2)], config: config)
    }
    let (events, _) = proposer.receiveAll(
      [nack(ballot(1, p1), from: a3, promised: ballot(2, p2))], config: config)
    #expect(events == [.abandoned(ballot(1, p1), outbidBy: ballot(2, p2))])
  }

  /// A duplicated prepare is refused with the ballot the acceptor already promised to this very
  /// proposer: that is no higher ballot, and the attempt goes on.
  @Test func aNackNamingItsOwnBallotDoesNotAbandon() {
    var proposer = Proposer.preparing(round: 1, value: red, config: config)
    let (events, _) = proposer.receiveAll(
      [nack(ballot(1, p1), from: a1, promised: ballot(1, p1))], config: config)
    #expect(events == [.stale])
    #expect(proposer.attempt.ballot == ballot(1, p1))
    if case .abandoned = proposer.attempt { Issue.record("the proposer gave up its own ballot") }
  }

  @Test func messagesAboutAnOlderBallotAreStale() {
    var proposer = accepting()
    var outbox = Outbox()
    _ = proposer.prepare(round: 2, config: config, outbox: &outbox)
    let attempt = proposer.attempt
    let (events, sent) = proposer.receiveAll(
      [
        promise(ballot(1, p1), from: a3), accepted(ballot(1, p1), red, from: a1, to: p1),
        nack(ballot(1, p1), from: a3, promised: ballot(1, p2)),
      ], config: config)
    #expect(events == [.stale, .stale, .stale])
    #expect(proposer.attempt == attempt)
    #expect(sent.isEmpty)
  }

  @Test func messagesThatDoNotFitThePhaseAreStale() {
    var proposer = accepting()
    let attempt = proposer.attempt
    let (events, _) = proposer.receiveAll(
      [promise(ballot(1, p1), from: a3), promise(ballot(1, p1), from: p2)], config: config)
    #expect(events == [.stale, .stale])
    #expect(proposer.attempt == attempt)
  }

  @Test func anAcceptedFromANonAcceptorIsStale() {
    var proposer = accepting()
    let (events, _) = proposer.receiveAll(
      [accepted(ballot(1, p1), red, from: l1, to: p1)], config: config)
    #expect(events == [.stale])
  }
}
