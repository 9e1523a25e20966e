import PaxosCore

/// The one canonical text of each message and event: what users read and golden tests compare.
extension Cluster {
  /// `#4 a2 -> p1 promise 5.p1 (accepted 3.p2 = red)`
  public func describe(_ id: MessageID) -> String {
    let message = trace[id]
    return "\(id) \(message.from) -> \(message.to) "
      + message.words(report: trace.report(in: message), value: values.display)
  }

  /// An event as the transcript shows it: a violation also names the time of the step that
  /// caused it.
  public func describe(_ entry: TraceEntry) -> String {
    guard case .violation(let violation) = entry.event else { return describe(entry.event) }
    return "VIOLATION at time \(entry.time): " + describe(violation)
  }

  public func describe(_ event: Event) -> String {
    switch event {
    case .sent(let id): "send \(describe(id))"
    case .delivered(let id): "deliver \(describe(id))"
    case .dropped(let id): "drop \(describe(id))"
    case .duplicated(let original, let copy): "duplicate \(describe(copy)) (copy of \(original))"
    case .lost(let id, .receiverDown): "lost \(describe(id)): \(trace[id].to) is down"
    case .lost(let id, .partitioned):
      "lost \(describe(id)): \(trace[id].from) and \(trace[id].to) are on different sides"
    case .crashed(let node): "crash \(node): it stops, forgetting all but its disk"
    case .recovered(let node): "recover \(node): it restarts from its disk"
    case .restoredAcceptor(let node, let state): "\(node) reads \(describe(state))"
    case .restoredRound(let node, let round): "\(node) reads round \(round)"
    case .partitioned(let index):
      "partition "
        + trace.partitions[index].map { "{" + $0.map(\.name).joined(separator: " ") + "}" }
        .joined(separator: " | ")
    case .healed: "heal: every node reaches every other again"
    case .persistedAcceptor(let node, let state): "\(node) persists \(describe(state))"
    case .persistedRound(let node, let round): "\(node) persists round \(round)"
    case .timerFired(let node): "timer \(node) fires"
    case .timerArmed(let node, let delay):
      delay == 0 ? "\(node) will retry at once" : "\(node) will retry in \(delay) ticks"
    case .startedPhase1(let ballot):
      "\(ballot.proposer) starts phase 1 with ballot \(ballot)"
    case .startedPhase2(let ballot, let value, let source):
      describePhase2(ballot, values.display(value), source)
    case .awaitingValue(let ballot):
      "\(ballot.proposer) has promises from a quorum for \(ballot) but no value to propose;"
        + " it waits for one ('propose \(ballot.proposer) VALUE')"
    case .abandoned(let ballot, let higher):
      "\(ballot.proposer) abandons \(ballot): an acceptor has promised \(higher)"
        // Then no ballot of the proposer can go higher, and it will not retry.
        + (higher.round == Int.max ? "; no round is left above it" : "")
    case .decided(let value, let ballot):
      "\(ballot.proposer) knows \(values.display(value)) is chosen (a quorum accepted \(ballot))"
    case .chosen(let value, let ballot):
      // Another ballot that carries the chosen value reaches its own quorum: nothing new.
      if choices.isChosenAgain(value, under: ballot) {
        "chosen again: a quorum accepted \(ballot), with the value already chosen,"
          + " \(values.display(value))"
      } else {
        "CHOSEN \(values.display(value)): a quorum of acceptors accepted \(ballot)"
      }
    case .learned(let node, let value, let ballot):
      "\(node) learns \(values.display(value)) (a quorum accepted \(ballot))"
    case .violation(let violation): "VIOLATION " + describe(violation)
    case .requested, .holds, .knownChosen, .leads, .proposed, .decidedSlot, .persistedVote,
      .restoredVotes, .restoredLearner, .chosenSlot, .learnedSlot, .applied, .skippedDuplicate,
      .waits, .asksForSlots:
      describeLog(event)
    }
  }

  private func describePhase2(_ ballot: Ballot, _ value: String, _ source: ValueSource) -> String {
    let head = "\(ballot.proposer) has promises from a quorum for \(ballot); "
    switch source {
    case .own:
      return head + "none reports an accepted value, so it proposes its own: \(value)"
    case .adopted(let reporter, let accepted):
      return head
        + "it adopts \(value), the highest accepted proposal (\(accepted), from \(reporter))"
    case .ignoredAccepted(let reporter, let accepted):
      return head
        + "\(reporter) reports \(accepted) accepted, but it ignores that (bug ignore-accepted)"
        + " and proposes \(value)"
    }
  }

  /// `agreement: blue is chosen under 2.p2, but red was chosen before`: the invariant's name,
  /// then what broke it.
  public func describe(_ violation: Violation) -> String {
    violation.invariant + ": " + describeBreach(violation)
  }

  func describeBreach(_ violation: Violation) -> String {
    switch violation {
    case .agreement(let first, let second, let ballot):
      "\(values.display(second)) is chosen under \(ballot),"
        + " but \(values.display(first)) was chosen before"
    case .validity(let value, let ballot):
      "\(values.display(value)) is chosen under \(ballot) but was never proposed"
    case .promiseDecreased(let node, let from, let to):
      to.isZero
        ? "\(node) had promised \(from), and has forgotten it"
        : "\(node) had promised \(from), now only \(to)"
    case .slotAgreement, .slotValidity, .logsDiverge, .appliedTwice:
      describeLogBreach(violation)
    }
  }

  /// `minProposal 5.p1, accepted 3.p2 = red`
  public func describe(_ state: AcceptorState) -> String {
    var text = "minProposal \(state.minProposal)"
    if let value = state.acceptedValue {
      text += ", accepted \(state.acceptedProposal) = \(values.display(value))"
    }
    return text
  }
}

extension Violation {
  /// The invariant broken, in the short words a student knows: what a violation's line starts
  /// with and what `check` reports.
  public var invariant: String {
    switch self {
    case .agreement, .slotAgreement: "agreement"
    case .validity, .slotValidity: "validity"
    case .promiseDecreased: "promise"
    case .logsDiverge: "applied logs"
    case .appliedTwice: "at most once"
    }
  }
}
