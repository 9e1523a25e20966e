import PaxosCore
import PaxosSim
import PaxosTestSupport

// Shared fixtures for the PaxosSim tests: names, standard clusters, and accessors that read a
// node's state or the trace without repeating optional chains in every test.

/// Acceptors a1..a3, proposers p1.., learners l1..: the cluster most scenarios start from.
func threeAcceptorCluster(proposers: Int = 1, learners: Int = 1) throws -> Cluster {
  try Cluster.standard(acceptors: 3, proposers: proposers, learners: learners)
}

extension Cluster {
  // MARK: Node state

  func acceptorState(_ id: NodeID) -> AcceptorState? { node(id)?.acceptor?.state }

  func attempt(_ id: NodeID) -> Attempt? { node(id)?.proposer?.attempt }

  func learned(_ id: NodeID) -> String? { node(id)?.learner?.learned.map { values[$0] } }

  func isUp(_ id: NodeID) -> Bool { node(id)?.isUp ?? false }

  // MARK: Values

  /// The chosen value's text, if any.
  var chosenText: String? { choices.value.map { values[$0] } }

  /// The text of every value that ever became chosen, in order, without repeats.
  var chosenTexts: [String] {
    var texts: [String] = []
    for choice in choices.chosen where !texts.contains(values[choice.value]) {
      texts.append(values[choice.value])
    }
    return texts
  }

  /// The ID of a value that was proposed; `ValueID(raw: .max)` when it never was.
  func value(_ text: String) -> ValueID { values.id(of: text) ?? ValueID(raw: .max) }

  // MARK: Network

  /// The messages in flight, oldest first.
  var inFlightMessages: [Message] { inFlight.map { trace[$0] } }

  /// The IDs in flight of messages of one kind, oldest first.
  func inFlight(_ kind: MessageKind) -> [MessageID] {
    inFlight.filter { trace[$0].kind == kind }
  }

  /// The oldest message in flight from one node to another.
  mutating func deliver(from sender: NodeID, to receiver: NodeID) throws {
    try deliver(.link(from: sender, to: receiver))
  }

  /// Phase 1 with the given acceptors only: each gets the proposer's oldest message (its prepare)
  /// and the proposer gets the acceptor's answer.
  mutating func promise(_ proposer: NodeID, from acceptors: [NodeID]) throws {
    for acceptor in acceptors {
      try deliver(from: proposer, to: acceptor)
      try deliver(from: acceptor, to: proposer)
    }
  }

  /// Delivers the proposer's oldest message to each acceptor: its accept once phase 2 started.
  mutating func accept(_ proposer: NodeID, at acceptors: [NodeID]) throws {
    for acceptor in acceptors { try deliver(from: proposer, to: acceptor) }
  }

  /// p1 gets red accepted by `acceptors` after promises from a1 and a2 (a1, a2 is a quorum,
  /// so red is chosen); the prepare to a3 and the other accepts stay in flight.
  mutating func p1GetsRedAccepted(by acceptors: [NodeID] = [a1, a2]) throws {
    try propose(p1, "red")
    try promise(p1, from: [a1, a2])
    try accept(p1, at: acceptors)
  }

  // MARK: Trace

  var events: [Event] { trace.entries.map(\.event) }

  /// The canonical text of every event, in order.
  var transcript: [String] { trace.entries.map { describe($0.event) } }

  var agreementViolations: [Violation] {
    violations.filter {
      if case .agreement = $0 { return true }
      return false
    }
  }
}

/// The sources proposers gave for the values they sent in phase 2, in order.
func phase2Sources(_ cluster: Cluster) -> [(Ballot, String, ValueSource)] {
  cluster.events.compactMap {
    guard case .startedPhase2(let ballot, let value, let source) = $0 else { return nil }
    return (ballot, cluster.values[value], source)
  }
}
