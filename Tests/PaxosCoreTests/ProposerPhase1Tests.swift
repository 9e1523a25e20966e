import PaxosCore
import PaxosTestSupport
import Testing

@Suite struct ProposerPhase1Tests {
  let config = threeAcceptors()

  @Test func prepareBroadcastsTheBallotAndRemembersTheRound() {
    var proposer = Proposer(id: p1)
    var outbox = Outbox()
    let prepared = proposer.prepare(round: 3, config: config, outbox: &outbox)
    #expect(prepared == ballot(3, p1))
    #expect(proposer.highestRound == 3)
    #expect(proposer.attempt == .preparing(ballot(3, p1), Promises()))
    #expect(outbox.messages == [a1, a2, a3].map { prepare(ballot(3, p1), to: $0) })
  }

  @Test func aQuorumOfEmptyPromisesStartsPhase2WithItsOwnValue() {
    var proposer = Proposer.preparing(round: 1, value: red, config: config)
    let (events, sent) = proposer.receiveAll(
      [promise(ballot(1, p1), from: a1), promise(ballot(1, p1), from: a2)], config: config)
    #expect(events == [.promiseCounted, .startedPhase2(ballot(1, p1), red, .own)])
    #expect(sent == [a1, a2, a3].map { accept(ballot(1, p1), red, to: $0) })
    #expect(proposer.attempt == .accepting(ballot(1, p1), red, acceptedBy: AcceptorSet()))
  }

  @Test func aRepeatedPromiseCountsOnce() {
    var proposer = Proposer.preparing(round: 1, value: red, config: config)
    let (events, sent) = proposer.receiveAll(
      [promise(ballot(1, p1), from: a1), promise(ballot(1, p1), from: a1)], config: config)
    #expect(events == [.promiseCounted, .promiseCounted])
    #expect(sent.isEmpty)
  }

  /// a1 accepted 1.p2 = red and a3 the higher 3.p2 = blue: whichever order the promises arrive
  /// in, blue is adopted, and a3 is named as the acceptor that lies in both quorums.
  @Test(arguments: [false, true])
  func adoptsTheValueOfTheHighestAcceptedProposal(higherFirst: Bool) {
    var proposer = Proposer.preparing(round: 4, value: green, config: config)
    let lower = promise(ballot(4, p1), from: a1, accepted: ballot(1, p2), value: red)
    let higher = promise(ballot(4, p1), from: a3, accepted: ballot(3, p2), value: blue)
    let (events, sent) = proposer.receiveAll(
      higherFirst ? [higher, lower] : [lower, higher], config: config)
    #expect(
      events.last
        == .startedPhase2(ballot(4, p1), blue, .adopted(from: a3, accepted: ballot(3, p2))))
    #expect(sent.map(\.value) == [blue, blue, blue])
    #expect(proposer.value == green, "the client's value is kept for a later attempt")
  }

  @Test func adoptsAReportedValueEvenWithoutOneOfItsOwn() {
    var proposer = Proposer.preparing(round: 2, value: nil, config: config)
    let (events, _) = proposer.receiveAll(
      [
        promise(ballot(2, p1), from: a1),
        promise(ballot(2, p1), from: a2, accepted: ballot(1, p2), value: red),
      ],
      config: config)
    #expect(
      events.last == .startedPhase2(ballot(2, p1), red, .adopted(from: a2, accepted: ballot(1, p2)))
    )
  }

  @Test func waitsForAValueWhenNeitherItNorAnyPromiseHasOne() {
    var proposer = Proposer.preparing(round: 1, value: nil, config: config)
    let (events, sent) = proposer.receiveAll(
      [promise(ballot(1, p1), from: a1), promise(ballot(1, p1), from: a2)], config: config)
    #expect(events.last == .awaitingValue(ballot(1, p1)))
    #expect(proposer.attempt == .awaitingValue(ballot(1, p1)))
    #expect(sent.isEmpty)
  }

  @Test func aSuppliedValueStartsPhase2WhenAwaitingOne() {
    var proposer = Proposer.preparing(round: 1, value: nil, config: config)
    _ = proposer.receiveAll(
      [promise(ballot(1, p1), from: a1), promise(ballot(1, p1), from: a2)], config: config)
    var outbox = Outbox()
    let event = proposer.supply(blue, config: config, outbox: &outbox)
    #expect(event == .startedPhase2(ballot(1, p1), blue, .own))
    #expect(outbox.messages == [a1, a2, a3].map { accept(ballot(1, p1), blue, to: $0) })
  }

  @Test func aSuppliedValueOnlyWaitsWhenNotAwaitingOne() {
    var proposer = Proposer.preparing(round: 1, value: red, config: config)
    let attempt = proposer.attempt
    var outbox = Outbox()
    #expect(proposer.supply(blue, config: config, outbox: &outbox) == nil)
    #expect(proposer.value == blue)
    #expect(proposer.attempt == attempt)
    #expect(outbox.messages.isEmpty)
  }

  @Test func theIgnoreAcceptedSwitchProposesItsOwnValueAndSaysWhatItIgnored() {
    let config = threeAcceptors(ignoreAcceptedValues: true)
    var proposer = Proposer.preparing(round: 2, value: blue, config: config)
    let (events, sent) = proposer.receiveAll(
      [
        promise(ballot(2, p1), from: a1, accepted: ballot(1, p2), value: red),
        promise(ballot(2, p1), from: a2),
      ],
      config: config)
    #expect(
      events.last
        == .startedPhase2(ballot(2, p1), blue, .ignoredAccepted(from: a1, accepted: ballot(1, p2))))
    #expect(sent.map(\.value) == [blue, blue, blue])
  }
}
