/// Why a leader proposes what it proposes in a slot.
public enum SlotSource: Hashable, Sendable {
  /// A client's request it holds or just got.
  case request
  /// The command of the highest ballot accepted in the slot, as a promise from `reporter`
  /// reported it.
  case adopted(from: NodeID)
  /// No promise reported the slot: a no-op fills the gap, so that learners can go past it.
  case noop
}

/// The highest vote promises reported for a slot, and the acceptor that reported it.
public struct ReportedVote: Hashable, Sendable {
  public var vote: SlotVote
  public var reporter: NodeID
}

/// A proposer's state in a log cluster. All of it is volatile: a crash loses the requests held,
/// the slots assigned and what was known chosen (the clients' retries bring requests back).
public struct ProposerLog: Hashable, Sendable, EmptyInitializable {
  /// The requests held until known chosen, in the order first got.
  public internal(set) var held: [ValueID] = []
  /// What it knows chosen, by slot: `known[slot - 1]`.
  public internal(set) var known = ChunkedLog<SlotVote?>()
  /// Where each request it knows chosen is, by request: `knownSlots[request]`, zero for none.
  var knownSlots = ChunkedLog<Int32>()
  /// The next slot a leader fills.
  public internal(set) var nextSlot = 1
  /// Slots proposed in this leadership and not yet known chosen.
  public internal(set) var outstanding: Set<Int> = []
  /// Accepted replies counted for its own ballots, until the slot is known chosen.
  var tallies: [SlotTally] = []
  /// In phase 1: the highest accepted vote the promises reported for each slot, and who
  /// reported it.
  public internal(set) var reported: [Int: ReportedVote] = [:]

  public init() {}

  /// What it knows chosen in `slot`.
  public func known(in slot: Int) -> SlotVote? {
    slot >= 1 && slot <= known.count ? known[slot - 1] : nil
  }

  /// The slot it knows `command` chosen in, if any.
  public func knownSlot(of command: ValueID) -> Int? {
    let request = Int(command.raw)
    guard !command.isNoop, request < knownSlots.count, knownSlots[request] > 0 else { return nil }
    return Int(knownSlots[request])
  }

  /// The highest slot it knows chosen; zero for none.
  public var highestKnown: Int {
    known.lastIndex { $0 != nil }.map { $0 + 1 } ?? 0
  }

  mutating func startPhase1() {
    reported = [:]
    outstanding = []
  }

  mutating func hold(_ command: ValueID) {
    guard knownSlot(of: command) == nil, !held.contains(command) else { return }
    held.append(command)
  }

  /// Notes a slot as chosen; false when it already knew.
  mutating func learn(_ vote: SlotVote) -> Bool {
    guard vote.slot >= 1, known(in: vote.slot) == nil else { return false }
    known.grow(to: vote.slot, with: nil)
    known[vote.slot - 1] = vote
    if !vote.command.isNoop && knownSlot(of: vote.command) == nil {
      knownSlots.grow(to: Int(vote.command.raw) + 1, with: 0)
      knownSlots[Int(vote.command.raw)] = Int32(truncatingIfNeeded: vote.slot)
    }
    outstanding.remove(vote.slot)
    if let position = held.firstIndex(of: vote.command) { held.remove(at: position) }
    tallies.removeAll(inSlot: vote.slot)
    return true
  }
}
