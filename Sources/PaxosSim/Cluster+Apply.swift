import PaxosCore

/// Learners of a log cluster apply what they learn to their key-value store, strictly in slot
/// order, each request at most once. The learner's disk does its part in place
/// (`Disk.record`, `Disk.nextInOrder`, `Replica.apply`): reading it out of the node would copy
/// every table it holds.
extension Cluster {
  /// A learner learned a slot: it keeps it on disk, then applies every slot it now can.
  mutating func learn(_ vote: SlotVote, by id: NodeID, at index: Int) {
    record(.learnedSlot(id, vote))
    let next = nodes[index].disk.record(learned: vote)
    if settings.bugs.contains(.skipGaps) {
      // The teaching switch: apply at once, whatever is missing below.
      if !nodes[index].disk.replica.hasApplied(vote.slot) { apply(vote, by: id, at: index) }
      return
    }
    guard vote.slot == next else {
      if vote.slot > next { record(.waits(id, missing: Int32(next), learned: Int32(vote.slot))) }
      return
    }
    while let ready = nodes[index].disk.nextInOrder() { apply(ready, by: id, at: index) }
  }

  /// Applies a slot, then checks the applied logs: the transcript tells what the learner did
  /// before the violation it caused.
  private mutating func apply(_ vote: SlotVote, by id: NodeID, at index: Int) {
    let entry = AppliedEntry(slot: Int32(vote.slot), command: vote.command)
    let request = vote.command.isNoop ? nil : Int(vote.command.raw)
    let command = request.flatMap { $0 < requests.count ? requests[$0].command : nil }
    let applied = nodes[index].disk.replica.apply(
      vote, command: command, applyingCopies: settings.bugs.contains(.noDedup))
    if let first = applied.firstSlot, applied.reply == nil {
      record(.skippedDuplicate(id, entry, first: Int32(first)))
    } else {
      let output = command == nil ? UInt32.max : trace.register(output: applied.output)
      record(.applied(id, entry, output: output))
    }
    storedKeys += applied.keysAdded
    if let request, let reply = applied.reply, requests[request].reply == nil {
      requests[request].reply = reply
    }
    if let first = applied.firstSlot, applied.reply != nil {
      flag(.appliedTwice(id, vote.command, slot: entry.slot, first: Int32(first)))
    }
    // Of any two learners, one's applied log must be a prefix of the other's.
    if let (expected, other) = choices.observeApplied(entry, by: id, position: applied.position) {
      flag(.logsDiverge(id, entry, other: other, expected, position: Int32(applied.position)))
    }
  }
}
