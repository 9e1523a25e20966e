/// A command a ballot proposed for one slot of a log: what an acceptor accepted there, or what
/// a node knows was chosen there (with the ballot of its choice, zero when it heard of it only
/// in a catch-up answer).
public struct SlotVote: Hashable, Sendable {
  public var slot: Int
  public var ballot: Ballot
  public var command: ValueID

  public init(slot: Int, ballot: Ballot, command: ValueID) {
    self.slot = slot
    self.ballot = ballot
    self.command = command
  }
}

/// What a message of a log cluster carries beyond one slot. It varies in size, so it lives
/// beside the message (the simulator keeps it in the trace), and the message holds its number.
public enum Report: Hashable, Sendable {
  /// A promise: every slot the acceptor has accepted, in slot order.
  case votes([SlotVote])
  /// A learner's catch-up request: the slots it has learned, as ranges in order.
  case learned([ClosedRange<Int>])
  /// A catch-up answer: the chosen slots the asking learner lacks, in slot order.
  case chosen([SlotVote])
}

/// Replies and reports a role produced while handling one message: the messages go out in
/// order; a message that carries a report holds its position in `reports`.
public struct Outbox: Hashable, Sendable {
  public var messages: [Message] = []
  public var reports: [Report] = []

  public init() {}

  public mutating func send(_ message: Message) { messages.append(message) }

  /// Sends `message` carrying `report`.
  public mutating func send(_ message: Message, with report: Report) {
    var message = message
    message.slot = reports.count
    reports.append(report)
    messages.append(message)
  }

  public mutating func removeAll() {
    messages.removeAll(keepingCapacity: true)
    reports.removeAll(keepingCapacity: true)
  }
}
