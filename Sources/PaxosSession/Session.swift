import PaxosCheck
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
  private let lock: SessionLock
  private var isLoading = false

  /// Opens the session, creating it if needed. A file that does not replay is left untouched
  /// unless `recovery` says what to do with it. Another process that has the session open
  /// keeps it: this one is refused (`inUse`), at once.
  public init(opening place: SessionPlace, recovery: Recovery? = nil) throws(SessionError) {
    self.place = place
    do {
      try FileSystem.createDirectory(place.folder)
      lock = try SessionLock(place)
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

  /// Why the session cannot be opened now, if another process has it open.
  public static func inUse(_ place: SessionPlace) -> SessionError? {
    SessionLock.holder(ofSessionFile: place.file).map {
      .inUse(name: place.name, file: place.file, pid: $0)
    }
  }

  /// Lets another process open the session, once this one goes on elsewhere (its commands are
  /// already on disk). Nothing is carried out here after this.
  public func close() { lock.release() }

  public var interrupted: Checkpoint? {
    get { interpreter.interrupted }
    set { interpreter.interrupted = newValue }
  }

  public var checkProgress: (@Sendable (CheckProgress) -> Bool)? {
    get { interpreter.checkProgress }
    set { interpreter.checkProgress = newValue }
  }

  /// The session file, which neither `save` nor `export` ever writes over.
  public var ownFile: WriteTarget.Protected {
    .init(path: place.file, role: "this session's own file, which paxlab keeps as you go")
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
    guard !result.recorded.isEmpty else { return result }
    do {
      try journal.append(result.recorded)
    } catch {
      if fileIsGone, (try? rewriteRemovedFile()) != nil {
        return result
      }
      return reloadAfterFailedWrite(error)
    }
    return result
  }

  private var fileIsGone: Bool {
    do { return try FileSystem.status(of: place.file, followingLinks: false) == nil } catch {
      return false
    }
  }

  /// The session file was removed while the session was open: nothing else is there, and the
  /// cluster in memory is all that is left of it, so it is written again from that.
  private func rewriteRemovedFile() throws(FileSystem.Failure) {
    try FileSystem.replace(
      place.file, with: Array(SessionFormat.script(of: interpreter.timeline).utf8))
    journal = try Journal(path: place.file)
  }

  /// The state on disk is the truth: when a line could not be saved, go back to it.
  private func reloadAfterFailedWrite(_ failure: FileSystem.Failure) -> LineResult {
    guard var (interpreter, _) = try? Self.replay(place, recovery: nil),
      let journal = try? Journal(path: place.file)
    else {
      return LineResult(
        outcome: .error(
          ScriptError(
            "\(failure); the last command is not saved",
            hint: "'save FILE' keeps this cluster in another file")))
    }
    interpreter.interrupted = self.interpreter.interrupted
    interpreter.checkProgress = self.interpreter.checkProgress
    interpreter.exporter = self.interpreter.exporter
    self.interpreter = interpreter
    // Replaying may have cut a torn line off, which replaces the file.
    self.journal = journal
    return LineResult(
      outcome: .error(
        ScriptError(
          "\(failure); the last command is not saved and was taken back",
          hint: "free some disk space, or 'save FILE' elsewhere")))
  }

  /// Runs a script's lines here, as if typed: each one that changes the cluster is saved.
  /// At the first line that fails it stops, names the line, and takes back what the script
  /// did, so a bad script leaves the cluster as it was.
  private func load(_ path: String) -> LineResult {
    guard !isLoading else {
      return LineResult(outcome: .error(ScriptError("a loaded script cannot load another one")))
    }
    guard path != "-" else {
      // Standard input is where the commands come from: there is no script to read there.
      return LineResult(
        outcome: .error(
          ScriptError(
            "load reads a file, and - (standard input) is where paxlab reads your commands",
            hint: "give the script's path, e.g. 'load duel.paxos'")))
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

  /// Writes the commands in effect as a script that rebuilds this cluster; `-` prints it.
  private func save(to path: String) -> LineResult {
    let script = SessionFormat.script(of: interpreter.timeline)
    guard path != "-" else {
      return LineResult(outcome: .done, note: .text([String(script.dropLast())]))
    }
    let target = SavedScript.target(protecting: [ownFile], otherName: "save under another name")
    do {
      try target.write(Array(script.utf8), to: path)
    } catch {
      return LineResult(outcome: .error(error))
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
    switch try found(place.file) {
    case .nothing:
      return (Interpreter(), [])
    case .brokenLink(let reason):
      guard let recovery else { throw SessionError.cannotRead(file: place.file, reason: reason) }
      return try startOver(place, recovery: recovery, keeping: [])
    case .file:
      break
    }
    let bytes = try FileSystem.read(place.file)
    let contents: SessionFormat.Contents
    do {
      contents = try SessionFormat.parse(bytes)
    } catch .newerVersion(let version) {
      throw SessionError.newerFormat(file: place.file, version: version)
    } catch {
      guard let recovery else { throw SessionError.notASession(file: place.file) }
      return try startOver(place, recovery: recovery, keeping: [])
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
      if index == contents.lines.count - 1 && contents.lastLineUnended {
        // A line without its newline that does not replay is a write a crash cut short.
        let aside = try keepAside(place.file)
        try FileSystem.replace(place.file, with: Array(bytes[..<contents.endedByteCount]))
        return (
          interpreter,
          [
            "\(place.file):\(line.number): the last line, '\(line.text)', was cut short by a crash"
              + " before it was saved; dropped it (the whole file is kept as \(aside))"
          ]
        )
      }
      guard let recovery else {
        throw SessionError.unreadable(
          file: place.file, line: line.number, text: line.text, reason: reason,
          readableCommands: index)
      }
      return try startOver(
        place, recovery: recovery, keeping: contents.lines[..<index].map(\.text))
    }
    return (interpreter, [])
  }

  private enum Found {
    case nothing, file
    case brokenLink(String)
  }

  /// What is where the session file goes: a regular file (or a link to one) to read, nothing,
  /// or a link to nothing readable (missing, looping). Anything else is refused before it is
  /// opened.
  private static func found(_ file: String) throws -> Found {
    guard let status = try FileSystem.status(of: file, followingLinks: false) else {
      return .nothing
    }
    guard status.kind == .symbolicLink else {
      guard status.kind == .regular else {
        throw SessionError.notAFile(file: file, kind: "\(status.kind)")
      }
      return .file
    }
    let link = "it is a symbolic link to '\(FileSystem.destination(of: file))', which"
    do {
      guard let target = try FileSystem.status(of: file, followingLinks: true) else {
        return .brokenLink(link + " does not exist")
      }
      guard target.kind == .regular else {
        throw SessionError.notAFile(file: file, kind: "a symbolic link to \(target.kind)")
      }
      return .file
    } catch let failure as FileSystem.Failure {
      return .brokenLink(link + " cannot be read (\(failure.reason))")
    }
  }

  /// Keeps the unreadable file aside, then starts empty or from its readable lines.
  private static func startOver(
    _ place: SessionPlace, recovery: Recovery, keeping readable: [String]
  )
    throws -> (Interpreter, [String])
  {
    let aside = try keepAside(place.file)
    let kept = recovery == .keepReadable ? readable : []
    try FileSystem.replace(
      place.file, with: Array((SessionFormat.header + kept.map { $0 + "\n" }.joined()).utf8))
    var interpreter = Interpreter()
    for line in kept { _ = interpreter.execute(line) }
    return (interpreter, ["\(place.file): the original file is kept as \(aside)"])
  }

  /// Gives the file a second name beside it, `FILE.unreadable` (or `-2`, `-3`...), and returns
  /// it. The file keeps its own name too until it is replaced: a crash in between loses nothing.
  private static func keepAside(_ file: String) throws -> String {
    var number = 1
    while true {
      let aside = file + ".unreadable" + (number == 1 ? "" : "-\(number)")
      if try FileSystem.link(file, as: aside) { return aside }
      number += 1
    }
  }
}
