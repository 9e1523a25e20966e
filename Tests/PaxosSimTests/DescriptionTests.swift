import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// The canonical text of messages and events: what users read and golden files compare.
@Suite struct DescriptionTests {
  /// Every kind of message, at known IDs:
  /// #1..#3 p1's prepares 1.p1; #4 #5 promises from a1 a2; #6..#8 p1's accepts of red;
  /// #9 #10 a1's accepted to p1 and l1; #11..#13 p2's prepares 5.p2; #14 a1's promise to p2,
  /// reporting red; #15 a3's promise to p2; #16 a3's nack of p1's late prepare.
  func everyKindOfMessage() throws -> Cluster {
    var cluster = try threeAcceptorCluster(proposers: 2)
    try cluster.propose(p1, "red")
    for id in [1, 2, 4, 5, 6] { try cluster.deliver(.id(MessageID(raw: UInt32(id)))) }
    try cluster.prepare(p2, round: 5, value: "blue")
    for id in [11, 13, 3] { try cluster.deliver(.id(MessageID(raw: UInt32(id)))) }
    return cluster
  }

  @Test(arguments: [
    (1, "#1 p1 -> a1 prepare 1.p1"),
    (4, "#4 a1 -> p1 promise 1.p1 (nothing accepted)"),
    (6, "#6 p1 -> a1 accept 1.p1 red"),
    (9, "#9 a1 -> p1 accepted 1.p1 red"),
    (10, "#10 a1 -> l1 accepted 1.p1 red"),
    (14, "#14 a1 -> p2 promise 5.p2 (accepted 1.p1 = red)"),
    (16, "#16 a3 -> p1 nack 1.p1 (promised 5.p2)"),
  ])
  func aMessageReadsIDSenderReceiverKindBallotAndArguments(id: Int, text: String) throws {
    let cluster = try everyKindOfMessage()
    #expect(cluster.describe(MessageID(raw: UInt32(id))) == text)
  }

  @Test func networkEventsNameTheMessage() throws {
    var cluster = try everyKindOfMessage()
    let prepare = MessageID(raw: 12)
    try cluster.duplicate(.id(prepare))
    #expect(cluster.transcript.last == "duplicate #17 p2 -> a2 prepare 5.p2 (copy of #12)")
    #expect(cluster.describe(.sent(prepare)) == "send #12 p2 -> a2 prepare 5.p2")
    #expect(cluster.describe(.delivered(prepare)) == "deliver #12 p2 -> a2 prepare 5.p2")
    #expect(cluster.describe(.dropped(prepare)) == "drop #12 p2 -> a2 prepare 5.p2")
    #expect(
      cluster.describe(.lost(prepare, .receiverDown))
        == "lost #12 p2 -> a2 prepare 5.p2: a2 is down")
    #expect(
      cluster.describe(.lost(prepare, .partitioned))
        == "lost #12 p2 -> a2 prepare 5.p2: p2 and a2 are on different sides")
  }

  @Test func faultEventsSayWhatSurvives() throws {
    var cluster = try everyKindOfMessage()
    try cluster.crash(a1)
    try cluster.recover(a1)
    try cluster.partition([[a1, p1], [a2]])
    try cluster.heal()
    #expect(
      cluster.transcript.suffix(5) == [
        "crash a1: it stops, forgetting all but its disk",
        "recover a1: it restarts from its disk",
        "a1 reads minProposal 5.p2, accepted 1.p1 = red",
        "partition {a1 p1} | {a2} | {a3 p2 l1}",
        "heal: every node reaches every other again",
      ])
    #expect(cluster.describe(.restoredRound(p1, 3)) == "p1 reads round 3")
  }

  @Test func persistenceAndTimerEvents() throws {
    let cluster = try everyKindOfMessage()
    var promised = AcceptorState()
    promised.minProposal = ballot(1, p1)
    #expect(cluster.describe(.persistedAcceptor(a1, promised)) == "a1 persists minProposal 1.p1")
    #expect(cluster.describe(.persistedRound(p1, 1)) == "p1 persists round 1")
    #expect(cluster.describe(.timerFired(p1)) == "timer p1 fires")
    #expect(cluster.describe(.timerArmed(p1, delay: 0)) == "p1 will retry at once")
    #expect(cluster.describe(.timerArmed(p1, delay: 7)) == "p1 will retry in 7 ticks")
  }

  @Test func proposerEventsExplainWhy() throws {
    let cluster = try everyKindOfMessage()
    let red = cluster.value("red")
    let blue = cluster.value("blue")
    #expect(cluster.describe(.startedPhase1(ballot(1, p1))) == "p1 starts phase 1 with ballot 1.p1")
    #expect(
      cluster.describe(.startedPhase2(ballot(1, p1), red, .own))
        == "p1 has promises from a quorum for 1.p1; none reports an accepted value, so it proposes its own: red"
    )
    #expect(
      cluster.describe(
        .startedPhase2(ballot(5, p2), red, .adopted(from: a1, accepted: ballot(1, p1))))
        == "p2 has promises from a quorum for 5.p2; it adopts red, the highest accepted proposal (1.p1, from a1)"
    )
    #expect(
      cluster.describe(
        .startedPhase2(ballot(5, p2), blue, .ignoredAccepted(from: a1, accepted: ballot(1, p1))))
        == "p2 has promises from a quorum for 5.p2; a1 reports 1.p1 accepted, but it ignores that"
        + " (bug ignore-accepted) and proposes blue")
    #expect(
      cluster.describe(.awaitingValue(ballot(4, p1)))
        == "p1 has promises from a quorum for 4.p1 but no value to propose; it waits for one ('propose p1 VALUE')"
    )
    #expect(
      cluster.describe(.abandoned(ballot(1, p1), outbidBy: ballot(5, p2)))
        == "p1 abandons 1.p1: an acceptor has promised 5.p2")
    #expect(
      cluster.describe(.decided(red, ballot(1, p1)))
        == "p1 knows red is chosen (a quorum accepted 1.p1)")
  }

  /// Once red is chosen, a later ballot's quorum for red adds nothing, and says so; a quorum
  /// for another value is news (and a violation).
  @Test func aChoiceOfTheChosenValueUnderALaterBallotReadsAsAgain() throws {
    var cluster = try threeAcceptorCluster(proposers: 2)
    try cluster.propose(p1, "red")
    cluster.deliverAll()
    try cluster.propose(p2, "blue")
    let red = cluster.value("red")
    let blue = cluster.value("blue")
    #expect(
      cluster.describe(.chosen(red, ballot(5, p2)))
        == "chosen again: a quorum accepted 5.p2, with the value already chosen, red")
    #expect(
      cluster.describe(.chosen(blue, ballot(5, p2)))
        == "CHOSEN blue: a quorum of acceptors accepted 5.p2")
  }

  @Test func outcomeEvents() throws {
    let cluster = try everyKindOfMessage()
    let red = cluster.value("red")
    let blue = cluster.value("blue")
    #expect(
      cluster.describe(.chosen(red, ballot(1, p1)))
        == "CHOSEN red: a quorum of acceptors accepted 1.p1")
    #expect(
      cluster.describe(.learned(l1, red, ballot(1, p1))) == "l1 learns red (a quorum accepted 1.p1)"
    )
    #expect(
      cluster.describe(.violation(.agreement(first: red, second: blue, ballot: ballot(5, p2))))
        == "VIOLATION agreement: blue is chosen under 5.p2, but red was chosen before")
    #expect(
      cluster.describe(.violation(.validity(red, ballot(1, p1))))
        == "VIOLATION validity: red is chosen under 1.p1 but was never proposed")
    #expect(
      cluster.describe(.violation(.promiseDecreased(a1, from: ballot(5, p2), to: .zero)))
        == "VIOLATION promise: a1 had promised 5.p2, and has forgotten it")
  }

  @Test func aValueThatIsNotOneWordIsQuoted() throws {
    var cluster = try Cluster.standard(acceptors: 1, proposers: 1, learners: 0)
    try cluster.propose(p1, "two \"words\"")
    cluster.deliverAll()
    #expect(cluster.describe(MessageID(raw: 3)) == #"#3 p1 -> a1 accept 1.p1 "two \"words\"""#)
  }

  @Test func aShortRunReadsAsAStory() throws {
    var cluster = try Cluster.standard(acceptors: 1, proposers: 1, learners: 1)
    try cluster.propose(p1, "red")
    cluster.deliverAll()
    #expect(
      cluster.transcript == [
        "p1 starts phase 1 with ballot 1.p1",
        "p1 persists round 1",
        "send #1 p1 -> a1 prepare 1.p1",
        "deliver #1 p1 -> a1 prepare 1.p1",
        "a1 persists minProposal 1.p1",
        "send #2 a1 -> p1 promise 1.p1 (nothing accepted)",
        "deliver #2 a1 -> p1 promise 1.p1 (nothing accepted)",
        "p1 has promises from a quorum for 1.p1; none reports an accepted value, so it proposes its own: red",
        "send #3 p1 -> a1 accept 1.p1 red",
        "deliver #3 p1 -> a1 accept 1.p1 red",
        "a1 persists minProposal 1.p1, accepted 1.p1 = red",
        "send #4 a1 -> p1 accepted 1.p1 red",
        "send #5 a1 -> l1 accepted 1.p1 red",
        "CHOSEN red: a quorum of acceptors accepted 1.p1",
        "deliver #4 a1 -> p1 accepted 1.p1 red",
        "p1 knows red is chosen (a quorum accepted 1.p1)",
        "deliver #5 a1 -> l1 accepted 1.p1 red",
        "l1 learns red (a quorum accepted 1.p1)",
      ])
  }
}
