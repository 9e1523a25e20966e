import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// Each teaching switch breaks one rule of Paxos; a schedule built for it chooses two values,
/// or, for the log's switches, makes learners' stores disagree or apply a request twice.
@Suite struct TeachingSwitchTests {
  @Test(arguments: BugSchedule.all)
  func theSwitchBreaksSafety(_ schedule: BugSchedule) throws {
    let cluster = try schedule.play(switchOn: true)
    if case .agreement(let first, let second, _) = schedule.expected {
      #expect(cluster.chosenTexts == [cluster.values[first], cluster.values[second]])
      #expect(cluster.agreementViolations == [schedule.expected])
    } else {
      #expect(cluster.violations == [schedule.expected])
    }
    #expect(cluster.events.contains(.violation(schedule.expected)))
  }

  @Test(arguments: BugSchedule.all)
  func withoutTheSwitchTheSameScheduleIsSafe(_ schedule: BugSchedule) throws {
    let cluster = try schedule.play(switchOn: false)
    if !cluster.config.isLog { #expect(cluster.chosenTexts.count <= 1) }
    #expect(cluster.violations.isEmpty)
  }

  /// `check` names the invariant with the word the violation's line starts with.
  @Test(arguments: BugSchedule.all)
  func theViolationsLineStartsWithTheInvariantsName(_ schedule: BugSchedule) throws {
    let cluster = try schedule.play(switchOn: true)
    let names = ["agreement", "validity", "promise", "applied logs", "at most once"]
    #expect(names.contains(schedule.expected.invariant))
    #expect(cluster.describe(schedule.expected).hasPrefix(schedule.expected.invariant + ": "))
  }

  @Test func everySwitchHasASchedule() {
    #expect(Set(BugSchedule.all.map(\.bug)) == Set(PaxosSim.Bug.allCases))
  }

  @Test func theIgnoredValueIsNamedInTheTrace() throws {
    let cluster = try BugSchedule.forBug(.ignoreAccepted).play(switchOn: true)
    #expect(phase2Sources(cluster).last?.2 == .ignoredAccepted(from: a2, accepted: ballot(1, p1)))
  }

  @Test func settingSwitchesReplacesThePreviousOnes() throws {
    var cluster = try threeAcceptorCluster()
    cluster.setBugs([.smallQuorum, .acceptAny, .ignoreAccepted])
    #expect(cluster.config.quorum == 1)
    #expect(cluster.config.acceptorsIgnorePromises)
    #expect(cluster.config.proposersIgnoreAcceptedValues)
    cluster.setBugs([])
    #expect(cluster.config.quorum == 2)
    #expect(!cluster.config.acceptorsIgnorePromises)
    #expect(!cluster.config.proposersIgnoreAcceptedValues)
    #expect(cluster.settings.bugs.isEmpty)
  }
}

/// `reply-first`: the reply leaves before the write, which waits for the acceptor's next
/// message; a crash in between loses it.
@Suite struct ReplyFirstTests {
  @Test func theReplyLeavesBeforeTheStateReachesTheDisk() throws {
    var cluster = try threeAcceptorCluster()
    cluster.setBugs([.replyFirst])
    try cluster.propose(p1, "red")
    try cluster.deliver(from: p1, to: a1)
    #expect(cluster.acceptorState(a1)?.minProposal == ballot(1, p1))
    #expect(cluster.node(a1)?.disk.acceptor.minProposal == .zero)
    #expect(cluster.inFlight.contains { cluster.trace[$0].kind == .promise })
  }

  @Test func theWriteLandsWhenTheNextMessageComes() throws {
    var cluster = try threeAcceptorCluster()
    cluster.setBugs([.replyFirst])
    try cluster.propose(p1, "red")
    try cluster.promise(p1, from: [a1, a2])
    try cluster.deliver(from: p1, to: a1)  // the accept: the promise is written first
    #expect(cluster.node(a1)?.disk.acceptor.minProposal == ballot(1, p1))
    #expect(cluster.node(a1)?.disk.acceptor.acceptedValue == nil)
    #expect(cluster.acceptorState(a1)?.acceptedValue == cluster.value("red"))
  }

  @Test func aCrashBeforeTheWriteLosesIt() throws {
    var cluster = try threeAcceptorCluster()
    cluster.setBugs([.replyFirst])
    try cluster.propose(p1, "red")
    try cluster.deliver(from: p1, to: a1)
    try cluster.crash(a1)
    try cluster.recover(a1)
    #expect(cluster.acceptorState(a1)?.minProposal == .zero)
    #expect(cluster.violations == [.promiseDecreased(a1, from: ballot(1, p1), to: .zero)])
  }
}
