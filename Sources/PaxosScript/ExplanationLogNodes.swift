import PaxosCore
import PaxosSim

/// What a refusal, a crash and a recovery mean for the roles of a log cluster: a leadership
/// ends, volatile state goes, durable slots stay.
extension EventContext {
  /// Which nack ended `ballot`'s phase 1 or leadership, and what its proposer does next.
  func leadershipEnded(_ ballot: Ballot, _ higher: Ballot) -> [String] {
    let proposer = ballot.proposer
    let nack = deliveredInStep { message in
      message.kind == .nack && message.to == proposer && message.ballot == ballot
    }
    let led = stride(from: index - 1, through: max(0, index - Self.promiseLookback), by: -1)
      .contains { position in
        if case .leads(ballot, _) = cluster.trace.entries[position].event { return true }
        return false
      }
    let refused =
      nack.map { nack in
        "\(nack.from) refused its "
          + (nack.slot > 0 ? "accept for slot \(nack.slot)" : "prepare")
          + " with a nack, having promised \(nack.prior)"
      } ?? "an acceptor had promised \(higher)"
    return [
      (led
        ? "\(proposer)'s leadership under \(ballot) ended: "
        : "\(proposer)'s phase 1 with \(ballot) was refused: ")
        + refused + ", a higher ballot: \(higher.proposer) has begun a phase 1 of its own",
      "\(proposer) sends nothing more under \(ballot) and keeps the requests it holds; an"
        + " acceptor that promised \(higher) accepts nothing lower, in any slot"
        + (led
          ? ", and the slots \(proposer) proposed are finished by whoever leads next, as its"
            + " promises report them"
          : ""),
      retryLine(ballot),
    ]
  }

  /// A crashed node of a log cluster that is no acceptor: what it keeps and what it loses.
  func crashedInLog(_ node: NodeID, _ roles: Roles) -> [String] {
    var parts: [String] = []
    if roles.contains(.proposer) {
      parts.append(
        "its disk keeps its last round, so no ballot of its will be used twice; its leadership,"
          + " the slots it assigned, the requests it held and what it knew chosen are lost (the"
          + " clients' retries bring requests back)")
    }
    if roles.contains(.learner) {
      parts.append(
        "its disk keeps the slots it learned and its store, so it resumes applying where it"
          + " stopped; the acceptances it was counting are lost")
    }
    return ["\(node) crashed: it stops answering" + parts.map { "; " + $0 }.joined()]
  }

  /// In a log cluster, what a crashed acceptor keeps of its votes.
  func slotsKept(_ node: NodeID) -> [String] {
    guard cluster.config.isLog else { return [] }
    return [
      "its votes, slot by slot, are on its disk too"
        + (Bug.losingWrites.contains(where: cluster.settings.bugs.contains)
          ? ", as far as the teaching switch let them reach it" : "")
        + ": a new leader's phase 1 still hears of every slot it accepted"
    ]
  }
}
