import PaxosSim

/// Renders what a line did as the text users read and golden tests compare.
public enum Transcript {
  /// Every line: the events, then what the line reports.
  public static func lines(for result: LineResult, in cluster: Cluster, quiet: Bool) -> [String] {
    Array(eventLines(for: result, in: cluster, quiet: quiet))
      + reportLines(for: result, in: cluster, quiet: quiet)
  }

  /// Every event of the line, one per line; the ones after a step's first are indented. Made
  /// as they are read: a long run has millions, which are printed, never all held at once.
  public static func eventLines(for result: LineResult, in cluster: Cluster, quiet: Bool)
    -> some Sequence<String>
  {
    let events = hasEventLines(in: cluster, quiet: quiet) ? result.events : result.events.prefix(0)
    let entries = cluster.trace.entries
    // Brief shows only the events that matter to the outcome, each with its time.
    let brief = result.isBrief && !quiet
    return events.lazy.filter {
      quiet ? entries[$0].event.isViolation : !brief || Self.isBrief(entries[$0].event)
    }.map { index in
      let entry = entries[index]
      if brief { return "time \(entry.time): " + cluster.describe(entry.event) }
      let indent = !quiet && index > events.lowerBound && entries[index - 1].time == entry.time
      return (indent ? "  " : "") + cluster.describe(entry)
    }
  }

  /// Whether a line's events print anything: quiet output shows only violations, so without
  /// any there is nothing to look through.
  public static func hasEventLines(in cluster: Cluster, quiet: Bool) -> Bool {
    !quiet || !cluster.violations.isEmpty
  }

  /// What the line reports after its events: its note, and the bookmarks it removed.
  /// `timed`: with how long a check took, which a transcript compared as text cannot show.
  public static func reportLines(
    for result: LineResult, in cluster: Cluster, quiet: Bool, timed: Bool = false
  ) -> [String] {
    guard !quiet else { return [] }
    var lines: [String] = []
    switch result.note {
    case .membership?: lines.append(Report.membership(cluster))
    case .reset?: lines.append("reset: no cluster, no history")
    case .run(let summary)?:
      lines.append(Report.run(summary, cluster))
      if result.isBrief { lines.append(Report.standing(cluster)) }
    case .settings?: lines += Report.settings(cluster.settings)
    case .text(let text)?: lines += text
    case .check(let report)?: lines += report.lines(timed: timed)
    case .nothingToDo(let text)?: lines.append(text)
    case nil: break
    }
    if let dropped = Report.droppedBookmarks(result.droppedBookmarks) { lines.append(dropped) }
    return lines
  }

  /// What `run ... brief` shows: choices, learns, refusals that end a ballot, faults and
  /// violations; not the messages and writes that lead to them.
  static func isBrief(_ event: Event) -> Bool {
    switch event {
    case .chosen, .learned, .abandoned, .lost, .dropped, .crashed, .recovered, .partitioned,
      .healed, .violation, .leads, .chosenSlot, .skippedDuplicate, .waits:
      true
    case .sent, .delivered, .duplicated, .restoredAcceptor, .restoredRound, .persistedAcceptor,
      .persistedRound, .timerFired, .timerArmed, .startedPhase1, .startedPhase2, .awaitingValue,
      .decided, .requested, .holds, .knownChosen, .proposed, .decidedSlot, .persistedVote,
      .restoredVotes, .restoredLearner, .learnedSlot, .applied, .asksForSlots:
      false
    }
  }
}
