import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// For each teaching switch, a schedule built by hand that makes two values chosen when the
/// switch is on. Played with no switch, the same commands keep Paxos safe.
struct BugSchedule: Sendable, CustomTestStringConvertible {
  let bug: PaxosSim.Bug
  /// The violation the schedule produces with the switch on.
  let expected: Violation

  var testDescription: String { bug.rawValue }

  static let all: [BugSchedule] = [
    // red is chosen by a1 a2; both crash and come back empty, so p2 hears of no value.
    BugSchedule(
      bug: .noPersist, expected: .agreement(first: red, second: blue, ballot: ballot(1, p2))),
    // a2 tells p2 that red was accepted, and p2 proposes blue anyway.
    BugSchedule(
      bug: .ignoreAccepted, expected: .agreement(first: red, second: blue, ballot: ballot(1, p2))),
    // Two sides of a partition each hold a one-acceptor "quorum".
    BugSchedule(
      bug: .smallQuorum, expected: .agreement(first: red, second: blue, ballot: ballot(1, p2))),
    // blue is chosen at 1.p2, then a2 accepts p1's older 1.p1 = red in spite of its promise.
    BugSchedule(
      bug: .acceptAny, expected: .agreement(first: blue, second: red, ballot: ballot(1, p1))),
    // p1 forgets it used 1.p1, uses it again for blue, and counts old promises for it.
    BugSchedule(
      bug: .forgetBallot, expected: .agreement(first: red, second: blue, ballot: ballot(1, p1))),
    // a1 replies that it accepted red, then crashes before writing it: it tells p2 nothing.
    BugSchedule(
      bug: .replyFirst, expected: .agreement(first: red, second: blue, ballot: ballot(1, p2))),
    // In a log: a retried append takes a second slot, and l1 applies it there again.
    BugSchedule(
      bug: .noDedup, expected: .appliedTwice(l1, ValueID(raw: 0), slot: 2, first: 1)),
    // In a log: l1 was down for slot 2, learns slot 3 and applies it where l2 applied slot 2.
    BugSchedule(
      bug: .skipGaps,
      expected: .logsDiverge(
        l1, AppliedEntry(slot: 3, command: ValueID(raw: 2)), other: l2,
        AppliedEntry(slot: 2, command: ValueID(raw: 1)), position: 1)),
  ]

  static func forBug(_ bug: PaxosSim.Bug) -> BugSchedule {
    guard let schedule = all.first(where: { $0.bug == bug }) else {
      preconditionFailure("no schedule for \(bug)")
    }
    return schedule
  }

  /// red and blue are the first and second values proposed in every schedule.
  static let red = ValueID(raw: 0)
  static let blue = ValueID(raw: 1)

  /// Plays the schedule on a cluster of a1..a3, p1 p2 and l1, with the switch on or off.
  func play(switchOn: Bool) throws -> Cluster {
    var cluster = try threeAcceptorCluster(proposers: 2)
    cluster.setBugs(switchOn ? [bug] : [])
    switch bug {
    case .noPersist:
      try cluster.p1GetsRedAccepted()
      for acceptor in [a1, a2] { try cluster.crash(acceptor) }
      for acceptor in [a1, a2] { try cluster.recover(acceptor) }
      try p2ProposesBlue(quorum: [a1, a2], on: &cluster)
    case .ignoreAccepted:
      try cluster.p1GetsRedAccepted()
      try p2ProposesBlue(quorum: [a2, a3], on: &cluster)
    case .smallQuorum:
      try cluster.partition([[p1, a1], [p2, a3]])
      try cluster.propose(p1, "red")
      try cluster.propose(p2, "blue")
      cluster.deliverAll()
    case .acceptAny:
      try cluster.propose(p1, "red")
      try cluster.promise(p1, from: [a1, a2])
      try p2ProposesBlue(quorum: [a2, a3], on: &cluster)
      try cluster.accept(p1, at: [a1, a2])
    case .forgetBallot:
      try cluster.propose(p1, "red")
      for acceptor in [a1, a2, a3] { try cluster.deliver(from: p1, to: acceptor) }
      try cluster.duplicate(.link(from: a1, to: p1))  // a copy of a1's promise lingers
      try cluster.deliver(from: a1, to: p1)
      try cluster.deliver(from: a2, to: p1)
      try cluster.accept(p1, at: [a1, a2])  // red is chosen at 1.p1
      try cluster.crash(p1)
      try cluster.recover(p1)
      try cluster.propose(p1, "blue")
      try cluster.deliver(from: a3, to: p1)  // a3's old promise for 1.p1
      try cluster.deliver(from: a1, to: p1)  // and the copy of a1's
      cluster.deliverAll()
    case .replyFirst:
      try cluster.p1GetsRedAccepted()
      try cluster.crash(a1)
      try cluster.recover(a1)
      try p2ProposesBlue(quorum: [a1, a3], on: &cluster)
    case .noDedup:
      cluster = try Cluster.standard(acceptors: 3, proposers: 1, learners: 1, log: true)
      cluster.setBugs(switchOn ? [bug] : [])
      try cluster.request(p1, ClientCommand(.append, key: "x", argument: "a"))
      cluster.deliverAll()
      try cluster.retry(ValueID(raw: 0), to: p1)
      cluster.deliverAll()
    case .skipGaps:
      cluster = try Cluster.standard(acceptors: 3, proposers: 1, learners: 2, log: true)
      cluster.setBugs(switchOn ? [bug] : [])
      try cluster.request(p1, ClientCommand(.put, key: "x", argument: "1"))
      cluster.deliverAll()
      try cluster.crash(l1)
      try cluster.request(p1, ClientCommand(.put, key: "x", argument: "2"))
      cluster.deliverAll()
      try cluster.recover(l1)
      try cluster.request(p1, ClientCommand(.put, key: "x", argument: "3"))
      cluster.deliverAll()
    }
    return cluster
  }

  private func p2ProposesBlue(quorum: [NodeID], on cluster: inout Cluster) throws {
    try cluster.propose(p2, "blue")
    try cluster.promise(p2, from: quorum)
    try cluster.accept(p2, at: quorum)
  }
}
