import PaxosCore
import PaxosSim

/// What a log cluster's run had come to by the end of a window: the command first chosen in
/// each slot, and which learners applied each slot (or skipped it as a duplicate), read from
/// the trace's events.
struct LogOutcome {
  struct Choice {
    var vote: SlotVote
    var time: Int
  }

  /// How a learner got past a slot.
  struct Application {
    var learner: NodeID
    /// The slot where the learner first applied this request; nil when it applied it here.
    var duplicateOf: Int?
  }

  /// The first choice in each slot, by slot.
  var chosen: [Int: Choice] = [:]
  var applied: [Int: [Application]] = [:]
  /// The slots each learner applied or skipped.
  var appliedSlots: [NodeID: Set<Int>] = [:]
  /// Requests some learner applied: their reply is known.
  var answered: Set<ValueID> = []

  /// The events up to the end of `window` count; earlier ones are part of the story too.
  init(_ cluster: Cluster, window: TimeWindow) {
    let entries = cluster.trace.entries
    for index in 0..<window.entries.upperBound {
      let entry = entries[index]
      switch entry.event {
      case .chosenSlot(let vote) where chosen[vote.slot] == nil:
        chosen[vote.slot] = Choice(vote: vote, time: Int(entry.time))
      case .applied(let node, let entry, _):
        record(node, Int(entry.slot), duplicateOf: nil)
        answered.insert(entry.command)
      case .skippedDuplicate(let node, let entry, let first):
        record(node, Int(entry.slot), duplicateOf: Int(first))
      default: break
      }
    }
  }

  private mutating func record(_ learner: NodeID, _ slot: Int, duplicateOf: Int?) {
    applied[slot, default: []].append(Application(learner: learner, duplicateOf: duplicateOf))
    appliedSlots[learner, default: []].insert(slot)
  }

  /// Every slot something is known about, in order.
  var slots: [Int] { Set(chosen.keys).union(applied.keys).sorted() }

  /// The highest N such that `learner` applied slots 1 through N.
  func appliedPrefix(of learner: NodeID) -> Int {
    let slots = appliedSlots[learner] ?? []
    var prefix = 0
    while slots.contains(prefix + 1) { prefix += 1 }
    return prefix
  }
}
