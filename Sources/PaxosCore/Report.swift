/// A command a ballot proposed for one slot of a log: what an acceptor accepted there, or what
/// a node knows was chosen there (with the ballot of its choice, zero when it heard of it only
/// in a catch-up answer).
public struct SlotVote: Hashable, Sendable {
  public var ballot: Ballot
  // 32 bits are plenty (a message carries 24): 24 bytes a vote, and a log holds many.
  @usableFromInline var storedSlot: Int32
  public var command: ValueID

  public init(slot: Int, ballot: Ballot, command: ValueID) {
    self.storedSlot = Int32(truncatingIfNeeded: slot)
    self.ballot = ballot
    self.command = command
  }

  @inlinable public var slot: Int {
    get { Int(storedSlot) }
    set { storedSlot = Int32(truncatingIfNeeded: newValue) }
  }
}

/// Accepted replies counted for one slot, ballot and command: a tally of a log's proposer or
/// learner. Kept in a short list, newest last: only the slots in flight have one.
struct SlotTally: Hashable, Sendable {
  var vote: SlotVote
  var acceptors: AcceptorSet
}

extension [SlotTally] {
  /// Counts `acceptor` for `vote`; returns how many acceptors it now has.
  mutating func count(_ acceptor: Int, for vote: SlotVote) -> Int {
    // Search the newest first: acceptances of a slot arrive close together.
    if let position = lastIndex(where: { $0.vote == vote }) {
      self[position].acceptors.insert(acceptor)
      return self[position].acceptors.count
    }
    var acceptors = AcceptorSet()
    acceptors.insert(acceptor)
    append(SlotTally(vote: vote, acceptors: acceptors))
    return 1
  }

  /// Forgets the tallies of a slot, once it is known chosen.
  mutating func removeAll(inSlot slot: Int) {
    removeAll { $0.vote.slot == slot }
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

  // Inlinable: the simulator sends on every delivery.
  @inlinable public mutating func send(_ message: Message) { messages.append(message) }

  /// Sends `message` carrying `report`.
  @inlinable public mutating func send(_ message: Message, with report: Report) {
    var message = message
    message.slot = reports.count
    reports.append(report)
    messages.append(message)
  }
}

extension Outbox {
  /// Answers a learner's catch-up request (`catchup`, carrying the slots it learned) with every
  /// slot in `known` it lacks, also above its highest; an answer bringing nothing is sent too.
  mutating func answer(
    _ catchup: Message, report: Report?, from node: NodeID, knowing known: ChunkedLog<SlotVote?>
  ) {
    guard case .learned(let ranges)? = report else { return }
    let missing = known.lazy.compactMap { $0 }.filter { vote in
      !ranges.contains { $0.contains(vote.slot) }
    }
    send(
      Message(kind: .chosen, from: node, to: catchup.from, ballot: .zero),
      with: .chosen(Array(missing)))
  }
}
