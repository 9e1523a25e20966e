/// What an acceptor must find on disk after a crash.
public struct AcceptorState: Hashable, Sendable {
  /// The highest ballot promised: nothing lower may be accepted any more. In a log cluster,
  /// one promise covers every slot.
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
  /// In a log cluster, what it accepted in each slot: `votes[slot - 1]`. Durable, like `state`.
  public var votes: [SlotVote?]

  public init(id: NodeID, state: AcceptorState = AcceptorState(), votes: [SlotVote?] = []) {
    self.id = id
    self.state = state
    self.votes = votes
  }

  /// What it accepted in `slot`, if anything.
  public func vote(in slot: Int) -> SlotVote? {
    slot >= 1 && slot <= votes.count ? votes[slot - 1] : nil
  }

  /// Handles one message and puts the replies in `outbox`.
  ///
  /// The caller persists `state` (and in a log cluster the slot accepted) when `mustPersist`,
  /// before sending anything from the outbox.
  public mutating func receive(
    _ message: Message, config: Configuration, outbox: inout Outbox
  ) -> AcceptorReply {
    switch message.kind {
    case .prepare:
      guard message.ballot > state.minProposal else {
        outbox.send(nack(message))
        return .refused
      }
      state.minProposal = message.ballot
      if config.isLog {
        // One promise covers every slot, so it reports every slot accepted.
        outbox.send(
          Message(kind: .promise, from: id, to: message.from, ballot: message.ballot),
          with: .votes(votes.compactMap { $0 }))
      } else {
        outbox.send(
          Message(
            kind: .promise, from: id, to: message.from, ballot: message.ballot,
            prior: state.acceptedProposal, value: state.acceptedValue))
      }
      return .promised
    case .accept:
      guard message.ballot >= state.minProposal || config.acceptorsIgnorePromises,
        let value = message.value
      else {
        outbox.send(nack(message))
        return .refused
      }
      state.minProposal = max(state.minProposal, message.ballot)
      if config.isLog {
        record(SlotVote(slot: message.slot, ballot: message.ballot, command: value))
      } else {
        state.acceptedProposal = message.ballot
        state.acceptedValue = value
      }
      var accepted = Message(
        kind: .accepted, from: id, to: message.from, ballot: message.ballot, value: value,
        slot: message.slot)
      outbox.send(accepted)
      for learner in config.learners where learner != message.from {
        accepted.to = learner
        outbox.send(accepted)
      }
      return .accepted
    case .promise, .accepted, .nack, .catchup, .chosen:
      return .ignored
    }
  }

  private mutating func record(_ vote: SlotVote) {
    if votes.count < vote.slot {
      votes.append(contentsOf: repeatElement(nil, count: vote.slot - votes.count))
    }
    votes[vote.slot - 1] = vote
  }

  private func nack(_ message: Message) -> Message {
    Message(
      kind: .nack, from: id, to: message.from, ballot: message.ballot, prior: state.minProposal,
      slot: message.kind == .accept ? message.slot : 0)
  }
}
