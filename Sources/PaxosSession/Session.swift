import PaxosScript
import PaxosSim

/// A cluster that outlives the program: every command that changes it is appended to the
/// session file and synced before its result is shown, and opening the session replays the file.
public final class Session {
  public let place: SessionPlace
  public private(set) var interpreter: Interpreter
  /// Things the user should know about how the session was opened (a torn line dropped...).
  public private(set) var warnings: [String] = []
  private var journal: Journal
  private var isLoading = false

  /// Opens the session, creating it if needed. A file that does not replay is left untouched
  /// unless `recovery` says what to do with it.
  public init(opening place: SessionPlace, recovery: Recovery? = nil) throws(SessionError) {
    self.place = place
    do {
      try FileSystem.createDirectory(place.folder)
      let (interpreter, warnings) = try Self.replay(place, recovery: recovery)
      self.interpreter = interpreter
      self.warnings = warnings
      journal = try Journal(path: place.file)
    } catch let failure as FileSystem.Failure {
      throw .fileSystem(failure.description)
    } catch let error as SessionError {
      throw error
    } catch {
      throw .fileSystem("\(error)")
    }
  }

  public var interrupted: Checkpoint? {
    get { interpreter.interrupted }
    set { interpreter.interrupted = newValue }
  }

  /// Writes `export`s; set by the program, which knows the formats.
  public var exporter: (any Exporter)? {
    get { interpreter.exporter }
    set { interpreter.exporter = newValue }
  }

  /// Turns a file that `load` reads into the command lines that rebuild its run, when it is
  /// not a script (a JSON trace); nil for a script. Set by the program, which knows the formats.
  public var fileReader:
    (@Sendable (_ bytes: [UInt8], _ path: String) throws(ScriptError) -> [String]?)?

  /// Carries out a line; a line that changes the cluster is on disk before this returns.
  public func execute(_ line: String) -> LineResult {
    LineResult.of(line) { execute($0, line: line) }
  }

  private func execute(_ command: Command, line: String) -> LineResult {
    switch command {
    case .quit: return LineResult(outcome: .quit)
    // Handed up to the REPL, never kept: they change the session, not the cluster. A loaded
    // script's are refused below, as in any script.
    case .lesson where !isLoading, .open where !isLoading:
      return LineResult(outcome: .forREPL(command))
    case .sessions: return LineResult(outcome: .done, note: .text(sessionList()))
    case .save(let path): return save(to: path)
    case .load(let path): return load(path)
    default: break
    }
    let result = interpreter.execute(command, line: line)
    guard let recorded = result.recordedText else { return result }
    do {
      try journal.append(recorded)
    } catch {
      return reloadAfterFailedWrite(error)
    }
    return result
  }

  /// The state on disk is the truth: when a line could not be saved, go back to it.
  private func reloadAfterFailedWrite(_ failure: FileSystem.Failure) -> LineResult {
    let message = "\(failure); the last command is not saved and was taken back"
    if var (interpreter, _) = try? Self.replay(place, recovery: nil) {
      interpreter.interrupted = self.interpreter.interrupted
      interpreter.exporter = self.interpreter.exporter
      self.interpreter = interpreter
    }
    return LineResult(
      outcome: .error(ScriptError(message, hint: "free some disk space, or 'save FILE' elsewhere")))
  }

  /// Runs a script's lines here, as if typed: each one that changes the cluster is saved.
  /// At the first line that fails it stops, names the line, and takes back what the script
  /// did, so a bad script leaves the cluster as it was.
  private func load(_ path: String) -> LineResult {
    guard !isLoading else {
      return LineResult(outcome: .error(ScriptError("a loaded script cannot load another one")))
    }
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.read(path)
    } catch {
      return LineResult(outcome: .error(ScriptError(error.description)))
    }
    var lines = ScriptText.lines(of: bytes).map(String.init)
    do {
      // A trace rebuilds exactly its own run: from a fresh cluster, which `reset` gives.
      if let commands = try fileReader?(bytes, path) {
        lines = (interpreter.timeline.entries.isEmpty ? [] : ["reset"]) + commands
      }
    } catch {
      return LineResult(outcome: .error(error))
    }
    isLoading = true
    defer { isLoading = false }
    let entriesBefore = interpreter.timeline.entries.count
    var output: [String] = []
    var count = 0
    for (index, line) in lines.enumerated() {
      let result = execute(line)
      let failure: ScriptError
      switch result.outcome {
      case .blank, .quit, .forREPL:
        continue
      case .done:
        count += 1
        output +=
          ["> " + line] + Transcript.lines(for: result, in: interpreter.cluster, quiet: false)
        continue
      case .error(let error):
        failure = ScriptError("\(path):\(index + 1): \(error.message)", hint: error.hint)
      case .expectationFailed(let expected, let actual):
        failure = ScriptError("\(path):\(index + 1): expected \(expected), got \(actual)")
      }
      let added = interpreter.timeline.entries.count - entriesBefore
      if added > 0 { _ = execute("undo \(added)") }
      return LineResult(
        outcome: .error(
          ScriptError(
            failure.message
              + (added == 0
                ? ""
                : added == 1
                  ? " (the command before it was taken back)"
                  : " (the \(added) commands before it were taken back)"),
            hint: failure.hint)),
        note: .text(output))
    }
    return LineResult(
      outcome: .done,
      note: .text(output + ["loaded \(count) line\(count == 1 ? "" : "s") from \(path)"]))
  }

  private func sessionList() -> [String] {
    let names = place.siblings
    guard !names.isEmpty else { return ["no sessions in \(place.folder)/"] }
    return ["sessions in \(place.folder)/ ('open NAME' goes to one):"]
      + names.map { $0 == place.name ? "* \($0)" : "  \($0)" }
  }

  /// Writes the commands in effect as a script that rebuilds this cluster.
  private func save(to path: String) -> LineResult {
    if FileSystem.exists(path) {
      let existing = (try? FileSystem.read(path)) ?? []
      guard (try? SessionFormat.parse(existing)) != nil else {
        return LineResult(
          outcome: .error(
            ScriptError(
              "'\(path)' exists and is not a Paxos Lab script; it is left as it is",
              hint: "save under another name")))
      }
    }
    let script = SessionFormat.script(of: interpreter.timeline)
    do {
      try FileSystem.replace(path, with: Array(script.utf8))
    } catch {
      return LineResult(outcome: .error(ScriptError(error.description)))
    }
    let count = interpreter.timeline.entries.count
    return LineResult(
      outcome: .done,
      note: .text([
        "saved \(count) command\(count == 1 ? "" : "s") to \(path); 'paxlab run \(path)' replays it"
      ]))
  }

  // MARK: Opening

  /// Replays the session file into a fresh interpreter.
  static func replay(_ place: SessionPlace, recovery: Recovery?) throws -> (Interpreter, [String]) {
    guard FileSystem.exists(place.file) else { return (Interpreter(), []) }
    let bytes = try FileSystem.read(place.file)
    let contents: SessionFormat.Contents
    do {
      contents = try SessionFormat.parse(bytes)
    } catch .newerVersion(let version) {
      throw SessionError.newerFormat(file: place.file, version: version)
    } catch {
      guard let recovery else { throw SessionError.notASession(file: place.file) }
      return (try startOver(place, recovery: recovery, keeping: []), [])
    }
    var warnings: [String] = []
    if contents.tornLastLine {
      try FileSystem.replace(place.file, with: Array(bytes[..<contents.intactByteCount]))
      warnings.append(
        "\(place.file): the last line was cut short by a crash before it was saved; dropped it")
    }
    var interpreter = Interpreter()
    for (index, line) in contents.lines.enumerated() {
      let result = interpreter.execute(line.text)
      let reason: String
      switch result.outcome {
      case .blank, .done, .quit, .forREPL: continue
      case .error(let error): reason = error.message
      case .expectationFailed(let expected, let actual):
        reason = "expected \(expected), got \(actual)"
      }
      guard let recovery else {
        throw SessionError.unreadable(
          file: place.file, line: line.number, text: line.text, reason: reason,
          readableCommands: index)
      }
      let readable = contents.lines[..<index].map(\.text)
      let kept = try startOver(place, recovery: recovery, keeping: readable)
      return (kept, warnings)
    }
    return (interpreter, warnings)
  }

  /// Moves an unreadable file aside, then starts empty or from its readable lines.
  private static func startOver(
    _ place: SessionPlace, recovery: Recovery, keeping readable: [String]
  )
    throws -> Interpreter
  {
    var aside = place.file + ".unreadable"
    var number = 1
    while FileSystem.exists(aside) {
      number += 1
      aside = place.file + ".unreadable-\(number)"
    }
    try FileSystem.rename(place.file, to: aside)
    var interpreter = Interpreter()
    guard recovery == .keepReadable else { return interpreter }
    try FileSystem.replace(
      place.file, with: Array((SessionFormat.header + readable.map { $0 + "\n" }.joined()).utf8))
    for line in readable { _ = interpreter.execute(line) }
    return interpreter
  }
}
