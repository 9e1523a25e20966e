/// Where a proposer stands in its current attempt.
public enum Attempt: Hashable, Sendable {
  case idle
  /// Phase 1: collecting promises for `ballot`.
  case preparing(Ballot, Promises)
  /// A quorum promised, but there is no value to propose: waiting for a client's value.
  case awaitingValue(Ballot)
  /// Phase 2: collecting accepted replies for `ballot`.
  case accepting(Ballot, ValueID, acceptedBy: AcceptorSet)
  /// A quorum accepted `ValueID` under `Ballot`: the proposer knows it is chosen.
  case decided(ValueID, Ballot)
  /// A nack showed a higher ballot; the proposer retries when its timer fires.
  case abandoned(Ballot, outbidBy: Ballot)
  /// In a log cluster: phase 1 succeeded, and the proposer fills slots under `ballot` with no
  /// further prepare, until a nack shows a higher ballot.
  case leading(Ballot)

  public var ballot: Ballot? {
    switch self {
    case .idle: nil
    case .preparing(let ballot, _), .awaitingValue(let ballot), .accepting(let ballot, _, _),
      .decided(_, let ballot), .abandoned(let ballot, _), .leading(let ballot):
      ballot
    }
  }
}

/// The promises gathered in phase 1, and the highest accepted proposal they reported.
public struct Promises: Hashable, Sendable {
  public var from = AcceptorSet()
  public var highestAccepted = Ballot.zero
  public var highestValue: ValueID?
  /// Who reported `highestAccepted`: the acceptor that lies in both majorities.
  public var highestReporter = NodeID.none

  public init() {}
}

/// Why a proposer sends the value it sends in phase 2.
public enum ValueSource: Hashable, Sendable {
  /// No promise reported an accepted value: the proposer's own.
  case own
  /// The value of the highest accepted proposal among the promises, reported by `reporter`.
  case adopted(from: NodeID, accepted: Ballot)
  /// A teaching switch made the proposer ignore the accepted value reported by `reporter`.
  case ignoredAccepted(from: NodeID, accepted: Ballot)
}

public struct Proposer: Hashable, Sendable {
  public let id: NodeID
  /// The highest round this proposer has used. Durable: a ballot is never reused.
  public var highestRound = 0
  /// The highest round seen in others' ballots, so the next attempt can go above it.
  public var highestRoundSeen = 0
  /// The value a client asked this proposer to get chosen.
  public var value: ValueID?
  public var attempt = Attempt.idle
  /// In a log cluster: the requests, slots and tallies of its leadership. Volatile.
  public var log: ProposerLog {
    _read { yield logState.value }
    _modify { yield &logState.value }
  }
  private var logState = LogState<ProposerLog>()

  public init(id: NodeID, highestRound: Int = 0) {
    self.id = id
    self.highestRound = highestRound
  }

  /// What a message did to the proposer.
  public enum Event: Hashable, Sendable {
    case promiseCounted
    case startedPhase2(Ballot, ValueID, ValueSource)
    case awaitingValue(Ballot)
    case acceptedCounted
    case decided(ValueID, Ballot)
    case abandoned(Ballot, outbidBy: Ballot)
    /// The message belongs to an attempt the proposer is no longer making.
    case stale
    // Log clusters only.
    /// Phase 1 succeeded: the promises reported slots up to `top`, or it knows them chosen.
    case leads(Ballot, top: Int)
    /// It sent `accept` for a slot to every acceptor.
    case proposed(SlotVote, SlotSource)
    /// A majority accepted the slot's command under one of its ballots, or a catch-up answer
    /// said so: it knows the slot chosen.
    case decidedSlot(SlotVote)
    /// It holds the request until its phase 1 ends.
    case holds(ValueID)
    /// It already knows the request chosen, in this slot: it has nothing to do.
    case knownChosen(SlotVote)
  }

  /// The round a fresh attempt uses: above everything used or seen. Nil when rounds run out.
  // Inlinable: the simulator asks it of every proposer at every step of a run.
  @inlinable public var nextRound: Int? {
    let (next, overflow) = max(highestRound, highestRoundSeen).addingReportingOverflow(1)
    return overflow ? nil : next
  }

  /// Starts phase 1 with ballot `round.id`, broadcasting prepare to every acceptor.
  ///
  /// `highestRound` changes: the caller persists it before sending the outbox.
  public mutating func prepare(round: Int, config: Configuration, outbox: inout Outbox) -> Ballot {
    let ballot = Ballot(round: round, proposer: id)
    highestRound = max(highestRound, round)
    attempt = .preparing(ballot, Promises())
    // Slot numbers assigned as leader are forgotten: the new phase 1 assigns them again.
    if config.isLog { log.startPhase1() }
    for acceptor in config.acceptors {
      outbox.send(Message(kind: .prepare, from: id, to: acceptor, ballot: ballot))
    }
    return ballot
  }

  /// Gives the proposer a client's value; if it was waiting for one, phase 2 starts now.
  public mutating func supply(_ value: ValueID, config: Configuration, outbox: inout Outbox)
    -> Event?
  {
    self.value = value
    guard case .awaitingValue(let ballot) = attempt else { return nil }
    return startPhase2(ballot, value, .own, config: config, outbox: &outbox)
  }

  public mutating func receive(_ message: Message, config: Configuration, outbox: inout Outbox)
    -> Event
  {
    highestRoundSeen = max(highestRoundSeen, message.ballot.round, message.prior.round)
    switch (message.kind, attempt) {
    case (.promise, .preparing(let ballot, var promises)) where message.ballot == ballot:
      guard let index = config.acceptorIndex(message.from) else { return .stale }
      promises.from.insert(index)
      if message.prior > promises.highestAccepted {
        promises.highestAccepted = message.prior
        promises.highestValue = message.value
        promises.highestReporter = message.from
      }
      attempt = .preparing(ballot, promises)
      guard promises.from.count >= config.quorum else { return .promiseCounted }
      return finishPhase1(ballot, promises, config: config, outbox: &outbox)
    // Matching the value too: under the forget-ballot bug one ballot can carry two values.
    case (.accepted, .accepting(let ballot, let value, var acceptedBy))
    where message.ballot == ballot && message.value == value:
      guard let index = config.acceptorIndex(message.from) else { return .stale }
      acceptedBy.insert(index)
      guard acceptedBy.count >= config.quorum else {
        attempt = .accepting(ballot, value, acceptedBy: acceptedBy)
        return .acceptedCounted
      }
      attempt = .decided(value, ballot)
      return .decided(value, ballot)
    // Only a higher ballot ends the attempt: a duplicated prepare is refused with the very
    // ballot the acceptor already promised to this proposer.
    case (.nack, .preparing(let ballot, _))
    where message.ballot == ballot && message.prior > ballot,
      (.nack, .accepting(let ballot, _, _))
    where message.ballot == ballot && message.prior > ballot,
      (.nack, .awaitingValue(let ballot))
    where message.ballot == ballot && message.prior > ballot:
      attempt = .abandoned(ballot, outbidBy: message.prior)
      return .abandoned(ballot, outbidBy: message.prior)
    default:
      return .stale
    }
  }

  private mutating func finishPhase1(
    _ ballot: Ballot, _ promises: Promises, config: Configuration, outbox: inout Outbox
  ) -> Event {
    if let adopted = promises.highestValue {
      let accepted = promises.highestAccepted
      let reporter = promises.highestReporter
      if !config.proposersIgnoreAcceptedValues {
        return startPhase2(
          ballot, adopted, .adopted(from: reporter, accepted: accepted), config: config,
          outbox: &outbox)
      }
      if let value {
        return startPhase2(
          ballot, value, .ignoredAccepted(from: reporter, accepted: accepted), config: config,
          outbox: &outbox)
      }
    } else if let value {
      return startPhase2(ballot, value, .own, config: config, outbox: &outbox)
    }
    attempt = .awaitingValue(ballot)
    return .awaitingValue(ballot)
  }

  private mutating func startPhase2(
    _ ballot: Ballot, _ value: ValueID, _ source: ValueSource, config: Configuration,
    outbox: inout Outbox
  ) -> Event {
    attempt = .accepting(ballot, value, acceptedBy: AcceptorSet())
    for acceptor in config.acceptors {
      outbox.send(Message(kind: .accept, from: id, to: acceptor, ballot: ballot, value: value))
    }
    return .startedPhase2(ballot, value, source)
  }
}
