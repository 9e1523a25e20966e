import PaxosCore
import PaxosSim

/// Why a proposer proposed the value it did: the rule that keeps a chosen value chosen.
extension EventContext {
  func phase2(_ ballot: Ballot, _ value: ValueID, _ source: ValueSource) -> [String] {
    let proposer = ballot.proposer
    let promises = received(.promise, for: ballot, by: proposer)
    let promisers = promises.map(\.from)
    switch source {
    case .own:
      // Switches that make an acceptor forget what it accepted void the proposer's reasoning.
      let forgetting = [Bug.noPersist, .replyFirst].first(where: cluster.settings.bugs.contains)
      return [
        "\(proposer) proposes its own value \(show(value)) under \(ballot): none of the"
          + " acceptors that promised (\(names(promisers))) reported an accepted value",
        cluster.config.quorum < cluster.config.majority
          ? "but bug small-quorum is on: two quorums need not share an acceptor, so a lower"
            + " ballot may have been chosen by acceptors that did not answer"
          : forgetting.map {
            "so \(proposer) concludes that no lower ballot was chosen, which holds only while"
              + " acceptors remember what they accepted; bug \($0.rawValue) is on, so one that"
              + " crashed may have forgotten"
          }
            ?? "so no lower ballot can have been chosen: a chosen value would have been accepted"
            + " by a quorum, and any two quorums share an acceptor",
      ]
    case .adopted(let reporter, let accepted):
      var lines = [
        "\(proposer) adopted \(show(value)) under \(ballot) instead of its own value:"
          + " \(reporter) reported having accepted \(accepted) = \(show(value)), the highest"
          + " accepted ballot among the promises (from \(names(promisers)))"
      ]
      lines += overlap(accepted, value, promisers, reporter: reporter, newer: ballot)
      return lines
    case .ignoredAccepted(let reporter, let accepted):
      let reported = promises.first { $0.from == reporter }?.value
      return [
        "\(proposer) proposes \(show(value)) under \(ballot) although \(reporter) reported"
          + " having accepted \(accepted)" + (reported.map { " = \(show($0))" } ?? "")
          + ": bug ignore-accepted is on",
        "it breaks the rule that a proposer must propose the value of the highest accepted"
          + " ballot among its promises; if \(accepted) was chosen, a second value can now be",
      ]
    }
  }

  /// Who accepted the adopted proposal, who promised this ballot, and who lies in both.
  private func overlap(
    _ accepted: Ballot, _ value: ValueID, _ promisers: [NodeID], reporter: NodeID,
    newer: Ballot
  ) -> [String] {
    let proposal = ChoiceHistory.Proposal(ballot: accepted, value: value)
    let earlier = acceptors(of: proposal)
    let reached = earlier.count >= quorum
    var lines = [
      "\(accepted) was accepted by \(names(earlier)): "
        + (reached
          ? "a quorum, so \(show(value)) is chosen and must stay chosen"
          : "not a quorum, but \(newer.proposer) cannot know that \(show(value)) was not"
            + " chosen elsewhere, so it must keep it")
    ]
    let shared = earlier.filter(promisers.contains)
    if shared.isEmpty {
      lines.append(
        "\(reporter) is what carried \(show(value)) over: it had accepted \(accepted) and then"
          + " promised \(newer)")
    } else {
      let verb = shared.count == 1 ? "lies" : "lie"
      lines.append(
        "\(names(shared)) \(verb) in both: accepted \(accepted) = \(show(value)), then promised"
          + " \(newer) and said so; any two majorities share an acceptor, which is why the"
          + " newer ballot always hears of the older value")
    }
    return lines
  }
}
