public enum MessageKind: UInt8, CaseIterable, Sendable {
  case prepare, promise, accept, accepted, nack
  /// Log clusters only: a learner asks for the slots it lacks, and is answered with them.
  case catchup, chosen

  public var name: String { staticName.description }

  /// The name as a `StaticString`, which writers copy without building a `String`.
  public var staticName: StaticString {
    switch self {
    case .prepare: "prepare"
    case .promise: "promise"
    case .accept: "accept"
    case .accepted: "accepted"
    case .nack: "nack"
    case .catchup: "catchup"
    case .chosen: "chosen"
    }
  }
}

/// One protocol message. A plain value: the network copies it freely.
public struct Message: Hashable, Sendable {
  // Stored in 56 bytes: the value, the kind and the slot are packed into two words, since an
  // optional `ValueID` alone would take eight bytes with its padding.
  public var from: NodeID
  public var to: NodeID
  /// The ballot the message is about: prepared, promised, proposed, accepted or refused.
  public var ballot: Ballot
  /// In a promise, the acceptor's accepted proposal (zero if none);
  /// in a nack, the higher ballot the acceptor has promised.
  public var prior: Ballot
  @usableFromInline var rawValue: UInt32
  /// The kind in the low byte, the slot above it.
  @usableFromInline var rawKindAndSlot: UInt32

  /// Slots fit in the 24 bits left beside the kind.
  public static let maxSlot = (1 << 24) - 1
  @usableFromInline static let noValue = UInt32.max

  public init(
    kind: MessageKind, from: NodeID, to: NodeID, ballot: Ballot,
    prior: Ballot = .zero, value: ValueID? = nil, slot: Int = 0
  ) {
    self.from = from
    self.to = to
    self.ballot = ballot
    self.prior = prior
    self.rawValue = value?.raw ?? Self.noValue
    self.rawKindAndSlot = UInt32(kind.rawValue) | UInt32(truncatingIfNeeded: slot) << 8
  }

  /// In accept and accepted, the value; in a promise, the acceptor's accepted value.
  @inlinable public var value: ValueID? {
    get { rawValue == Self.noValue ? nil : ValueID(raw: rawValue) }
    set { rawValue = newValue?.raw ?? Self.noValue }
  }

  @inlinable public var kind: MessageKind {
    get { MessageKind(rawValue: UInt8(truncatingIfNeeded: rawKindAndSlot)) ?? .prepare }
    set { rawKindAndSlot = rawKindAndSlot & ~0xFF | UInt32(newValue.rawValue) }
  }

  /// In a log cluster: the slot an accept or accepted is about; in a promise, catchup or
  /// chosen message, the number of its report (`Report`), which lives beside the message.
  /// Zero in a single-decree cluster.
  @inlinable public var slot: Int {
    get { Int(rawKindAndSlot >> 8) }
    set { rawKindAndSlot = rawKindAndSlot & 0xFF | UInt32(truncatingIfNeeded: newValue) << 8 }
  }
}
