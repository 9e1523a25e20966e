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
  public var votes: ChunkedLog<SlotVote?> {
    _read { yield votesState.value }
    _modify { yield &votesState.value }
  }
  private var votesState = LogState<ChunkedLog<SlotVote?>>()

  public init(
    id: NodeID, state: AcceptorState = AcceptorState(), votes: ChunkedLog<SlotVote?> = ChunkedLog()
  ) {
    self.id = id
    self.state = state
    if !votes.isEmpty { self.votes = votes }
  }

  /// What handling a message of a log cluster changed, for the caller to persist.
  public struct LogStep: Hashable, Sendable {
    public var reply: AcceptorReply
    /// The state after the message, and whether its promise rose.
    public var state: AcceptorState
    public var promiseRose: Bool
    /// The slot it accepted, when it did.
    public var vote: SlotVote?
  }

  /// `receive` in a log cluster, telling what changed: the simulator reads it from here instead
  /// of reading the acceptor back out of its node, a copy of every table the node holds.
  public mutating func receiveInLog(_ message: Message, config: Configuration, outbox: inout Outbox)
    -> LogStep
  {
    let before = state.minProposal
    let reply = receive(message, config: config, outbox: &outbox)
    // What it accepted is what the accept said: no need to read it back from the votes.
    let vote =
      reply == .accepted
      ? message.value.map { SlotVote(slot: message.slot, ballot: message.ballot, command: $0) }
      : nil
    return LogStep(
      reply: reply, state: state, promiseRose: state.minProposal != before, vote: vote)
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
        let value = message.value, !config.isLog || message.slot >= 1
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
    votes.grow(to: vote.slot, with: nil)
    votes[vote.slot - 1] = vote
  }

  private func nack(_ message: Message) -> Message {
    Message(
      kind: .nack, from: id, to: message.from, ballot: message.ballot, prior: state.minProposal,
      slot: message.kind == .accept ? message.slot : 0)
  }
}
