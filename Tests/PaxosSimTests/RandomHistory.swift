import PaxosCore
import PaxosSim
import PaxosTestSupport

/// A random history of a small cluster: every choice comes from `SplitMix64(seed:)`, so a seed
/// replays the same history exactly (`RandomHistory(seed: 42).play().cluster`).
struct RandomHistory {
  let seed: UInt64
  var bugs: Set<PaxosSim.Bug> = []
  /// A replicated log: clients' requests, retries and catch-ups instead of proposals.
  var log = false

  static let values = ["red", "blue", "green"]
  static let commands = [
    ClientCommand(.put, key: "x", argument: "1"), ClientCommand(.append, key: "x", argument: "2"),
    ClientCommand(.get, key: "x"), ClientCommand(.put, key: "y", argument: "3"),
  ]

  enum Command: CaseIterable {
    case propose, deliver, drop, duplicate, crash, recover, partition, heal, timeout, run
    case request, retry, catchup

    /// The commands of one kind of cluster.
    static func all(log: Bool) -> [Command] {
      allCases.filter { log ? $0 != .propose : ![.request, .retry, .catchup].contains($0) }
    }
  }

  /// A played history: the cluster it left, and any refused command that changed it anyway.
  struct Outcome {
    var cluster: Cluster
    var refusalsThatChangedTheCluster: [String] = []
  }

  func play() -> Outcome {
    var random = SplitMix64(seed: seed)
    var outcome = Outcome(cluster: RandomHistory.makeCluster(log: log, &random))
    outcome.cluster.setBugs(bugs)
    outcome.cluster.seed(seed)
    // Each history has its own mix of commands, so that some are calm and others are heavy on
    // one kind of fault: a rare combination of faults then turns up within a few thousand seeds.
    let kinds = Command.all(log: log)
    let weights = kinds.map {
      $0 == .deliver
        ? 4 + random.next(below: 8) : random.next(below: 2) * (1 + random.next(below: 4))
    }
    let commands = 20 + random.next(below: 100)
    for _ in 0..<commands {
      let command = random.weighted(Array(zip(kinds, weights)))
      let before = outcome.cluster
      do {
        try RandomHistory.perform(command, on: &outcome.cluster, &random)
      } catch {
        if outcome.cluster != before {
          outcome.refusalsThatChangedTheCluster.append(
            "\(command) refused (\(error)) yet changed the cluster")
        }
      }
    }
    return outcome
  }

  /// 3 or 5 acceptors, 1 to 3 proposers, 0 to 2 learners.
  private static func makeCluster(log: Bool, _ random: inout SplitMix64) -> Cluster {
    do {
      return try Cluster.standard(
        acceptors: random.pick([3, 5]), proposers: 1 + random.next(below: 3),
        learners: random.next(below: 3), log: log)
    } catch {
      preconditionFailure("a small standard cluster is always valid: \(error)")
    }
  }

  /// Performs one command on random nodes or messages. The cluster may refuse it: refusals are
  /// part of the history too.
  private static func perform(
    _ command: Command, on cluster: inout Cluster, _ random: inout SplitMix64
  )
    throws(ClusterError)
  {
    let proposers = cluster.nodes(with: .proposer)
    let nodes = cluster.nodes.map(\.id)
    switch command {
    case .propose:
      try cluster.propose(random.pick(proposers), random.pick(values))
    case .deliver:
      try cluster.deliver(randomMessage(in: cluster, &random))
    case .drop:
      try cluster.drop(randomMessage(in: cluster, &random))
    case .duplicate:
      try cluster.duplicate(randomMessage(in: cluster, &random))
    case .crash:
      if let node = randomNode(in: cluster, up: true, &random) { try cluster.crash(node) }
    case .recover:
      if let node = randomNode(in: cluster, up: false, &random) { try cluster.recover(node) }
    case .partition:
      try cluster.partition([nodes.filter { _ in random.next(below: 2) == 0 }])
    case .heal:
      try cluster.heal()
    case .timeout:
      try cluster.timeout(random.pick(proposers))
    case .run:
      _ = cluster.run(limit: 1 + random.next(below: 30))
    case .request:
      try cluster.request(random.pick(proposers), random.pick(commands))
    case .retry:
      guard !cluster.requests.isEmpty else { return }
      let request = ValueID(raw: UInt32(random.next(below: cluster.requests.count)))
      try cluster.retry(request, to: random.pick(proposers))
    case .catchup:
      let learners = cluster.nodes(with: .learner)
      if !learners.isEmpty { try cluster.catchup(random.pick(learners)) }
    }
  }

  /// An up or a down node of a random role, so that proposers, of which there are few, crash as
  /// often as acceptors.
  private static func randomNode(in cluster: Cluster, up: Bool, _ random: inout SplitMix64)
    -> NodeID?
  {
    let candidates = [Roles.proposer, .acceptor, .learner]
      .map { cluster.nodes(with: $0).filter { cluster.node($0)?.isUp == up } }
      .filter { !$0.isEmpty }
    return candidates.isEmpty ? nil : random.pick(random.pick(candidates))
  }

  private static func randomMessage(in cluster: Cluster, _ random: inout SplitMix64)
    -> MessageSelector
  {
    cluster.inFlight.isEmpty ? .oldest : .id(random.pick(cluster.inFlight))
  }
}

extension SplitMix64 {
  mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[next(below: elements.count)]
  }

  /// One of `choices`, each as likely as its weight.
  mutating func weighted<Element>(_ choices: [(Element, Int)]) -> Element {
    var ticket = next(below: choices.reduce(0) { $0 + $1.1 })
    for (element, weight) in choices {
      ticket -= weight
      if ticket < 0 { return element }
    }
    preconditionFailure("weights must not be negative")
  }
}
