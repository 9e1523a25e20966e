import PaxosCheck
import PaxosSim

/// The last `check`: what it found, and the cluster it ran on. Its schedule's message numbers
/// are those that cluster gives, so `check apply` needs the cluster unchanged.
struct CheckRun: Sendable {
  let cluster: Cluster
  let report: CheckReport
}

extension Interpreter {
  /// Explores every schedule from here; the cluster is unchanged.
  mutating func check(_ options: CheckOptions) throws(ScriptError) -> CheckReport {
    guard !cluster.isEmpty else {
      throw ScriptError(
        "there is no cluster to check",
        hint: "create one and start some work first, e.g. 'cluster 3 2 1', 'propose p1 red',"
          + " 'propose p2 blue', then 'check'")
    }
    let watch = checkProgress
    let interrupted = interrupted
    let result = cluster.check(options) { progress in
      if let watch { return watch(progress) }
      return !(interrupted?(progress.distinctStates, options.states) ?? false)
    }
    let report = CheckReport(result, from: cluster)
    lastCheck = CheckRun(cluster: cluster, report: report)
    return report
  }

  /// Plays the last check's schedule, each action as the line of the language it is, kept in
  /// the history as that line. All or nothing: a refused step puts everything back.
  mutating func applyCheck(stuck: Bool) -> LineResult {
    let schedule: [ClusterAction]
    do {
      schedule = try scheduleToApply(stuck: stuck)
    } catch {
      return LineResult(outcome: .error(error))
    }
    guard !schedule.isEmpty else {
      return LineResult(
        outcome: .done,
        note: .nothingToDo("check apply: the schedule is empty; the cluster is already there"))
    }
    let before = self
    let start = cluster.trace.entries.count
    var result = LineResult(outcome: .done)
    for action in schedule {
      let step = execute(action.line)
      guard case .done = step.outcome else {
        self = before
        let reason =
          switch step.outcome {
          case .error(let error): error.message
          default: "it did not run"
          }
        return LineResult(
          outcome: .error(
            ScriptError(
              "'\(action.line)' of the schedule is refused: \(reason); nothing was played",
              hint: "'check' again looks for a schedule from here")))
      }
      result.recorded += step.recorded
      result.droppedBookmarks += step.droppedBookmarks
    }
    result.events = start..<cluster.trace.entries.count
    let count = schedule.count
    result.note = .text([
      "check apply: played the \(count) command\(count == 1 ? "" : "s") of the schedule"
        + (count == 1 ? "; 'undo' takes it back" : "; 'undo \(count)' takes them back")
    ])
    return result
  }

  private func scheduleToApply(stuck: Bool) throws(ScriptError) -> [ClusterAction] {
    guard let lastCheck else {
      throw ScriptError(
        "there is no check to apply", hint: "'check' first looks for a schedule from here")
    }
    let result = lastCheck.report.result
    if stuck {
      guard let schedule = result.stuck else {
        throw ScriptError(
          "the last check found no stuck state, so there is no schedule to apply",
          hint: "'check apply' plays the schedule to a violation, when the check found one")
      }
      try requireUnchanged(since: lastCheck)
      return schedule
    }
    guard case .violation = result.outcome else {
      throw ScriptError(
        "the last check found no violation, so there is no schedule to apply",
        hint: result.stuck == nil
          ? "'check' with larger bounds looks further"
          : "'check apply stuck' plays the schedule to the stuck state it found")
    }
    try requireUnchanged(since: lastCheck)
    return result.schedule
  }

  private func requireUnchanged(since lastCheck: CheckRun) throws(ScriptError) {
    guard cluster == lastCheck.cluster else {
      throw ScriptError(
        "the cluster changed since the last check, so its schedule may not fit it:"
          + " its message numbers may name other messages, or none",
        hint: "'check' again looks for a schedule from here")
    }
  }
}
