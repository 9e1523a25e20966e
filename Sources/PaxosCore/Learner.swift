/// Learns a value once a quorum of acceptors has accepted the same ballot.
public struct Learner: Hashable, Sendable {
  public struct Tally: Hashable, Sendable {
    public var ballot: Ballot
    public var value: ValueID?
    public var acceptors: AcceptorSet
  }

  public let id: NodeID
  public private(set) var learned: ValueID?
  /// Accepted messages counted until a value is learned, one tally per ballot and value.
  public internal(set) var tallies: [Tally] = []
  /// In a log cluster: what it learned in each slot, `slots[slot - 1]`. Durable.
  public internal(set) var slots: ChunkedLog<SlotVote?> {
    _read { yield logState.value.slots }
    _modify { yield &logState.value.slots }
  }
  /// In a log cluster: accepted messages counted for slots not yet learned. Volatile.
  var slotTallies: [SlotTally] {
    _read { yield logState.value.tallies }
    _modify { yield &logState.value.tallies }
  }
  private var logState = LogState<LearnerLog>()

  struct LearnerLog: Hashable, Sendable, EmptyInitializable {
    var slots = ChunkedLog<SlotVote?>()
    var tallies: [SlotTally] = []
  }

  public init(id: NodeID, slots: ChunkedLog<SlotVote?> = ChunkedLog()) {
    self.id = id
    if !slots.isEmpty { self.slots = slots }
  }

  /// Counts an accepted message; returns the value and ballot when a quorum is reached. Once a
  /// value is learned the learner stops counting: in Paxos a chosen value never changes.
  public mutating func receive(_ message: Message, config: Configuration) -> (ValueID, Ballot)? {
    guard learned == nil, message.kind == .accepted, let value = message.value,
      let index = config.acceptorIndex(message.from)
    else { return nil }
    let slot: Int
    // Search the newest first: acceptances of a ballot arrive close together.
    if let found = tallies.lastIndex(where: { $0.ballot == message.ballot && $0.value == value }) {
      slot = found
    } else {
      tallies.append(Tally(ballot: message.ballot, value: value, acceptors: AcceptorSet()))
      slot = tallies.count - 1
    }
    let before = tallies[slot].acceptors.count
    tallies[slot].acceptors.insert(index)
    guard before < config.quorum, tallies[slot].acceptors.count >= config.quorum else { return nil }
    learned = value
    tallies = []
    return (value, message.ballot)
  }
}
