import PaxosCore
import PaxosSim

struct ExpectationFailure: Error {
  var expected: String
  var actual: String
}

/// Checks an `expect` line against the cluster.
enum Expect {
  /// The note to print when the check holds.
  static func check(_ expectation: Expectation, in cluster: Cluster) throws -> String {
    let (what, expected, actual) = try compare(expectation, cluster)
    guard expected == actual else {
      throw ExpectationFailure(expected: "\(what) \(expected)", actual: "\(what) \(actual)")
    }
    return "ok: \(what) \(actual)"
  }

  private static func compare(_ expectation: Expectation, _ cluster: Cluster) throws(ClusterError)
    -> (what: String, expected: String, actual: String)
  {
    func text(_ value: String?) -> String { value.map(ValueTable.literal) ?? "none" }
    func text(_ value: ValueID?) -> String { value.map(cluster.values.display) ?? "none" }
    if cluster.config.isLog, let hint = singleValueCheckHint(expectation) {
      throw ClusterError(
        "a log cluster chooses a command in each slot, not one value: 'expect \(expectation.keyword)'"
          + " checks a single-decree cluster",
        hint: hint)
    }
    switch expectation {
    case .chosen(let value):
      return ("chosen", text(value), text(cluster.choices.value))
    case .learned(let learner, let value):
      let node = cluster.nodes[try cluster.require(learner, role: .learner)]
      return ("\(learner) learned", text(value), text(node.isUp ? node.learner?.learned : nil))
    case .decided(let proposer, let value):
      let node = cluster.nodes[try cluster.require(proposer, role: .proposer)]
      var decided: ValueID?
      if node.isUp, case .decided(let value, _) = node.proposer?.attempt { decided = value }
      return ("\(proposer) decided", text(value), text(decided))
    case .promised(let acceptor, let ballot):
      let state = acceptorState(cluster.nodes[try cluster.require(acceptor, role: .acceptor)])
      return ("\(acceptor) promised", (ballot ?? .zero).description, state.minProposal.description)
    case .accepted(let acceptor, let ballot, let value):
      let state = acceptorState(cluster.nodes[try cluster.require(acceptor, role: .acceptor)])
      let expected = ballot.map { "\($0) \(text(value))" } ?? "none"
      let actual =
        state.acceptedValue.map { "\(state.acceptedProposal) \(cluster.values.display($0))" }
        ?? "none"
      return ("\(acceptor) accepted", expected, actual)
    case .inFlight(let count, nil):
      return ("in flight", "\(count)", "\(cluster.inFlight.count)")
    case .inFlight(let count, let kind?):
      let actual = cluster.inFlight.count { cluster.trace[$0].kind == kind }
      return ("in flight", "\(count) \(kind.name)", "\(actual) \(kind.name)")
    case .slot(let slot, let command): return try LogExpect.slot(slot, command, in: cluster)
    case .applied(let learner, let count):
      return try LogExpect.applied(learner, count, in: cluster)
    case .keyValue(let learner, let key, let value):
      return try LogExpect.keyValue(learner, key: key, value: value, in: cluster)
    case .reply(let request, let expected):
      return try LogExpect.reply(request, expected, in: cluster)
    case .leaders(let proposers): return try LogExpect.leaders(proposers, in: cluster)
    case .safe, .violation:
      let expected = expectation == .safe ? "is safe" : "has a violation"
      let violations = cluster.violations
      let actual =
        violations.isEmpty
        ? "is safe"
        : expectation == .violation
          ? "has a violation" : "has a violation (\(cluster.describe(violations[0])))"
      return ("the run", expected, actual)
    }
  }

  /// For a check of a single value, the checks a log cluster has instead; nil for the others.
  private static func singleValueCheckHint(_ expectation: Expectation) -> String? {
    switch expectation {
    case .chosen: "'expect slot S COMMAND|noop|none', e.g. 'expect slot 1 put x 1'"
    case .learned: "'expect applied L N' or 'expect kv L KEY VALUE|none'; 'log' shows each slot"
    case .decided: "'expect slot S COMMAND|noop|none' or 'expect leader P...|none'"
    case .accepted: "'log' shows what each acceptor accepted in each slot"
    default: nil
    }
  }

  /// A crashed acceptor is judged by its disk: that is what it will come back with.
  private static func acceptorState(_ node: Node) -> AcceptorState {
    node.isUp ? node.acceptor?.state ?? AcceptorState() : node.disk.acceptor
  }
}
