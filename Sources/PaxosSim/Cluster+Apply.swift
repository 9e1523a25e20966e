import PaxosCore

/// Learners of a log cluster apply what they learn to their key-value store, strictly in slot
/// order, each request at most once.
extension Cluster {
  /// A learner learned a slot: it keeps it on disk, then applies every slot it now can.
  mutating func learn(_ vote: SlotVote, by id: NodeID, at index: Int) {
    record(.learnedSlot(id, vote))
    nodes[index].disk.learned.grow(to: vote.slot, with: nil)
    nodes[index].disk.learned[vote.slot - 1] = vote
    if settings.bugs.contains(.skipGaps) {
      // The teaching switch: apply at once, whatever is missing below.
      if !nodes[index].disk.replica.hasApplied(vote.slot) { apply(vote, by: id, at: index) }
      return
    }
    let next = nodes[index].disk.replica.appliedIndex + 1
    guard vote.slot == next else {
      if vote.slot > next {
        record(.waits(id, missing: Int32(next), learned: Int32(vote.slot)))
      }
      return
    }
    // The disk holds what the learner learned; reading it does not copy the learner.
    while nodes[index].disk.replica.appliedIndex < nodes[index].disk.learned.count,
      let ready = nodes[index].disk.learned[nodes[index].disk.replica.appliedIndex]
    {
      apply(ready, by: id, at: index)
    }
  }

  /// Applies a slot, then checks the applied logs: the transcript tells what the learner did
  /// before the violation it caused.
  private mutating func apply(_ vote: SlotVote, by id: NodeID, at index: Int) {
    let entry = AppliedEntry(slot: Int32(vote.slot), command: vote.command)
    let position = nodes[index].disk.replica.appliedCount
    perform(vote, entry, by: id, at: index)
    checkApplied(entry, by: id, position: position)
  }

  private mutating func perform(
    _ vote: SlotVote, _ entry: AppliedEntry, by id: NodeID, at index: Int
  ) {
    let first = nodes[index].disk.replica.firstSlot(of: vote.command)
    nodes[index].disk.replica.markApplied(vote.slot)
    if let first, !settings.bugs.contains(.noDedup) {
      record(.skippedDuplicate(id, entry, first: Int32(first)))
      return
    }
    guard !vote.command.isNoop, Int(vote.command.raw) < requests.count else {
      record(.applied(id, entry, output: UInt32.max))
      return
    }
    let command = requests[Int(vote.command.raw)].command
    let reply = nodes[index].disk.replica.perform(command)
    if first == nil { nodes[index].disk.replica.noteApplied(vote.command, in: vote.slot) }
    if requests[Int(vote.command.raw)].reply == nil {
      requests[Int(vote.command.raw)].reply = reply
    }
    let output =
      reply == .ok
      ? "\(ValueTable.literal(command.key)) = "
        + ValueTable.literal(nodes[index].disk.replica.store[command.key] ?? "")
      : "reads " + reply.description
    record(.applied(id, entry, output: trace.register(output: output)))
    if let first { flag(.appliedTwice(id, vote.command, slot: entry.slot, first: Int32(first))) }
  }

  /// Of any two learners, one's applied log must be a prefix of the other's.
  private mutating func checkApplied(_ entry: AppliedEntry, by id: NodeID, position: Int) {
    if let (expected, other) = choices.observeApplied(entry, by: id, position: position) {
      flag(.logsDiverge(id, entry, other: other, expected, position: Int32(position)))
    }
  }
}
