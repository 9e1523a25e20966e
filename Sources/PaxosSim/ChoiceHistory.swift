import PaxosCore

/// What was ever accepted and chosen, kept apart from the acceptors' current states: once a
/// quorum accepted a ballot its value is chosen for good, even if those acceptors later forget.
public struct ChoiceHistory: Hashable, Sendable {
  public struct Proposal: Hashable, Sendable {
    public var ballot: Ballot
    public var value: ValueID
    /// In a log cluster, the slot; zero otherwise.
    public var slot: Int

    public init(ballot: Ballot, value: ValueID, slot: Int = 0) {
      self.ballot = ballot
      self.value = value
      self.slot = slot
    }

    /// One word to hash instead of four: every accepted message looks a proposal up.
    public func hash(into hasher: inout Hasher) {
      hasher.combine(
        UInt64(bitPattern: Int64(ballot.round)) &* 0x9E37_79B9_7F4A_7C15
          ^ ballot.proposer.raw ^ UInt64(value.raw) << 40 ^ UInt64(slot) &* 0xBF58_476D_1CE4_E5B9)
    }
  }

  public struct Choice: Hashable, Sendable {
    public var value: ValueID
    public var ballot: Ballot
    public var time: Int
  }

  /// Which acceptors ever accepted each proposal.
  private var acceptedBy: [Proposal: AcceptorSet] = [:]
  /// Every proposal that reached a quorum, in order; the first one's value is the chosen value.
  /// A log cluster keeps its choices slot by slot instead (`firstChosen`).
  public private(set) var chosen: [Choice] = []
  public private(set) var violations: [Violation] = []
  /// The promise each acceptor held when last seen, by acceptor position.
  private var lastPromise: [Ballot] = []
  /// In a log cluster, slot by slot; boxed: a single-decree history holds one empty pointer.
  private var slots = LogState<SlotHistory>()

  /// In a log cluster: the first command chosen in each slot, `firstChosen[slot - 1]`.
  public var firstChosen: ChunkedLog<SlotVote?> { slots.value.firstChosen }
  /// In a log cluster: how many slots have a command chosen.
  public var chosenSlotCount: Int { slots.value.chosenSlotCount }
  /// In a log cluster: the longest applied log any learner has, which every learner's applied
  /// log must agree with, position by position.
  public var appliedLog: ChunkedLog<AppliedEntry> { slots.value.appliedLog }

  struct SlotHistory: Hashable, Sendable, EmptyInitializable {
    var firstChosen = ChunkedLog<SlotVote?>()
    var chosenSlotCount = 0
    /// Which acceptors ever accepted each ballot and command, slot by slot (`acceptedBy`
    /// grows with every proposal; this copies one chunk when it is shared).
    var acceptances = ChunkedLog<[SlotAcceptance]>()
    var appliedLog = ChunkedLog<AppliedEntry>()
    /// Who applied each entry of `appliedLog` first.
    var appliedBy = ChunkedLog<NodeID>()
  }

  struct SlotAcceptance: Hashable, Sendable {
    var ballot: Ballot
    var value: ValueID
    var acceptors: AcceptorSet
  }

  public init() {}

  public var value: ValueID? { chosen.first?.value }

  /// In a log cluster: the command chosen in `slot`, if any.
  public func value(in slot: Int) -> ValueID? {
    choice(in: slot)?.command
  }

  /// In a log cluster: the first choice in `slot`, with its ballot.
  public func choice(in slot: Int) -> SlotVote? {
    slots.value.firstChosen.element(slot - 1) ?? nil
  }

  /// Whether a quorum for `ballot` carrying `value` only repeats the first choice: every view
  /// says "chosen again" for it, and CHOSEN for the first choice alone.
  public func isChosenAgain(_ value: ValueID, under ballot: Ballot) -> Bool {
    guard let first = chosen.first else { return false }
    return first.value == value && first.ballot != ballot
  }

  /// The same, for one slot of a log: the first choice there has another ballot.
  public func isChosenAgain(_ vote: SlotVote) -> Bool {
    guard let first = choice(in: vote.slot) else { return false }
    return first.command == vote.command && first.ballot != vote.ballot
  }

  /// The first choice of each value, in order: more than one means agreement broke.
  public var distinctChoices: [Choice] {
    var distinct: [Choice] = []
    for choice in chosen where !distinct.contains(where: { $0.value == choice.value }) {
      distinct.append(choice)
    }
    return distinct
  }

  /// Takes over the storage of `other`'s tallies, emptied.
  mutating func reuse(_ other: inout ChoiceHistory) {
    other.acceptedBy.removeAll(keepingCapacity: true)
    other.lastPromise.removeAll(keepingCapacity: true)
    swap(&acceptedBy, &other.acceptedBy)
    swap(&lastPromise, &other.lastPromise)
  }

  /// The history as it decides what the model checker may find next: what was accepted,
  /// chosen and promised, without the times of choices or the violations already reported.
  var withoutTimes: ChoiceHistory {
    var history = self
    if !history.violations.isEmpty { history.violations = [] }
    if history.chosen.contains(where: { $0.time != 0 }) {
      for index in history.chosen.indices { history.chosen[index].time = 0 }
    }
    return history
  }

  /// The history with acceptors renamed: who accepted what, and the promises seen, by position.
  func renamed(_ renaming: AcceptorRenaming) -> ChoiceHistory {
    var history = self
    history.acceptedBy = acceptedBy.mapValues { renaming($0) }
    // Kept as long as the highest position observed: padded to rename, then trimmed.
    history.lastPromise = Array(repeating: .zero, count: renaming.positions.count)
    for (position, promise) in lastPromise.enumerated() where position < renaming.positions.count {
      history.lastPromise[renaming.positions[position]] = promise
    }
    while history.lastPromise.last == .zero { history.lastPromise.removeLast() }
    if !slots.isUnused {
      history.slots.value.acceptances = ChunkedLog()
      for slot in slots.value.acceptances {
        history.slots.value.acceptances.append(
          slot.map {
            SlotAcceptance(ballot: $0.ballot, value: $0.value, acceptors: renaming($0.acceptors))
          })
      }
    }
    return history
  }

  /// How many proposals were ever accepted by some acceptor.
  public var proposalCount: Int { acceptedBy.count }

  /// The acceptors that ever accepted `proposal`.
  public func acceptors(of proposal: Proposal) -> AcceptorSet {
    guard proposal.slot >= 1 else { return acceptedBy[proposal] ?? AcceptorSet() }
    let acceptances = slots.value.acceptances
    guard proposal.slot <= acceptances.count else { return AcceptorSet() }
    return acceptances[proposal.slot - 1].first {
      $0.ballot == proposal.ballot && $0.value == proposal.value
    }?.acceptors ?? AcceptorSet()
  }

  /// Counts an acceptance; returns the choice it completes, if any.
  mutating func recordAccepted(
    _ proposal: Proposal, by acceptor: Int, quorum: Int, time: Int
  ) -> Choice? {
    let before: Int
    let after: Int
    if proposal.slot >= 1 {
      (before, after) = recordAccepted(inSlot: proposal, by: acceptor)
    } else {
      var set = acceptedBy[proposal, default: AcceptorSet()]
      before = set.count
      set.insert(acceptor)
      acceptedBy[proposal] = set
      after = set.count
    }
    guard before < quorum, after >= quorum else { return nil }
    let choice = Choice(value: proposal.value, ballot: proposal.ballot, time: time)
    if proposal.slot >= 1 {
      slots.value.recordChoice(
        SlotVote(slot: proposal.slot, ballot: proposal.ballot, command: proposal.value))
    } else {
      chosen.append(choice)
    }
    return choice
  }

  /// In a log cluster: the acceptors of `proposal` in its slot before and after `acceptor`.
  private mutating func recordAccepted(inSlot proposal: Proposal, by acceptor: Int)
    -> (before: Int, after: Int)
  {
    slots.value.acceptances.grow(to: proposal.slot, with: [])
    return slots.value.acceptances.update(at: proposal.slot - 1) {
      $0.count(acceptor, for: proposal)
    }
  }

  /// Notes that a learner applied `entry` as the `position`-th slot it applied (from zero);
  /// returns what the longest applied log has there when the two differ.
  mutating func observeApplied(_ entry: AppliedEntry, by learner: NodeID, position: Int)
    -> (AppliedEntry, NodeID)?
  {
    slots.value.observeApplied(entry, by: learner, position: position)
  }

  /// Notes an acceptor's current promise; returns the previous high if the promise went down.
  mutating func observePromise(_ promise: Ballot, acceptor: Int) -> Ballot? {
    while lastPromise.count <= acceptor { lastPromise.append(.zero) }
    let previous = lastPromise[acceptor]
    lastPromise[acceptor] = promise
    return promise < previous ? previous : nil
  }

  mutating func report(_ violation: Violation) { violations.append(violation) }
}

extension [ChoiceHistory.SlotAcceptance] {
  /// Counts `acceptor` for `proposal`, in place; the acceptors before and after.
  fileprivate mutating func count(_ acceptor: Int, for proposal: ChoiceHistory.Proposal)
    -> (before: Int, after: Int)
  {
    let position =
      firstIndex { $0.ballot == proposal.ballot && $0.value == proposal.value }
      ?? {
        append(.init(ballot: proposal.ballot, value: proposal.value, acceptors: AcceptorSet()))
        return count - 1
      }()
    let before = self[position].acceptors.count
    self[position].acceptors.insert(acceptor)
    return (before, self[position].acceptors.count)
  }
}

extension ChoiceHistory.SlotHistory {
  mutating func recordChoice(_ vote: SlotVote) {
    firstChosen.grow(to: vote.slot, with: nil)
    guard firstChosen[vote.slot - 1] == nil else { return }
    chosenSlotCount += 1
    firstChosen[vote.slot - 1] = vote
  }

  mutating func observeApplied(_ entry: AppliedEntry, by learner: NodeID, position: Int)
    -> (AppliedEntry, NodeID)?
  {
    guard position < appliedLog.count else {
      appliedLog.append(entry)
      appliedBy.append(learner)
      return nil
    }
    return appliedLog[position] == entry ? nil : (appliedLog[position], appliedBy[position])
  }
}
