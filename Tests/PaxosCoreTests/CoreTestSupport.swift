import PaxosCore
import PaxosTestSupport

// Shared fixtures for the PaxosCore tests: names, values, configurations and messages.

let red = ValueID(raw: 0)
let blue = ValueID(raw: 1)
let green = ValueID(raw: 2)

/// Acceptors a1, a2, a3 (a quorum of two) and the given learners.
func threeAcceptors(learners: [NodeID] = [], ignoreAcceptedValues: Bool = false) -> Configuration {
  var config = Configuration()
  for acceptor in [a1, a2, a3] { config.addAcceptor(acceptor) }
  for learner in learners { config.addLearner(learner) }
  config.proposersIgnoreAcceptedValues = ignoreAcceptedValues
  return config
}

func prepare(_ ballot: Ballot, to acceptor: NodeID = a1) -> Message {
  Message(kind: .prepare, from: ballot.proposer, to: acceptor, ballot: ballot)
}

/// A promise from `acceptor`, reporting `accepted = value` when it has accepted something.
func promise(
  _ ballot: Ballot, from acceptor: NodeID, accepted: Ballot = .zero, value: ValueID? = nil
) -> Message {
  Message(
    kind: .promise, from: acceptor, to: ballot.proposer, ballot: ballot, prior: accepted,
    value: value)
}

func accept(_ ballot: Ballot, _ value: ValueID, to acceptor: NodeID = a1) -> Message {
  Message(kind: .accept, from: ballot.proposer, to: acceptor, ballot: ballot, value: value)
}

func accepted(_ ballot: Ballot, _ value: ValueID, from acceptor: NodeID, to receiver: NodeID)
  -> Message
{
  Message(kind: .accepted, from: acceptor, to: receiver, ballot: ballot, value: value)
}

func nack(_ ballot: Ballot, from acceptor: NodeID, promised: Ballot) -> Message {
  Message(kind: .nack, from: acceptor, to: ballot.proposer, ballot: ballot, prior: promised)
}

extension Acceptor {
  /// An acceptor that has promised `promised` and, optionally, accepted `accepted = value`.
  static func holding(
    _ id: NodeID = a1, promised: Ballot, accepted: Ballot = .zero, value: ValueID? = nil
  ) -> Acceptor {
    var state = AcceptorState()
    state.minProposal = promised
    state.acceptedProposal = accepted
    state.acceptedValue = value
    return Acceptor(id: id, state: state)
  }
}

extension Proposer {
  /// Delivers each message in turn; returns the events and every message sent meanwhile.
  mutating func receiveAll(_ messages: [Message], config: Configuration)
    -> (events: [Event], sent: [Message])
  {
    var outbox = Outbox()
    let events = messages.map { receive($0, config: config, outbox: &outbox) }
    return (events, outbox.messages)
  }

  /// A proposer with `value` that has sent prepare for round `round` to a1..a3.
  static func preparing(
    _ id: NodeID = p1, round: Int, value: ValueID?, config: Configuration
  ) -> Proposer {
    var proposer = Proposer(id: id)
    proposer.value = value
    var outbox = Outbox()
    _ = proposer.prepare(round: round, config: config, outbox: &outbox)
    return proposer
  }
}

/// What a learner reports when a quorum accepted the same ballot and value.
struct Learned: Hashable {
  var value: ValueID
  var ballot: Ballot

  init(_ value: ValueID, _ ballot: Ballot) {
    self.value = value
    self.ballot = ballot
  }
}

extension Learner {
  /// Delivers each message in turn; returns what each one made the learner learn.
  mutating func receiveAll(_ messages: [Message], config: Configuration) -> [Learned?] {
    messages.map { receive($0, config: config).map { Learned($0, $1) } }
  }
}
