import PaxosCore

/// The canonical text of what happens only in a log cluster.
extension Cluster {
  /// `[2] put x 1`
  public func describe(slot: Int, _ command: ValueID) -> String {
    "[\(slot)] \(values.display(command))"
  }

  func describeLog(_ event: Event) -> String {
    switch event {
    case .requested(let command, let proposer, let retry):
      "\(retry ? "retry" : "request") \(command.requestName) \(values.display(command))"
        + " to \(proposer)"
    case .holds(let node, let command):
      "\(node) holds \(command.requestName) until its phase 1 ends"
    case .knownChosen(let node, let vote):
      "\(node) already knows \(vote.command.requestName) is chosen, in slot \(vote.slot);"
        + " it has nothing to propose"
    case .leads(let ballot, let top):
      "\(ballot.proposer) leads with \(ballot): "
        + (top == 0
          ? "no slot is accepted or chosen yet as far as it knows, so requests go from slot 1"
          : "slots 1 to \(top) are accounted for (reported by the promises or known chosen),"
            + " so new requests go from slot \(top + 1)")
    case .proposed(let vote, let source):
      "\(vote.ballot.proposer) proposes \(describe(slot: vote.slot, vote.command))"
        + proposalReason(vote, source)
    case .decidedSlot(let node, let vote):
      "\(node) knows \(describe(slot: vote.slot, vote.command)) is chosen"
        + (vote.ballot.isZero
          ? " (a catch-up answer said so)" : " (a quorum accepted \(vote.ballot))")
    case .persistedVote(let node, let vote):
      "\(node) persists [\(vote.slot)] accepted \(vote.ballot) = \(values.display(vote.command))"
    case .restoredVotes(let node, let count):
      "\(node) reads \(count) accepted slot\(count == 1 ? "" : "s")"
    case .restoredLearner(let node, let learned, let applied):
      "\(node) reads \(learned) learned slot\(learned == 1 ? "" : "s"), applied up to slot"
        + " \(applied)"
    case .chosenSlot(let vote):
      if choices.isChosenAgain(vote) {
        "chosen again: a quorum accepted \(vote.ballot) in slot \(vote.slot), with the command"
          + " already chosen there, \(values.display(vote.command))"
      } else {
        "CHOSEN \(describe(slot: vote.slot, vote.command)): a quorum of acceptors accepted"
          + " \(vote.ballot)"
      }
    case .learnedSlot(let node, let vote):
      "\(node) learns \(describe(slot: vote.slot, vote.command))"
        + (vote.ballot.isZero ? " (from a catch-up answer)" : " (a quorum accepted \(vote.ballot))")
    case .applied(let node, let entry, let output):
      "\(node) applies \(describe(slot: Int(entry.slot), entry.command))"
        + (self.output(of: entry, output).map { ": " + $0 } ?? "")
    case .skippedDuplicate(let node, let entry, let first):
      "\(node) skips \(describe(slot: Int(entry.slot), entry.command)): a duplicate of"
        + " \(entry.command.requestName), applied in slot \(first)"
    case .waits(let node, let missing, let learned):
      "\(node) waits for slot \(missing) before applying [\(learned)]"
    case .asksForSlots(let node):
      "catchup \(node): it asks the proposers and the other learners for the slots it lacks"
    // Listed, not left to a default, so that a new event must be told somewhere: `describe`
    // tells these itself and hands over only the cases above.
    case .sent, .delivered, .dropped, .duplicated, .lost, .crashed, .recovered, .restoredAcceptor,
      .restoredRound, .partitioned, .healed, .persistedAcceptor, .persistedRound, .timerFired,
      .timerArmed, .startedPhase1, .startedPhase2, .awaitingValue, .abandoned, .decided, .chosen,
      .learned, .violation:
      describe(event)
    }
  }

  /// What applying a command did, in words: `x = 12` for put and append, `reads 12` or
  /// `reads none` for get; nil for a no-op or an output the trace does not hold.
  public func output(of entry: AppliedEntry, _ output: UInt32) -> String? {
    let request = Int(entry.command.raw)
    guard !entry.command.isNoop, request < requests.count, Int(output) < trace.outputs.count
    else { return nil }
    let command = requests[request].command
    let value = trace.outputs[Int(output)]
    return command.operation == .get
      ? "reads " + (value.map(ValueTable.literal) ?? "none")
      : ValueTable.literal(command.key) + " = " + ValueTable.literal(value ?? "")
  }

  private func proposalReason(_ vote: SlotVote, _ source: SlotSource) -> String {
    switch source {
    case .request: " (\(vote.command.requestName))"
    case .adopted(let reporter):
      ": the highest ballot accepted there, reported by \(reporter)"
    case .noop: ": no promise reports the slot, so a no-op fills the gap"
    }
  }

  func describeLogBreach(_ violation: Violation) -> String {
    switch violation {
    case .slotAgreement(let slot, let first, let second, let ballot):
      "\(values.display(second)) is chosen in slot \(slot) under \(ballot),"
        + " but \(values.display(first)) was chosen there before"
    case .slotValidity(let slot, let command, let ballot):
      "\(values.display(command)) is chosen in slot \(slot) under \(ballot) but was"
        + " never requested"
    case .logsDiverge(let node, let entry, let other, let expected, let position):
      "\(node) applied \(describe(slot: Int(entry.slot), entry.command)) as its"
        + " command number \(position + 1), where \(other) applied"
        + " \(describe(slot: Int(expected.slot), expected.command))"
    case .appliedTwice(let node, let command, let slot, let first):
      "\(node) applies \(command.requestName) \(values.display(command)) again"
        + " in slot \(slot); it applied it in slot \(first)"
    case .agreement, .validity, .promiseDecreased:
      describeBreach(violation)
    }
  }
}
