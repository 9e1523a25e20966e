import PaxosCore

extension Cluster {
  /// Counts an acceptance in the history; a new choice is checked for agreement and validity.
  mutating func countAccepted(_ proposal: ChoiceHistory.Proposal, by acceptor: NodeID) {
    guard let position = config.acceptorIndex(acceptor),
      let choice = choices.recordAccepted(
        proposal, by: position, quorum: config.quorum, time: time)
    else { return }
    if proposal.slot >= 1 { return checkChoice(in: proposal.slot, choice) }
    record(.chosen(choice.value, choice.ballot))
    // Any value other than the first one chosen breaks agreement.
    if let first = choices.value, first != choice.value {
      flag(.agreement(first: first, second: choice.value, ballot: choice.ballot))
    }
    if !values.contains(choice.value) { flag(.validity(choice.value, choice.ballot)) }
  }

  /// In a log cluster, agreement and validity hold slot by slot.
  private mutating func checkChoice(in slot: Int, _ choice: ChoiceHistory.Choice) {
    record(.chosenSlot(SlotVote(slot: slot, ballot: choice.ballot, command: choice.value)))
    if let first = choices.value(in: slot), first != choice.value {
      flag(
        .slotAgreement(
          slot: Int32(slot), first: first, second: choice.value, ballot: choice.ballot))
    }
    if !choice.value.isNoop, !values.contains(choice.value) {
      flag(.slotValidity(slot: Int32(slot), choice.value, choice.ballot))
    }
  }

  /// An acceptor's promise must never go down, not even across a crash.
  mutating func checkPromise(of acceptor: Acceptor) {
    checkPromise(acceptor.state.minProposal, of: acceptor.id)
  }

  mutating func checkPromise(_ promise: Ballot, of acceptor: NodeID) {
    guard let position = config.acceptorIndex(acceptor) else { return }
    if let previous = choices.observePromise(promise, acceptor: position) {
      flag(.promiseDecreased(acceptor, from: previous, to: promise))
    }
  }

  mutating func flag(_ violation: Violation) {
    choices.report(violation)
    record(.violation(violation))
  }
}
