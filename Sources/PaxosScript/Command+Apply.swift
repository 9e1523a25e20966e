import PaxosCore
import PaxosSim

extension Command {
  /// Carries out a command that changes the cluster; nil for every other command. Refuses
  /// with the cluster unchanged, or does the whole command.
  func apply(to cluster: inout Cluster, interrupted: Checkpoint?) throws(ClusterError)
    -> Note?
  {
    if recordsEventsUnchecked { try cluster.requireRoomInTrace(to: word.rawValue) }
    switch self {
    case .cluster(let acceptors, let proposers, let learners, let log):
      guard cluster.isEmpty else {
        throw ClusterError(
          "a cluster already exists; 'reset' to start over, or 'add' nodes to this one")
      }
      try cluster.populate(
        acceptors: acceptors, proposers: proposers, learners: learners, log: log)
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
    case .request(let proposer, let command):
      try cluster.request(proposer, command)
    case .retry(let request, let proposer):
      try cluster.retry(request, to: proposer)
    case .catchup(let learner):
      try cluster.catchup(learner)
    case .deliver(let selector):
      try cluster.deliver(selector)
    case .deliverAll:
      guard !cluster.inFlight.isEmpty else { return .nothingToDo("deliver all: nothing in flight") }
      cluster.deliverAll()
      if !cluster.inFlight.isEmpty {
        return .text([
          "deliver all: stopped with \(cluster.inFlight.count) in flight: " + Report.traceFull
        ])
      }
    case .drop(let selector):
      try cluster.drop(selector)
    case .duplicate(let selector):
      try cluster.duplicate(selector)
    case .crash(let ids):
      try Self.each(ids, of: &cluster, verb: "crash", mustBeUp: true) {
        (cluster: inout Cluster, id: NodeID) throws(ClusterError) in try cluster.crash(id)
      }
    case .recover(let ids):
      try Self.each(ids, of: &cluster, verb: "recover", mustBeUp: false) {
        (cluster: inout Cluster, id: NodeID) throws(ClusterError) in try cluster.recover(id)
      }
    case .partition(let groups):
      try cluster.partition(groups)
    case .heal:
      guard cluster.isPartitioned else {
        return .nothingToDo("heal: no partition to heal; every node already reaches every other")
      }
      try cluster.heal()
    case .run(let steps, let seed, let untilViolation, _):
      guard !cluster.isEmpty else {
        throw ClusterError("there is no cluster to run; create one with 'cluster 3'")
      }
      if let seed { cluster.seed(seed) }
      return .run(
        cluster.run(limit: steps, interrupted: interrupted, untilViolation: untilViolation))
    case .setBugs(let bugs):
      cluster.setBugs(bugs)
      return .settings
    case .setBackoff(let backoff):
      try cluster.setBackoff(backoff)
      return .settings
    case .setTimeout(let ticks):
      try cluster.setAttemptTimeout(ticks)
      return .settings
    case .status, .net, .log, .diagram, .history, .explain, .compareBackoff, .undo, .redo, .goto,
      .bookmark, .help, .expect, .check, .checkApply, .export, .save, .load, .sessions, .open,
      .quit, .lesson, .teach:
      return nil
    }
    return nil
  }

  /// Commands that record events without stopping at a full trace themselves, as `run` and
  /// `deliver all` do.
  private var recordsEventsUnchecked: Bool {
    switch self {
    case .propose, .prepare, .timeout, .request, .retry, .catchup, .deliver, .drop, .duplicate,
      .crash, .recover, .partition,
      .heal:
      true
    default: false
    }
  }

  /// Validates every node before touching any, so a bad name leaves the cluster unchanged.
  private static func each(
    _ ids: [NodeID], of cluster: inout Cluster, verb: String, mustBeUp: Bool,
    _ body: (inout Cluster, NodeID) throws(ClusterError) -> Void
  ) throws(ClusterError) {
    var seen = Set<NodeID>()
    for id in ids {
      let index = try cluster.require(id)
      guard seen.insert(id).inserted else { throw ClusterError("\(id) is named twice") }
      guard cluster.nodes[index].isUp == mustBeUp else {
        throw ClusterError(
          "\(id) is already \(mustBeUp ? "down" : "up"); cannot \(verb) it",
          hint: mustBeUp
            ? "'recover \(id)' brings it back"
            : "only a node that is down recovers; 'status' shows which are")
      }
    }
    for id in ids { try body(&cluster, id) }
  }
}
