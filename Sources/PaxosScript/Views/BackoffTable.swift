import PaxosSim

/// `compare backoff`: the same moment run on with many seeds under no, fixed and randomized
/// backoff, as a table of how often and how soon the proposers decided.
enum BackoffTable {
  static let header = [
    "backoff", "decided", "never", "median time", "slowest", "median retries",
    "median round trip",
  ]

  /// `waits` lists the lengths to compare (0 for none); nil compares none with a fixed and a
  /// random wait of the cluster's own length.
  static func lines(
    _ cluster: Cluster, waits: [Int]?, seeds: Int, steps: Int,
    interrupted: Checkpoint?
  ) throws(ScriptError) -> [String] {
    try requireUndecidedAttempt(in: cluster)
    let trials = BackoffTrials(
      from: cluster, backoffs: BackoffTrials.backoffs(waits: waits ?? [0, ownWait(cluster)]),
      seeds: seeds, steps: steps, interrupted: interrupted)
    var table = TextTable(header: header)
    for outcome in trials.outcomes { table.append(row(outcome)) }
    var lines = [
      "compare backoff: from time \(cluster.time), seeds 1 to \(trials.seedsTried),"
        + " at most \(steps) steps each"
    ]
    if trials.seedsTried < seeds {
      lines.append("stopped after \(trials.seedsTried) of \(seeds) seeds (interrupted)")
    }
    lines += table.lines
    lines.append("decided: every proposer that took on a value knows the chosen one")
    lines.append("never: still undecided after \(steps) steps")
    lines.append(
      "time: ticks on the clock until all decided; a wait counts even when nothing else happens")
    lines.append(
      "round trip: ticks from a prepare or accept leaving to its reply reaching the proposer")
    lines.append(
      "the cluster is unchanged; 'set backoff none' then 'run seed=1 steps=\(steps)' plays one")
    return lines
  }

  /// The length of the cluster's own backoff, or the default one when it waits not at all.
  private static func ownWait(_ cluster: Cluster) -> Int {
    switch cluster.settings.backoff {
    case .fixed(let ticks), .randomized(let ticks): ticks
    case .none: Backoff.defaultBase
    }
  }

  private static func row(_ outcome: BackoffTrials.Outcome) -> [String] {
    let sorted = outcome.timeToDecide.sorted()
    return [
      outcome.backoff.description,
      "\(outcome.decided)/\(outcome.runs)",
      "\(outcome.runs - outcome.decided)",
      median(sorted).map(String.init) ?? "",
      sorted.last.map(String.init) ?? "",
      median(outcome.retries.sorted()).map(String.init) ?? "",
      median(outcome.roundTrips.sorted()).map(String.init) ?? "",
    ]
  }

  /// The lower middle of sorted numbers: always one of them, a whole number as they are.
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
