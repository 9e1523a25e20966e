/// The learner of a log cluster: it learns each slot as the single-decree learner learns its one
/// value, and catches up on slots it missed by asking the others.
extension Learner {
  /// What it learned in `slot`.
  public func learned(in slot: Int) -> SlotVote? {
    slot >= 1 && slot <= slots.count ? slots[slot - 1] : nil
  }

  /// The slots it has learned, as ranges in order.
  public var learnedRanges: [ClosedRange<Int>] {
    var ranges: [ClosedRange<Int>] = []
    var start: Int?
    for (position, vote) in slots.enumerated() {
      if vote != nil {
        if start == nil { start = position + 1 }
      } else if let first = start {
        ranges.append(first...position)
        start = nil
      }
    }
    if let first = start { ranges.append(first...slots.count) }
    return ranges
  }

  /// Asks every node in `recipients` for the slots it lacks: it cannot know what it never
  /// heard of, so it always asks, reporting what it has.
  public func askForMissingSlots(from recipients: [NodeID], outbox: inout Outbox) {
    let ranges = learnedRanges
    for recipient in recipients {
      outbox.send(
        Message(kind: .catchup, from: id, to: recipient, ballot: .zero), with: .learned(ranges))
    }
  }

  /// Handles one message of a log cluster; appends the slots it learned to `learnedSlots`.
  public mutating func receiveInLog(
    _ message: Message, report: Report?, config: Configuration, outbox: inout Outbox,
    learnedSlots: inout [SlotVote]
  ) {
    switch message.kind {
    case .accepted:
      guard let command = message.value, let index = config.acceptorIndex(message.from),
        message.slot >= 1, !hasLearned(message.slot)
      else { return }
      let vote = SlotVote(slot: message.slot, ballot: message.ballot, command: command)
      guard slotTallies.count(index, for: vote) >= config.quorum else { return }
      learn(vote)
      learnedSlots.append(vote)
    case .chosen:
      guard case .chosen(let votes)? = report else { return }
      // Heard of, not seen: which ballot a quorum accepted is not the learner's to know.
      for vote in votes where vote.slot >= 1 && !hasLearned(vote.slot) {
        let heard = SlotVote(slot: vote.slot, ballot: .zero, command: vote.command)
        learn(heard)
        learnedSlots.append(heard)
      }
    case .catchup:
      outbox.answer(message, report: report, from: id, knowing: slots)
    case .prepare, .promise, .accept, .nack:
      return
    }
  }

  /// Whether it learned `slot`, read in place: a plain read copies the log out of its box.
  private mutating func hasLearned(_ slot: Int) -> Bool {
    func isLearned(_ slots: inout ChunkedLog<SlotVote?>) -> Bool {
      slot <= slots.count && slots[slot - 1] != nil
    }
    return isLearned(&slots)
  }

  private mutating func learn(_ vote: SlotVote) {
    slots.grow(to: vote.slot, with: nil)
    slots[vote.slot - 1] = vote
    // Tallies of the slot are no longer needed: a chosen command never changes.
    slotTallies.removeAll(inSlot: vote.slot)
  }
}
