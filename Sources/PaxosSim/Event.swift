import PaxosCore

/// A message's number in the run: `#1`, `#2`, ... in the order messages were sent.
public struct MessageID: Hashable, Comparable, Sendable {
  public let raw: UInt32
  public init(raw: UInt32) { self.raw = raw }
  public static func < (lhs: MessageID, rhs: MessageID) -> Bool { lhs.raw < rhs.raw }
}

extension MessageID: CustomStringConvertible {
  public var description: String { "#\(raw)" }
}

/// Why a message never reached its receiver's code.
public enum LossReason: UInt8, Hashable, Sendable {
  case receiverDown, partitioned
}

public enum Violation: Hashable, Sendable {
  /// A second value became chosen: `first` was chosen earlier.
  case agreement(first: ValueID, second: ValueID, ballot: Ballot)
  /// A value nobody proposed became chosen.
  case validity(ValueID, Ballot)
  /// An acceptor's promise went backwards, e.g. after a crash that lost it.
  case promiseDecreased(NodeID, from: Ballot, to: Ballot)
}

/// Everything that can happen in the cluster, one entry of the trace each.
public enum Event: Hashable, Sendable {
  case sent(MessageID)
  case delivered(MessageID)
  case dropped(MessageID)
  case duplicated(MessageID, copy: MessageID)
  case lost(MessageID, LossReason)
  case crashed(NodeID)
  case recovered(NodeID)
  /// What a recovering acceptor read from its disk.
  case restoredAcceptor(NodeID, AcceptorState)
  /// The last round a recovering proposer read from its disk.
  case restoredRound(NodeID, Int)
  case partitioned(groupsIndex: Int)
  case healed
  case persistedAcceptor(NodeID, AcceptorState)
  case persistedRound(NodeID, Int)
  case timerFired(NodeID)
  case timerArmed(NodeID, delay: Int)
  // A proposer's events name only its ballot: the ballot names the proposer.
  case startedPhase1(Ballot)
  case startedPhase2(Ballot, ValueID, ValueSource)
  case awaitingValue(Ballot)
  case abandoned(Ballot, outbidBy: Ballot)
  case decided(ValueID, Ballot)
  case chosen(ValueID, Ballot)
  case learned(NodeID, ValueID, Ballot)
  case violation(Violation)

  /// Shown even in quiet mode.
  public var isViolation: Bool {
    if case .violation = self { return true }
    return false
  }
}

/// One entry of the trace: an event and the time of the step that caused it.
public struct TraceEntry: Hashable, Sendable {
  // The event first: the time then fills its tail padding, 56 bytes instead of 64.
  public var event: Event
  public var time: Int32
}
