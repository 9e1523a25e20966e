import PaxosCore
import PaxosTestSupport
import Testing

@Suite struct AcceptorPrepareTests {
  let config = threeAcceptors()

  @Test func promisesABallotAboveItsPromiseAndReportsWhatItAccepted() {
    var acceptor = Acceptor.holding(promised: ballot(3, p2), accepted: ballot(2, p2), value: blue)
    var outbox = Outbox()
    let reply = acceptor.receive(prepare(ballot(5, p1)), config: config, outbox: &outbox)
    #expect(reply == .promised)
    #expect(acceptor.state.minProposal == ballot(5, p1))
    #expect(
      outbox.messages == [promise(ballot(5, p1), from: a1, accepted: ballot(2, p2), value: blue)])
  }

  @Test func aFreshAcceptorPromisesWithNothingAccepted() {
    var acceptor = Acceptor(id: a1)
    var outbox = Outbox()
    _ = acceptor.receive(prepare(ballot(1, p1)), config: config, outbox: &outbox)
    #expect(outbox.messages == [promise(ballot(1, p1), from: a1)])
  }

  @Test(arguments: [ballot(5, p1), ballot(4, p2), ballot(5, node("p0"))])
  func refusesAPrepareNotAboveItsPromise(_ prepared: Ballot) {
    var acceptor = Acceptor.holding(promised: ballot(5, p1), accepted: ballot(2, p2), value: blue)
    let before = acceptor
    var outbox = Outbox()
    let reply = acceptor.receive(prepare(prepared), config: config, outbox: &outbox)
    #expect(reply == .refused)
    #expect(acceptor == before)
    #expect(outbox.messages == [nack(prepared, from: a1, promised: ballot(5, p1))])
  }
}

@Suite struct AcceptorAcceptTests {
  @Test(arguments: [ballot(5, p1), ballot(6, p1)])
  func acceptsABallotAtOrAboveItsPromise(_ proposed: Ballot) {
    var acceptor = Acceptor.holding(promised: ballot(5, p1))
    var outbox = Outbox()
    let reply = acceptor.receive(accept(proposed, red), config: threeAcceptors(), outbox: &outbox)
    #expect(reply == .accepted)
    #expect(acceptor.state.minProposal == proposed)
    #expect(acceptor.state.acceptedProposal == proposed)
    #expect(acceptor.state.acceptedValue == red)
    #expect(outbox.messages == [accepted(proposed, red, from: a1, to: p1)])
  }

  @Test func tellsTheProposerAndEveryLearner() {
    var acceptor = Acceptor(id: a1)
    var outbox = Outbox()
    let config = threeAcceptors(learners: [l1, l2])
    _ = acceptor.receive(accept(ballot(1, p1), red), config: config, outbox: &outbox)
    #expect(outbox.messages == [p1, l1, l2].map { accepted(ballot(1, p1), red, from: a1, to: $0) })
  }

  @Test func tellsAProposerThatIsAlsoALearnerOnlyOnce() {
    var acceptor = Acceptor(id: a1)
    var outbox = Outbox()
    let config = threeAcceptors(learners: [p1, l1])
    _ = acceptor.receive(accept(ballot(1, p1), red), config: config, outbox: &outbox)
    #expect(outbox.messages.map(\.to) == [p1, l1])
  }

  @Test func refusesABallotBelowItsPromise() {
    var acceptor = Acceptor.holding(promised: ballot(5, p2), accepted: ballot(2, p2), value: blue)
    let before = acceptor
    var outbox = Outbox()
    let reply = acceptor.receive(
      accept(ballot(5, p1), red), config: threeAcceptors(), outbox: &outbox)
    #expect(reply == .refused)
    #expect(acceptor == before)
    #expect(outbox.messages == [nack(ballot(5, p1), from: a1, promised: ballot(5, p2))])
  }

  @Test func theAcceptAnySwitchAcceptsBelowThePromiseWithoutLoweringIt() {
    var config = threeAcceptors()
    config.acceptorsIgnorePromises = true
    var acceptor = Acceptor.holding(promised: ballot(5, p2))
    var outbox = Outbox()
    let reply = acceptor.receive(accept(ballot(1, p1), red), config: config, outbox: &outbox)
    #expect(reply == .accepted)
    #expect(acceptor.state.minProposal == ballot(5, p2))
    #expect(acceptor.state.acceptedProposal == ballot(1, p1))
  }
}

@Suite struct AcceptorRepliesTests {
  @Test(arguments: [
    promise(ballot(1, p1), from: a2), accepted(ballot(1, p1), red, from: a2, to: a1),
    nack(ballot(1, p1), from: a2, promised: ballot(2, p2)),
  ])
  func ignoresMessagesMeantForProposersAndLearners(_ message: Message) {
    var acceptor = Acceptor.holding(promised: ballot(1, p1))
    let before = acceptor
    var outbox = Outbox()
    #expect(acceptor.receive(message, config: threeAcceptors(), outbox: &outbox) == .ignored)
    #expect(acceptor == before)
    #expect(outbox.messages.isEmpty)
  }

  @Test func onlyAPromiseOrAnAcceptanceMustReachTheDisk() {
    #expect(AcceptorReply.promised.mustPersist)
    #expect(AcceptorReply.accepted.mustPersist)
    #expect(!AcceptorReply.refused.mustPersist)
    #expect(!AcceptorReply.ignored.mustPersist)
  }
}
