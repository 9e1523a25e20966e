import PaxosCore
import PaxosTestSupport
import Testing

@Suite struct LearnerTests {
  let config = threeAcceptors(learners: [l1])

  @Test func learnsOnceWhenAQuorumAcceptedTheSameBallot() {
    var learner = Learner(id: l1)
    let events = learner.receiveAll(
      [a1, a1, a2, a3].map { accepted(ballot(1, p1), red, from: $0, to: l1) }, config: config)
    #expect(events == [nil, nil, Learned(red, ballot(1, p1)), nil])
    #expect(learner.learned == red)
  }

  @Test func doesNotLearnFromTheSameValueUnderDifferentBallots() {
    var learner = Learner(id: l1)
    let events = learner.receiveAll(
      [
        accepted(ballot(1, p1), red, from: a1, to: l1),
        accepted(ballot(2, p2), red, from: a2, to: l1),
      ],
      config: config)
    #expect(events == [nil, nil])
    #expect(learner.learned == nil)
  }

  @Test func doesNotLearnFromDifferentValuesUnderTheSameBallot() {
    var learner = Learner(id: l1)
    let events = learner.receiveAll(
      [
        accepted(ballot(1, p1), red, from: a1, to: l1),
        accepted(ballot(1, p1), blue, from: a2, to: l1),
      ],
      config: config)
    #expect(events == [nil, nil])
  }

  /// A chosen value never changes, so once it has learned, the learner stops counting.
  @Test func staysWithWhatItLearnedAndStopsCounting() {
    var learner = Learner(id: l1)
    let events = learner.receiveAll(
      [a1, a2].map { accepted(ballot(1, p1), red, from: $0, to: l1) }
        + [a2, a3].map { accepted(ballot(2, p2), blue, from: $0, to: l1) }, config: config)
    #expect(events == [nil, Learned(red, ballot(1, p1)), nil, nil])
    #expect(learner.learned == red)
    #expect(learner.tallies.isEmpty)
  }

  @Test func ignoresAnythingButAcceptedFromAnAcceptor() {
    var learner = Learner(id: l1)
    let events = learner.receiveAll(
      [
        accepted(ballot(1, p1), red, from: p2, to: l1),
        accepted(ballot(1, p1), red, from: l2, to: l1),
        promise(ballot(1, p1), from: a1), accept(ballot(1, p1), red, to: l1),
      ], config: config)
    #expect(events == [nil, nil, nil, nil])
    #expect(learner.tallies.isEmpty)
  }
}
