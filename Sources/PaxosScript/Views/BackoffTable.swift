import PaxosSim

/// `compare backoff`: the same moment run on with many seeds under no, fixed and randomized
/// backoff, as a table of how often and how soon the proposers decided.
enum BackoffTable {
  static let header = [
    "backoff", "decided", "never", "median steps", "slowest", "median retries",
  ]

  static func lines(
    _ cluster: Cluster, seeds: Int, steps: Int, interrupted: (@Sendable () -> Bool)?
  ) throws(ScriptError) -> [String] {
    try requireUndecidedAttempt(in: cluster)
    let base: Int
    switch cluster.settings.backoff {
    case .fixed(let steps), .randomized(let steps): base = steps
    case .none: base = Backoff.defaultBase
    }
    let trials = BackoffTrials(
      from: cluster, seeds: seeds, steps: steps, base: base, interrupted: interrupted)
    var table = TextTable(header: header)
    for outcome in trials.outcomes { table.append(row(outcome)) }
    var lines = [
      "compare backoff: from step \(cluster.step), seeds 1 to \(trials.seedsTried),"
        + " at most \(steps) steps each"
    ]
    if trials.seedsTried < seeds {
      lines.append("stopped after \(trials.seedsTried) of \(seeds) seeds (interrupted)")
    }
    lines += table.lines
    lines.append("decided: every proposer that took on a value knows the chosen one")
    lines.append("never: still undecided after \(steps) steps")
    lines.append(
      "the cluster is unchanged; 'set backoff none' then 'run seed=1 steps=\(steps)' plays one")
    return lines
  }

  private static func row(_ outcome: BackoffTrials.Outcome) -> [String] {
    let sorted = outcome.stepsToDecide.sorted()
    return [
      outcome.backoff.description,
      "\(outcome.decided)/\(outcome.runs)",
      "\(outcome.runs - outcome.decided)",
      median(sorted).map(String.init) ?? "",
      sorted.last.map(String.init) ?? "",
      median(outcome.retries.sorted()).map(String.init) ?? "",
    ]
  }

  /// The lower middle of sorted numbers: always one of them, as a step count should be.
  private static func median(_ sorted: [Int]) -> Int? {
    sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
  }

  /// Trials only mean something while some proposer is still trying.
  private static func requireUndecidedAttempt(in cluster: Cluster) throws(ScriptError) {
    guard !cluster.isEmpty else {
      throw ScriptError("there is no cluster to run; create one with 'cluster 3 2'")
    }
    guard !cluster.traceIsFull else {
      throw ScriptError("nothing can run from here: " + Report.traceFull)
    }
    if cluster.proposersDecided {
      throw ScriptError(
        "the proposers have already decided, so there is nothing left to compare",
        hint: "compare from an earlier moment: 'undo' or 'goto N' ('history' lists them)")
    }
    let trying = cluster.nodes.contains { node in
      guard node.isUp, let attempt = node.proposer?.attempt else { return false }
      if case .idle = attempt { return false }
      return true
    }
    guard trying else {
      throw ScriptError(
        "no proposer that is up is trying to get a value chosen, so every run would do nothing",
        hint: "start a duel first: 'propose p1 red' and 'propose p2 blue', then compare")
    }
  }
}
