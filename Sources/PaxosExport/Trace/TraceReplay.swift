import PaxosScript
import PaxosSim

/// Rebuilds a trace's run by carrying out its commands in a fresh interpreter.
enum TraceReplay {
  static func replay(_ document: TraceDocument, observe: TraceImport.Observer?) throws(TraceError)
    -> Interpreter
  {
    // Every command is checked before any runs: a trace that cannot replay is refused whole.
    var commands: [Command] = []
    commands.reserveCapacity(document.commands.count)
    for (index, entry) in document.commands.enumerated() {
      commands.append(try command(entry.text, at: index))
    }
    let lastReset = commands.lastIndex(of: .reset) ?? -1
    var interpreter = Interpreter()
    for (index, command) in commands.enumerated() {
      let text = document.commands[index].text
      let result = interpreter.execute(command, line: text)
      switch result.outcome {
      case .done: break
      case .error(let error):
        throw TraceError(
          "'\(shortened(text))' does not replay: \(error.message)", path: "$.commands[\(index)]")
      case .blank, .quit, .forREPL, .expectationFailed:
        throw TraceError("'\(shortened(text))' does not replay", path: "$.commands[\(index)]")
      }
      let times = index > lastReset ? timeRange(result.events, in: interpreter.cluster) : nil
      guard times == document.commands[index].time else {
        throw TraceError(
          "replaying '\(shortened(text))' acts \(describe(times)); the trace says"
            + " \(describe(document.commands[index].time))",
          path: "$.commands[\(index)].\(document.clock.command)", hint: TraceComparison.hint)
      }
      observe?(text, result, interpreter.cluster)
    }
    return interpreter
  }

  /// A command that changes the cluster: the only kind a trace holds, and the only kind that
  /// is safe to carry out from a file someone sent (no `export`, no `load`).
  private static func command(_ text: String, at index: Int) throws(TraceError) -> Command {
    let parsed: Command?
    do {
      parsed = try Parser.parse(text)
    } catch {
      throw TraceError(
        "'\(shortened(text))' is not a command: \(error.message)", path: "$.commands[\(index)].text"
      )
    }
    guard let parsed, parsed.changesCluster else {
      throw TraceError(
        "'\(shortened(text))' is not a command that changes the cluster; a trace's commands all do",
        path: "$.commands[\(index)].text")
    }
    return parsed
  }

  private static func timeRange(_ events: Range<Int>, in cluster: Cluster) -> ClosedRange<Int>? {
    guard !events.isEmpty else { return nil }
    let entries = cluster.trace.entries
    return Int(entries[events.lowerBound].time)...Int(entries[events.upperBound - 1].time)
  }

  private static func describe(_ times: ClosedRange<Int>?) -> String {
    guard let times else { return "not at all" }
    return times.count == 1
      ? "at time \(times.lowerBound)" : "from time \(times.lowerBound) to \(times.upperBound)"
  }

  static func shortened(_ text: String) -> String {
    text.count > 60 ? String(text.prefix(60)) + "..." : text
  }
}
