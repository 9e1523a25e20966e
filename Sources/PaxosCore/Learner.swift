/// Learns a value once a quorum of acceptors has accepted the same ballot.
public struct Learner: Hashable, Sendable {
  public struct Tally: Hashable, Sendable {
    public var ballot: Ballot
    public var value: ValueID?
    public var acceptors: AcceptorSet
  }

  public let id: NodeID
  public private(set) var learned: ValueID?
  /// Accepted messages counted so far, one tally per ballot (few ballots ever reach a learner).
  public private(set) var tallies: [Tally] = []

  public init(id: NodeID) { self.id = id }

  public enum Event: Hashable, Sendable {
    case learned(ValueID, Ballot)
    /// A quorum accepted a different value than the one already learned: agreement is broken.
    case conflicting(ValueID, Ballot)
  }

  public mutating func receive(_ message: Message, config: Configuration) -> Event? {
    guard message.kind == .accepted, let value = message.value,
      let index = config.acceptorIndex(message.from)
    else { return nil }
    let slot: Int
    if let found = tallies.firstIndex(where: { $0.ballot == message.ballot && $0.value == value }) {
      slot = found
    } else {
      tallies.append(Tally(ballot: message.ballot, value: value, acceptors: AcceptorSet()))
      slot = tallies.count - 1
    }
    let before = tallies[slot].acceptors.count
    tallies[slot].acceptors.insert(index)
    guard before < config.quorum, tallies[slot].acceptors.count >= config.quorum else { return nil }
    if let learned, learned != value { return .conflicting(value, message.ballot) }
    guard learned == nil else { return nil }
    learned = value
    return .learned(value, message.ballot)
  }
}
