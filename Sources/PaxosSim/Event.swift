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
  // Log clusters only.
  /// A second command became chosen in one slot: `first` was chosen there earlier.
  case slotAgreement(slot: Int32, first: ValueID, second: ValueID, ballot: Ballot)
  /// A command nobody requested became chosen in a slot.
  case slotValidity(slot: Int32, ValueID, Ballot)
  /// Two learners applied different slots or commands at one position of their applied logs:
  /// neither log is a prefix of the other.
  case logsDiverge(NodeID, AppliedEntry, other: NodeID, AppliedEntry, position: Int32)
  /// A learner applied a request a second time, in `slot`; it first applied it in `first`.
  case appliedTwice(NodeID, ValueID, slot: Int32, first: Int32)
}

/// One slot a learner applied, and the command in it.
public struct AppliedEntry: Hashable, Sendable {
  public var slot: Int32
  public var command: ValueID

  public init(slot: Int32, command: ValueID) {
    self.slot = slot
    self.command = command
  }
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
  // Log clusters only.
  /// A client hands a request to a proposer; `retry` when it sends one again.
  case requested(ValueID, to: NodeID, retry: Bool)
  /// A proposer holds a request until its phase 1 ends.
  case holds(NodeID, ValueID)
  /// A proposer got a request it already knows chosen.
  case knownChosen(NodeID, SlotVote)
  /// A proposer's phase 1 succeeded: it leads; the promises reported slots up to `top`, or it
  /// knew them chosen.
  case leads(Ballot, top: Int)
  /// A leader sent `accept` for one slot to every acceptor.
  case proposed(SlotVote, SlotSource)
  /// A proposer knows a slot chosen.
  case decidedSlot(NodeID, SlotVote)
  case persistedVote(NodeID, SlotVote)
  /// How many accepted slots a recovering acceptor read from its disk.
  case restoredVotes(NodeID, count: Int)
  /// What a recovering learner read from its disk: slots learned, and how far it applied.
  case restoredLearner(NodeID, learned: Int, applied: Int)
  case chosenSlot(SlotVote)
  case learnedSlot(NodeID, SlotVote)
  /// A learner applied a slot; `output` numbers the store's answer in `Trace.outputs`.
  case applied(NodeID, AppliedEntry, output: UInt32)
  /// A learner skipped a copy of a request it had applied in slot `first`; the slot counts as
  /// applied.
  case skippedDuplicate(NodeID, AppliedEntry, first: Int32)
  /// A learner learned `learned` but must apply slot `missing` first.
  case waits(NodeID, missing: Int32, learned: Int32)
  /// A learner asks every proposer and every other learner for the chosen slots it lacks.
  case asksForSlots(NodeID)

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
