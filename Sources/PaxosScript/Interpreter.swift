import PaxosCheck
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
    /// `quit` in the REPL: leave.
    case quit
    /// `lesson` or `open` at the paxlab prompt: the REPL carries them out itself, as they
    /// change which session it is on, not the cluster.
    case forREPL(Command)
  }

  public var outcome: Outcome
  /// The trace entries the line added.
  public var events: Range<Int> = 0..<0
  /// What the line prints besides its events, rendered only when someone reads it.
  public var note: Note?
  /// The lines as a session file keeps them: the line itself when it changed the cluster or
  /// moved in its history, the commands it played for `check apply`, none otherwise.
  public var recorded: [String] = []
  /// A lesson's teaching line: a transcript shows its text, not the line itself.
  public var isTeaching = false
  /// `run ... brief`: a transcript shows only the events that matter to the outcome.
  public var isBrief = false
  /// Bookmarks the line removed: they were on commands it replaced after an `undo` or `goto`.
  public var droppedBookmarks: [String] = []

  public init(outcome: Outcome, note: Note? = nil) {
    self.outcome = outcome
    self.note = note
  }

  /// What `line` comes to: a blank line or one the parser refuses ends here; a command is
  /// handed to `carryOut`.
  public static func of(_ line: String, carryOut: (Command) -> LineResult) -> LineResult {
    do {
      guard let command = try Parser.parse(line) else { return LineResult(outcome: .blank) }
      return carryOut(command)
    } catch {
      return LineResult(outcome: .error(error))
    }
  }
}

/// What a command reports besides its events.
public enum Note: Sendable {
  case membership
  case reset
  case run(RunSummary)
  case settings
  case text([String])
  case check(CheckReport)
  /// A command that found nothing to do (`deliver all` with nothing in flight, `heal` with no
  /// partition): it says so, and is not kept in the history, since it changed nothing that
  /// `undo` could take back.
  case nothingToDo(String)
}

/// Runs lines of the command language against one cluster. The REPL, lessons and `paxlab run`
/// all go through here, so a line means the same thing everywhere.
public struct Interpreter: Sendable {
  public private(set) var cluster = Cluster()
  public private(set) var timeline = Timeline()
  /// Asked now and then during a long `run` or `compare backoff` with how far it got; true
  /// stops it, keeping the steps taken.
  public var interrupted: Checkpoint?
  /// Asked now and then during a `check` with how far it got; false stops it. Without it, a
  /// check asks `interrupted`.
  public var checkProgress: (@Sendable (CheckProgress) -> Bool)?
  /// The last `check` and the cluster it ran on, for `check apply`.
  var lastCheck: CheckRun?
  /// Writes `export`s; without one, `export` says it needs the paxlab program.
  public var exporter: (any Exporter)?
  /// The lesson's question waiting for a reveal that names its answer.
  public internal(set) var openQuestion: Question?
  /// The last line, when it found nothing to do: it is not in the history, yet 'explain'
  /// answers about it.
  private var idleLine: Timeline.Entry?

  public init() {}

  public mutating func execute(_ line: String) -> LineResult {
    LineResult.of(line) { execute($0, line: line) }
  }

  /// Carries out a parsed line and keeps it in the history when it changed the cluster.
  public mutating func execute(_ command: Command, line: String) -> LineResult {
    var result = execute(command)
    guard case .done = result.outcome, command.isRecorded else { return result }
    if case .nothingToDo? = result.note {
      idleLine = Timeline.Entry(text: Self.trimmed(line))
      return result
    }
    idleLine = nil
    if command.changesCluster {
      let entry = Self.entry(for: command, line: line, result: result)
      result.droppedBookmarks = timeline.append(entry, resulting: cluster)
      result.recorded = [entry.text]
    } else {
      result.recorded = [Self.trimmed(line)]
    }
    return result
  }

  /// How the history keeps a command: as typed, except a run that was interrupted, which is
  /// kept as the steps it took, so that replaying it does what it did.
  private static func entry(for command: Command, line: String, result: LineResult)
    -> Timeline.Entry
  {
    if case .run(let steps, let seed, let untilViolation, let brief) = command,
      case .run(let summary)? = result.note, summary.interrupted, summary.steps < steps
    {
      return Timeline.Entry(
        text: "run steps=\(summary.steps)" + (seed.map { " seed=\($0)" } ?? "")
          + (untilViolation ? " until violation" : "") + (brief ? " brief" : ""),
        events: result.events)
    }
    return Timeline.Entry(text: trimmed(line), events: result.events)
  }

  /// The line as a session file keeps it: without surrounding blanks. On UTF-8 bytes: this
  /// runs for every command.
  static func trimmed(_ line: String) -> String {
    let bytes = line.utf8
    let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    guard let first = bytes.firstIndex(where: { !isBlank($0) }),
      let last = bytes.lastIndex(where: { !isBlank($0) })
    else { return "" }
    if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return line }
    return String(line[first...last])
  }

  public mutating func execute(_ command: Command) -> LineResult {
    // It runs commands of its own, each kept in the history as the line it is.
    if case .checkApply(let stuck) = command { return applyCheck(stuck: stuck) }
    let start = cluster.trace.entries.count
    var result = LineResult(outcome: .done)
    if case .teach = command { result.isTeaching = true }
    if case .run(_, _, _, brief: true) = command { result.isBrief = true }
    do {
      result.note = try perform(command)
    } catch let error as ScriptError {
      result.outcome = .error(error)
    } catch let error as ClusterError {
      // Without a hint of its own, the command's forms; its example only when that is not the
      // very command just refused.
      let usage = Vocabulary.usage(
        Vocabulary.spec(command.word), topic: command.topic, refused: command)
      result.outcome = .error(
        ScriptError(error.message, hint: error.hint ?? usage.map { "write " + $0 }))
    } catch let failure as ExpectationFailure {
      result.outcome = .expectationFailed(expected: failure.expected, actual: failure.actual)
    } catch {
      result.outcome = .error(ScriptError("\(error)"))
    }
    let end = cluster.trace.entries.count
    // Time travel puts back another cluster: its trace is history, not what this line did.
    result.events = command.movesInTime ? end..<end : min(start, end)..<end
    return result
  }

  private mutating func perform(_ command: Command) throws -> Note? {
    if command.changesCluster {
      return try command.apply(to: &cluster, interrupted: interrupted)
    }
    switch command {
    case .status:
      return .text(Report.status(cluster))
    case .help(let topic):
      return .text(try Help.text(topic))
    case .expect(let expectation):
      return .text([try Expect.check(expectation, in: cluster)])
    case .check(let options):
      return .check(try check(options))
    case .export(let request):
      guard let exporter else {
        throw ScriptError(
          "export needs the paxlab program", hint: "run this with 'paxlab run' or in 'paxlab'")
      }
      return .text(try exporter.export(request, of: self))
    case .net:
      return .text(NetView.lines(cluster))
    case .log:
      return .text(LogView.lines(cluster))
    case .diagram(let last):
      return .text(TerminalDiagram.lines(cluster, last: last))
    case .explain(let time):
      return .text(Explanation.lines(cluster, time: time, history: timeline, idle: idleLine))
    case .compareBackoff(let seeds, let steps, let waits):
      return .text(
        try BackoffTable.lines(
          cluster, waits: waits, seeds: seeds, steps: steps, interrupted: interrupted))
    case .history(let all):
      return .text(Report.history(timeline, all: all))
    case .undo(let count):
      return .text([try undo(count)])
    case .redo(let count):
      return .text([try redo(count)])
    case .goto(let moment):
      return .text([try goto(moment)])
    case .teach(let teaching):
      return .text(try teach(teaching))
    case .bookmark(let name):
      timeline.bookmark(name)
      return .text(["bookmark \(name): after #\(timeline.entries.count)"])
    case .cluster, .add, .reset, .propose, .prepare, .timeout, .request, .retry, .catchup,
      .deliver, .deliverAll, .drop, .duplicate, .crash, .recover, .partition, .heal, .run,
      .setBugs, .setBackoff, .setTimeout, .checkApply:
      return nil  // carried out above
    case .save, .load, .sessions, .quit, .lesson, .open:
      // A lesson's pause runs lines here too: the message must fit there as well.
      throw ScriptError(
        "'\(command.word.rawValue)' works only at the paxlab prompt, not in a script or a lesson",
        hint: "start the interactive paxlab with 'paxlab', or finish the lesson first")
    }
  }

  // MARK: Time travel

  private mutating func undo(_ count: Int) throws(ScriptError) -> String {
    guard count <= timeline.entries.count else {
      throw Self.tooFew(timeline.entries.count, to: "undo", hint: "'history' lists them")
    }
    cluster = timeline.rewind(count) { cluster, command in Self.replay(command, on: &cluster) }
    let undone = timeline.undone.suffix(count).reversed().map(\.text)
    return "undo: back to #\(timeline.entries.count); undone: \(Self.list(undone))"
  }

  private mutating func redo(_ count: Int) throws(ScriptError) -> String {
    guard count <= timeline.undone.count else {
      throw Self.tooFew(
        timeline.undone.count, to: "redo",
        hint: "redo brings back what undo or goto took back, until a new command is typed")
    }
    var redone: [String] = []
    for _ in 0..<count {
      guard let entry = timeline.popUndone() else { break }
      Self.replay(entry.command, on: &cluster)
      timeline.append(entry, resulting: cluster, keepingRedo: true)
      redone.append(entry.text)
    }
    return "redo: at #\(timeline.entries.count); redone: " + Self.list(redone)
  }

  /// An `undo N` or `redo N` asking for more commands than there are.
  private static func tooFew(_ available: Int, to verb: String, hint: String) -> ScriptError {
    ScriptError(
      available == 0
        ? "there is nothing to \(verb)"
        : "only \(available) command\(available == 1 ? "" : "s") to \(verb)",
      hint: hint)
  }

  /// Commands named in a report: the first few, then how many more.
  private static func list(_ texts: [String]) -> String {
    let shown = texts.prefix(5).joined(separator: "; ")
    return texts.count > 5 ? shown + "; and \(texts.count - 5) more" : shown
  }

  private mutating func goto(_ moment: Moment) throws(ScriptError) -> String {
    let target: Int
    switch moment {
    case .command(let number): target = number
    case .bookmark(let name):
      guard let number = timeline.bookmarks[name] else {
        let names = timeline.bookmarks.keys.sorted().joined(separator: " ")
        throw ScriptError(
          "no bookmark '\(name)'" + (names.isEmpty ? "" : "; bookmarks: \(names)"),
          hint: "'bookmark NAME' marks the present moment")
      }
      target = number
    }
    let present = timeline.entries.count
    guard target <= present + timeline.undone.count else {
      throw ScriptError(
        "there is no #\(target): the history goes to #\(present)"
          + (timeline.undone.isEmpty ? "" : ", or #\(present + timeline.undone.count) with redo"),
        hint: "'history' lists the commands with their numbers")
    }
    if target < present { _ = try undo(present - target) }
    if target > present { _ = try redo(target - present) }
    return "goto: at #\(target)"
  }

  /// Carries out a command that succeeded before, for a rewind: same command, same cluster,
  /// same outcome, so there is nothing to report.
  static func replay(_ command: Command?, on cluster: inout Cluster) {
    _ = try? command?.apply(to: &cluster, interrupted: nil)
  }
}
