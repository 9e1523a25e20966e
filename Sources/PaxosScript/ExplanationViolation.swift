import PaxosCore
import PaxosSim

/// Which teaching switch broke a safety property, found in the trace, and the rule it breaks.
extension EventContext {
  /// What a switch is seen doing is told this many times at most.
  static let findingsShown = 3

  func violation(_ violation: Violation) -> [String] {
    var lines = ["safety is broken: " + cluster.describe(violation)]
    let bugs = Bug.allCases.filter(cluster.settings.bugs.contains)
    guard !bugs.isEmpty else {
      return lines + [
        "no teaching switch is on, so the simulator itself is wrong: please report it"
      ]
    }
    let findings = evidence(for: violation).filter { bugs.contains($0.bug) }
    let blamed = bugs.filter { bug in findings.contains { $0.bug == bug } }
    guard !blamed.isEmpty else {
      if bugs.count > 1 {
        lines.append("the trace does not show which switch did it; one of these is to blame:")
      }
      return lines
        + bugs.map {
          "bug \($0.rawValue) is on (\($0.summary)): it breaks the rule that \(Self.rule($0))"
        }
    }
    for bug in blamed {
      let texts = findings.filter { $0.bug == bug }.map(\.text)
      let more = texts.count - Self.findingsShown
      lines.append(
        "bug \(bug.rawValue) is to blame: "
          + texts.prefix(Self.findingsShown).joined(separator: "; ")
          + (more > 0 ? "; and \(more) more like \(more == 1 ? "it" : "them")" : ""))
      lines.append("it breaks the rule that \(Self.rule(bug))")
    }
    let others = bugs.filter { !blamed.contains($0) }.map(\.rawValue)
    if !others.isEmpty {
      lines.append(
        "bug \(others.joined(separator: " and ")) " + (others.count == 1 ? "is" : "are")
          + " on too; nothing in the trace shows it at work here")
    }
    return lines
  }

  /// What the trace shows a switch doing toward `violation`.
  private func evidence(for violation: Violation) -> [SwitchFinding] {
    switch violation {
    case .agreement(let first, let second, let ballot):
      guard let choice = cluster.choices.chosen.first(where: { $0.value == first }) else {
        return []
      }
      return AgreementEvidence.findings(
        earlier: ChoiceHistory.Proposal(ballot: choice.ballot, value: first),
        later: ChoiceHistory.Proposal(ballot: ballot, value: second), in: self)
    case .promiseDecreased(let node, let from, _):
      // Only a disk that lost what was written to it takes a promise back.
      return Bug.losingWrites.map {
        SwitchFinding(
          bug: $0,
          text: "\(node) came back from its crash without its promise of \(from): it never"
            + " reached the disk")
      }
    case .validity, .slotValidity:
      return []
    case .slotAgreement(let slot, let first, let second, let ballot):
      guard let choice = cluster.choices.choice(in: Int(slot)), choice.command == first else {
        return []
      }
      return AgreementEvidence.findings(
        earlier: ChoiceHistory.Proposal(ballot: choice.ballot, value: first, slot: Int(slot)),
        later: ChoiceHistory.Proposal(ballot: ballot, value: second, slot: Int(slot)), in: self)
    case .appliedTwice(let node, let command, _, _):
      return [
        SwitchFinding(
          bug: .noDedup,
          text: "\(node) applied \(command.requestName) again instead of skipping the copy")
      ]
    case .logsDiverge(let node, let entry, let other, let expected, let position):
      // A learner that waits at gaps applies slot N as its command number N: the one that did
      // not is the one that went past a gap, whichever of the two the check caught.
      let place = Int(position) + 1
      let skipper =
        Int(entry.slot) != place
        ? (node, entry.slot) : Int(expected.slot) != place ? (other, expected.slot) : nil
      guard let (learner, slot) = skipper else { return [] }
      return [
        SwitchFinding(
          bug: .skipGaps,
          text: "\(learner) applied slot \(slot) as its command number \(place), past a gap")
      ]
    }
  }

  static func rule(_ bug: Bug) -> String {
    switch bug {
    case .noPersist: "an acceptor writes its promise and accepted value to disk before replying"
    case .ignoreAccepted:
      "a proposer proposes the value of the highest accepted ballot its promises report"
    case .smallQuorum: "any two quorums share an acceptor, which only majorities guarantee"
    case .acceptAny: "an acceptor never accepts a ballot below the one it promised"
    case .forgetBallot: "a proposer never uses the same ballot twice"
    case .replyFirst: "an acceptor's promise or acceptance is on its disk before its reply leaves"
    case .noDedup: "a learner applies each request at most once, skipping the later copies"
    case .skipGaps: "a learner applies the log in slot order, waiting at a gap until it is filled"
    }
  }
}
