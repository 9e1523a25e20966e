import PaxosCore
import PaxosSim

/// The events, violations and message contents only a log cluster records.
extension EventWriter {
  func logEvent(_ event: Event, _ writer: inout JSONByteWriter) {
    switch event {
    case .requested(let command, let node, let retry):
      nodeEvent(retry ? "retry\"" : "request\"", node, &writer)
      request(command, &writer)
    case .holds(let node, let command):
      nodeEvent("hold\"", node, &writer)
      request(command, &writer)
    case .knownChosen(let node, let vote): nodeVote("known-chosen\"", node, vote, &writer)
    case .leads(let ballot, let top):
      ballotEvent("lead\"", ballot, &writer)
      writer.raw(", \"top\": ")
      writer.integer(top)
    case .proposed(let vote, let source):
      writer.raw("propose\"")
      self.vote(vote, &writer)
      switch source {
      case .request: writer.raw(", \"source\": \"request\", \"reporter\": null")
      case .adopted(let reporter):
        writer.raw(", \"source\": \"adopted\", \"reporter\": ")
        writer.name(reporter)
      case .noop: writer.raw(", \"source\": \"noop\", \"reporter\": null")
      }
    case .decidedSlot(let node, let vote): nodeVote("decided-slot\"", node, vote, &writer)
    case .persistedVote(let node, let vote): nodeVote("persist-vote\"", node, vote, &writer)
    case .restoredVotes(let node, let count):
      nodeEvent("restore-votes\"", node, &writer)
      writer.raw(", \"count\": ")
      writer.integer(count)
    case .restoredLearner(let node, let learned, let applied):
      nodeEvent("restore-learner\"", node, &writer)
      writer.raw(", \"learned\": ")
      writer.integer(learned)
      writer.raw(", \"applied\": ")
      writer.integer(applied)
    case .chosenSlot(let vote):
      writer.raw("chosen-slot\"")
      self.vote(vote, &writer)
    case .learnedSlot(let node, let vote): nodeVote("learned-slot\"", node, vote, &writer)
    case .applied(let node, let entry, let output):
      nodeEvent("apply\"", node, &writer)
      applied(entry, &writer)
      writer.raw(", \"output\": ")
      if let text = cluster.output(of: entry, output) { writer.string(text) } else { writer.null() }
    case .skippedDuplicate(let node, let entry, let first):
      nodeEvent("skip-duplicate\"", node, &writer)
      applied(entry, &writer)
      writer.raw(", \"first_slot\": ")
      writer.integer(Int(first))
    case .asksForSlots(let node): nodeEvent("ask-slots\"", node, &writer)
    case .waits(let node, let missing, let learned):
      nodeEvent("wait\"", node, &writer)
      writer.raw(", \"missing\": ")
      writer.integer(Int(missing))
      writer.raw(", \"learned\": ")
      writer.integer(Int(learned))
    // Listed, not left to a default, so that a new event must be written somewhere: `event`
    // writes these itself and hands over only the cases above.
    case .sent, .delivered, .dropped, .duplicated, .lost, .crashed, .recovered, .restoredAcceptor,
      .restoredRound, .partitioned, .healed, .persistedAcceptor, .persistedRound, .timerFired,
      .timerArmed, .startedPhase1, .startedPhase2, .awaitingValue, .abandoned, .decided, .chosen,
      .learned, .violation:
      break
    }
  }

  func logViolation(_ violation: Violation, _ writer: inout JSONByteWriter) {
    switch violation {
    case .slotAgreement(let slot, let first, let second, let ballot):
      writer.raw("violation\", \"violation\": \"slot-agreement\", \"slot\": ")
      writer.integer(Int(slot))
      writer.raw(", \"first\": ")
      command(first, &writer)
      writer.raw(", \"command\": ")
      command(second, &writer)
      writer.raw(", \"ballot\": ")
      writer.ballot(ballot)
    case .slotValidity(let slot, let command, let ballot):
      writer.raw("violation\", \"violation\": \"slot-validity\", \"slot\": ")
      writer.integer(Int(slot))
      writer.raw(", \"command\": ")
      self.command(command, &writer)
      writer.raw(", \"ballot\": ")
      writer.ballot(ballot)
    case .logsDiverge(let node, let entry, let other, let otherEntry, let position):
      writer.raw("violation\", \"violation\": \"logs-diverge\", \"node\": ")
      writer.name(node)
      writer.raw(", \"slot\": ")
      writer.integer(Int(entry.slot))
      writer.raw(", \"command\": ")
      command(entry.command, &writer)
      writer.raw(", \"other\": ")
      writer.name(other)
      writer.raw(", \"other_slot\": ")
      writer.integer(Int(otherEntry.slot))
      writer.raw(", \"other_command\": ")
      command(otherEntry.command, &writer)
      // Counted from 1, as the transcript says "its command number N".
      writer.raw(", \"position\": ")
      writer.integer(Int(position) + 1)
    case .appliedTwice(let node, let command, let slot, let first):
      writer.raw("violation\", \"violation\": \"applied-twice\", \"node\": ")
      writer.name(node)
      request(command, &writer)
      writer.raw(", \"slot\": ")
      writer.integer(Int(slot))
      writer.raw(", \"first_slot\": ")
      writer.integer(Int(first))
    case .agreement, .validity, .promiseDecreased:
      break
    }
  }

  /// What a promise, a catch-up request or its answer carries.
  func report(_ report: Report?, kind: MessageKind, _ writer: inout JSONByteWriter) {
    switch report {
    case .votes(let votes):
      writer.raw(", \"votes\": ")
      voteList(votes, &writer)
    case .chosen(let votes):
      writer.raw(", \"slots\": ")
      voteList(votes, &writer)
    case .learned(let ranges):
      writer.raw(", \"learned\": [")
      for (position, range) in ranges.enumerated() {
        writer.raw(position == 0 ? "[" : ", [")
        writer.integer(range.lowerBound)
        writer.raw(", ")
        writer.integer(range.upperBound)
        writer.raw("]")
      }
      writer.raw("]")
    case nil:
      // The simulator gives every such message its report; an empty one keeps the shape.
      switch kind {
      case .promise: writer.raw(", \"votes\": []")
      case .catchup: writer.raw(", \"learned\": []")
      default: writer.raw(", \"slots\": []")
      }
    }
  }

  private func voteList(_ votes: [SlotVote], _ writer: inout JSONByteWriter) {
    writer.raw("[")
    for (position, vote) in votes.enumerated() {
      writer.raw(position == 0 ? "{\"slot\": " : ", {\"slot\": ")
      writer.integer(vote.slot)
      writer.raw(", \"ballot\": ")
      writer.ballot(vote.ballot)
      request(vote.command, &writer)
      writer.raw("}")
    }
    writer.raw("]")
  }

  private func nodeVote(
    _ kind: StaticString, _ node: NodeID, _ vote: SlotVote, _ writer: inout JSONByteWriter
  ) {
    nodeEvent(kind, node, &writer)
    self.vote(vote, &writer)
  }

  /// `, "slot": 2, "ballot": "1.p1", "request": "r2", "command": "put x 1"`; the ballot is
  /// null when a catch-up answer was all a node heard.
  private func vote(_ vote: SlotVote, _ writer: inout JSONByteWriter) {
    writer.raw(", \"slot\": ")
    writer.integer(vote.slot)
    writer.raw(", \"ballot\": ")
    writer.ballot(vote.ballot)
    request(vote.command, &writer)
  }

  private func applied(_ entry: AppliedEntry, _ writer: inout JSONByteWriter) {
    writer.raw(", \"slot\": ")
    writer.integer(Int(entry.slot))
    request(entry.command, &writer)
  }

  /// `, "request": "r1", "command": "put x 1"`; a no-op is `"request": null, "command": "noop"`.
  private func request(_ command: ValueID, _ writer: inout JSONByteWriter) {
    writer.raw(", \"request\": ")
    if command.isNoop {
      writer.raw("null, \"command\": \"noop\"")
    } else {
      writer.raw("\"r")
      writer.unsigned(UInt64(command.raw) + 1)
      writer.raw("\", \"command\": ")
      value(command, &writer)
    }
  }

  /// A command's text: `noop` for a no-op.
  func command(_ command: ValueID, _ writer: inout JSONByteWriter) {
    if command.isNoop { writer.raw("\"noop\"") } else { value(command, &writer) }
  }
}
