import PaxosCore
import PaxosSim

/// The text of commands that describe the cluster rather than change it.
enum Report {
  static func membership(_ cluster: Cluster) -> String {
    let parts = Roles.all.map { role in
      "\(role.name)s " + names(cluster.nodes(with: role.role))
    }
    let acceptors = cluster.config.acceptors.count
    return "cluster: " + parts.joined(separator: " | ")
      + (acceptors == 0
        ? " (no acceptors yet)" : " (quorum \(cluster.config.quorum) of \(acceptors))")
  }

  static func names(_ ids: [NodeID]) -> String {
    ids.isEmpty ? "none" : ids.map(\.name).joined(separator: " ")
  }

  /// Why `run` or `deliver all` stopped early: the trace holds as much as a cluster keeps.
  static let traceFull = Cluster.traceFullReason + "; 'reset' starts over (or 'undo' goes back)"

  static func run(_ summary: RunSummary, _ cluster: Cluster) -> String {
    let steps = "\(summary.steps) step\(summary.steps == 1 ? "" : "s")"
    if summary.stoppedAtViolation {
      return "run: stopped at the first violation, after \(steps); \(cluster.inFlight.count)"
        + " in flight"
    }
    let ending = runEnding(summary, cluster, steps: steps)
    return summary.untilViolation ? ending + "; no violation" : ending
  }

  private static func runEnding(_ summary: RunSummary, _ cluster: Cluster, steps: String)
    -> String
  {
    if summary.quiescent { return "run: \(steps), then nothing left to do" }
    if summary.interrupted {
      return "run: interrupted after \(steps); they are kept, \(cluster.inFlight.count) in flight"
    }
    if summary.traceFull { return "run: stopped after \(steps): " + traceFull }
    let timers = cluster.nodes.filter { $0.retryAt != nil }.map(\.id)
    return "run: stopped at the limit of \(steps); \(cluster.inFlight.count) in flight"
      + (timers.isEmpty ? "" : ", timers armed: " + names(timers))
  }

  /// Where things stand after `run ... brief`: what was chosen, who learned it, the clock and
  /// what is still in flight.
  static func standing(_ cluster: Cluster) -> String {
    if cluster.config.isLog { return LogStatus.standing(cluster) }
    var firsts: [ChoiceHistory.Choice] = []
    for choice in cluster.choices.chosen where !firsts.contains(where: { $0.value == choice.value })
    {
      firsts.append(choice)
    }
    let chosen =
      firsts.isEmpty
      ? "nothing chosen"
      : "chosen "
        + firsts.map { "\(cluster.values.display($0.value)) under \($0.ballot)" }
        .joined(separator: ", ") + (firsts.count > 1 ? " (VIOLATION)" : "")
    let learners = cluster.nodes.compactMap { node in
      node.learner.map { learner in
        "\(node.id) " + (learner.learned.map { cluster.values.display($0) } ?? "nothing yet")
      }
    }
    return "now, at time \(cluster.time): \(chosen); "
      + (learners.isEmpty ? "no learners" : "learned: " + learners.joined(separator: ", "))
      + "; \(cluster.inFlight.count) in flight"
  }

  static func bugs(_ bugs: Set<Bug>) -> String {
    guard !bugs.isEmpty else { return "bugs: none; the protocol runs as written" }
    return "bugs: "
      + Bug.allCases.filter(bugs.contains).map { "\($0.rawValue) (\($0.summary))" }
      .joined(separator: "; ")
  }

  static func settings(_ settings: Settings) -> [String] {
    [
      "backoff " + describe(settings.backoff),
      "timeout: a proposer retries an unfinished attempt after \(settings.attemptTimeout) ticks",
      bugs(settings.bugs),
    ]
  }

  /// The backoff's name, as every view gives it, then what it does.
  static func describe(_ backoff: Backoff) -> String {
    let effect =
      switch backoff {
      case .none: "a refused proposer retries at once"
      case .fixed(let ticks): "a refused proposer waits \(ticks) ticks"
      case .randomized(let ticks): "a refused proposer waits a random 1 to \(2 * ticks) ticks"
      }
    return "\(backoff): " + effect
  }

  /// Bookmarks a new command removed with the commands it replaced; nil for none.
  static func droppedBookmarks(_ names: [String]) -> String? {
    guard let last = names.last else { return nil }
    guard names.count > 1 else {
      return "bookmark \(last) was on the commands you replaced; it is gone"
    }
    return "bookmarks \(names.dropLast().joined(separator: ", ")) and \(last) were on the"
      + " commands you replaced; they are gone"
  }

  /// The commands in effect, numbered as `goto` takes them, with bookmarks; the last 50 unless
  /// `all`.
  static func history(_ timeline: Timeline, all: Bool) -> [String] {
    let entries = timeline.entries
    guard !entries.isEmpty else { return ["history: no commands yet"] }
    var marks: [Int: [String]] = [:]
    for (name, number) in timeline.bookmarks { marks[number, default: []].append(name) }
    let shown = all ? 0 : max(0, entries.count - 50)
    let width = String(entries.count).count
    var lines = shown > 0 ? ["... \(shown) earlier ('history all' shows them)"] : []
    if shown == 0, let start = marks[0] {
      lines.append("  (start)  [" + start.sorted().joined(separator: " ") + "]")
    }
    for index in shown..<entries.count {
      let number = String(index + 1)
      let padding = String(repeating: " ", count: width - number.count)
      let mark = marks[index + 1].map { "  [" + $0.sorted().joined(separator: " ") + "]" } ?? ""
      lines.append("  #" + number + padding + "  " + entries[index].text + mark)
    }
    if !timeline.undone.isEmpty {
      lines.append("(\(timeline.undone.count) undone; 'redo' brings them back)")
    }
    return lines
  }

  /// `status`: a table of the nodes, then the cluster as a whole (see `StatusTable`).
  static func status(_ cluster: Cluster) -> [String] { StatusTable.lines(cluster) }
}

extension String {
  /// Left-aligned in a column of `width` characters.
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
