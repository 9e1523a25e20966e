import PaxosCore
import PaxosSim

/// What one line did.
public struct LineResult: Sendable {
  public enum Outcome: Sendable {
    /// A blank line or a comment.
    case blank
    case done
    /// The line was refused; the cluster is unchanged.
    case error(ScriptError)
    case expectationFailed(expected: String, actual: String)
  }

  public var outcome: Outcome
  /// The trace entries the line added.
  public var events: Range<Int> = 0..<0
  /// What the line prints besides its events, rendered only when someone reads it.
  public var note: Note?
}

/// What a command reports besides its events.
public enum Note: Sendable {
  case membership
  case reset
  case run(RunSummary)
  case settings
  case text([String])
}

/// Runs lines of the command language against one cluster. The REPL, lessons and `paxlab run`
/// all go through here, so a line means the same thing everywhere.
public struct Interpreter: Sendable {
  public private(set) var cluster = Cluster()

  public init() {}

  public mutating func execute(_ line: String) -> LineResult {
    let command: Command
    do {
      guard let parsed = try Parser.parse(line) else { return LineResult(outcome: .blank) }
      command = parsed
    } catch {
      return LineResult(outcome: .error(error))
    }
    return execute(command)
  }

  public mutating func execute(_ command: Command) -> LineResult {
    let start = cluster.trace.entries.count
    var result = LineResult(outcome: .done)
    do {
      result.note = try perform(command)
    } catch let error as ScriptError {
      result.outcome = .error(error)
    } catch let error as ClusterError {
      let usage = Vocabulary.usage(Vocabulary.spec(command.word))
      result.outcome = .error(
        ScriptError(error.message, hint: error.hint ?? usage.map { "write " + $0 }))
    } catch let failure as ExpectationFailure {
      result.outcome = .expectationFailed(expected: failure.expected, actual: failure.actual)
    } catch {
      result.outcome = .error(ScriptError("\(error)"))
    }
    let end = cluster.trace.entries.count
    result.events = min(start, end)..<end
    return result
  }

  private mutating func perform(_ command: Command) throws -> Note? {
    switch command {
    case .cluster(let acceptors, let proposers, let learners):
      guard cluster.isEmpty else {
        throw ClusterError(
          "a cluster already exists; 'reset' to start over, or 'add' nodes to this one")
      }
      try cluster.populate(acceptors: acceptors, proposers: proposers, learners: learners)
      return .membership
    case .add(let roles, let ids):
      try cluster.add(roles, ids)
      return .membership
    case .reset:
      cluster.reset()
      return .reset
    case .propose(let proposer, let value):
      try cluster.propose(proposer, value)
    case .prepare(let proposer, let round, let value):
      try cluster.prepare(proposer, round: round, value: value)
    case .timeout(let proposer):
      try cluster.timeout(proposer)
    case .deliver(let selector):
      try cluster.deliver(selector)
    case .deliverAll:
      guard !cluster.inFlight.isEmpty else { throw Cluster.nothingInFlight }
      cluster.deliverAll()
    case .drop(let selector):
      try cluster.drop(selector)
    case .duplicate(let selector):
      try cluster.duplicate(selector)
    case .crash(let ids):
      try each(ids, verb: "crash", mustBeUp: true) { cluster, id throws(ClusterError) in
        try cluster.crash(id)
      }
    case .recover(let ids):
      try each(ids, verb: "recover", mustBeUp: false) { cluster, id throws(ClusterError) in
        try cluster.recover(id)
      }
    case .partition(let groups):
      try cluster.partition(groups)
    case .heal:
      try cluster.heal()
    case .run(let steps, let seed):
      guard !cluster.isEmpty else {
        throw ClusterError("there is no cluster to run; create one with 'cluster 3'")
      }
      if let seed { cluster.seed(seed) }
      return .run(cluster.run(limit: steps))
    case .setBugs(let bugs):
      cluster.setBugs(bugs)
      return .settings
    case .setBackoff(let backoff):
      try cluster.setBackoff(backoff)
      return .settings
    case .setTimeout(let steps):
      try cluster.setAttemptTimeout(steps)
      return .settings
    case .status:
      return .text(Report.status(cluster))
    case .help(let topic):
      return .text(try Help.text(topic))
    case .expect(let expectation):
      return .text([try Expect.check(expectation, in: cluster)])
    }
    return nil
  }

  /// Validates every node before touching any, so a bad name leaves the cluster unchanged.
  private mutating func each(
    _ ids: [NodeID], verb: String, mustBeUp: Bool,
    _ body: (inout Cluster, NodeID) throws(ClusterError) -> Void
  ) throws(ClusterError) {
    var seen = Set<NodeID>()
    for id in ids {
      let index = try cluster.require(id)
      guard seen.insert(id).inserted else { throw ClusterError("\(id) is named twice") }
      guard cluster.nodes[index].isUp == mustBeUp else {
        throw ClusterError("\(id) is already \(mustBeUp ? "down" : "up"); cannot \(verb) it")
      }
    }
    for id in ids { try body(&cluster, id) }
  }
}
