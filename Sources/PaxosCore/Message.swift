public enum MessageKind: UInt8, CaseIterable, Sendable {
  case prepare, promise, accept, accepted, nack

  public var name: String { staticName.description }

  /// The name as a `StaticString`, which writers copy without building a `String`.
  public var staticName: StaticString {
    switch self {
    case .prepare: "prepare"
    case .promise: "promise"
    case .accept: "accept"
    case .accepted: "accepted"
    case .nack: "nack"
    }
  }
}

/// One protocol message. A plain value: the network copies it freely.
public struct Message: Hashable, Sendable {
  // Fields in this order pack into 56 bytes: the kind fills the value's padding.
  public var from: NodeID
  public var to: NodeID
  /// The ballot the message is about: prepared, promised, proposed, accepted or refused.
  public var ballot: Ballot
  /// In a promise, the acceptor's accepted proposal (zero if none);
  /// in a nack, the higher ballot the acceptor has promised.
  public var prior: Ballot
  /// In accept and accepted, the value; in a promise, the acceptor's accepted value.
  public var value: ValueID?
  public var kind: MessageKind

  public init(
    kind: MessageKind, from: NodeID, to: NodeID, ballot: Ballot,
    prior: Ballot = .zero, value: ValueID? = nil
  ) {
    self.kind = kind
    self.from = from
    self.to = to
    self.ballot = ballot
    self.prior = prior
    self.value = value
  }
}
