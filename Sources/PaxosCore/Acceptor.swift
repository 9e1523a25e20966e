/// What an acceptor must find on disk after a crash.
public struct AcceptorState: Hashable, Sendable {
  /// The highest ballot promised: nothing lower may be accepted any more.
  public var minProposal: Ballot = .zero
  public var acceptedProposal: Ballot = .zero
  public var acceptedValue: ValueID?

  public init() {}
}

/// How an acceptor answered a message.
public enum AcceptorReply: Hashable, Sendable {
  case promised
  case accepted
  /// A nack: the ballot is below what the acceptor promised.
  case refused
  /// Messages an acceptor never acts on (promises, nacks, accepted).
  case ignored

  /// The acceptor's state changed: it must reach the disk before the reply leaves.
  public var mustPersist: Bool { self == .promised || self == .accepted }
}

public struct Acceptor: Hashable, Sendable {
  public let id: NodeID
  public var state: AcceptorState

  public init(id: NodeID, state: AcceptorState = AcceptorState()) {
    self.id = id
    self.state = state
  }

  /// Handles one message and appends the replies to `outbox`.
  ///
  /// The caller persists `state` when `mustPersist` before sending anything from the outbox.
  public mutating func receive(
    _ message: Message, config: Configuration, outbox: inout [Message]
  ) -> AcceptorReply {
    switch message.kind {
    case .prepare:
      guard message.ballot > state.minProposal else {
        outbox.append(nack(message))
        return .refused
      }
      state.minProposal = message.ballot
      outbox.append(
        Message(
          kind: .promise, from: id, to: message.from, ballot: message.ballot,
          prior: state.acceptedProposal, value: state.acceptedValue))
      return .promised
    case .accept:
      guard message.ballot >= state.minProposal || config.acceptorsIgnorePromises else {
        outbox.append(nack(message))
        return .refused
      }
      state.minProposal = max(state.minProposal, message.ballot)
      state.acceptedProposal = message.ballot
      state.acceptedValue = message.value
      var accepted = Message(
        kind: .accepted, from: id, to: message.from, ballot: message.ballot, value: message.value)
      outbox.append(accepted)
      for learner in config.learners where learner != message.from {
        accepted.to = learner
        outbox.append(accepted)
      }
      return .accepted
    case .promise, .accepted, .nack:
      return .ignored
    }
  }

  private func nack(_ message: Message) -> Message {
    Message(
      kind: .nack, from: id, to: message.from, ballot: message.ballot, prior: state.minProposal)
  }
}
