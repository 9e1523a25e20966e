import PaxosScript
import PaxosSession

/// Taking a lesson, as `paxlab lesson N` and `lesson N` in the REPL both do: find it in the
/// lessons folder, play it, record the progress, and build the session `lesson-N` that holds
/// the cluster it ended with.
struct Classroom {
  /// Where lessons are read from, relative to the current folder, unless `--lessons` says.
  static let defaultFolder = "lessons"

  /// Where the student asked: hints name what to type there.
  enum Asked {
    case atTheShell, inTheREPL

    /// What lists the lessons here; followed by a number, it takes one.
    var listCommand: String { self == .atTheShell ? "paxlab lesson" : "lesson" }

    var folderHint: String {
      self == .atTheShell
        ? "run paxlab from the Paxos Lab folder, or give --lessons DIR"
        : "lessons are read from ./\(Classroom.defaultFolder): start paxlab in the Paxos Lab folder"
    }
  }

  let folder: String
  let asked: Asked

  /// The lessons with the student's progress.
  func list() throws(ScriptError) -> [String] {
    LessonList.lines(try catalogue(), progress: LessonProgress(), listCommand: asked.listCommand)
  }

  /// Plays the lesson numbered or named `key`. `atTerminal`: a person types the replies, with
  /// line editing. `keepsCluster`: once the lesson is done, its session holds its cluster, and
  /// the move goes there. `current`: the session the REPL is on, which is the lesson's when the
  /// student takes the same lesson again there (a second open of it would be refused as in use).
  func take(
    _ key: String, mode: LessonPlayer.Mode, atTerminal: Bool, keepsCluster: Bool,
    current: Session? = nil
  ) throws(ScriptError) -> Move {
    let catalogue = try catalogue()
    guard let (number, lesson) = catalogue.find(key) else {
      let first = catalogue.numbers.first.map { " \($0)" } ?? ""
      throw ScriptError(
        "no lesson '\(key)' in '\(folder)'",
        hint: "'\(asked.listCommand)' lists them; give a number or a name, e.g. "
          + "'\(asked.listCommand)\(first)'")
    }
    let place = SessionPlace(name: "lesson-\(number)")
    // Should another paxlab have the lesson's session, the student hears so now, not at the end.
    if keepsCluster, current?.place != place, let inUse = Session.inUse(place) {
      throw ScriptError(inUse.description)
    }
    guard
      let (status, commands) = play(
        lesson, number: number, path: catalogue.path(of: lesson), mode: mode,
        typedIn: mode == .interactive && atTerminal ? place : nil)
    else { return Move(status: .passed) }
    guard status == .passed else { return Move(status: status) }
    var progress = LessonProgress()
    do {
      try progress.markFinished(lesson.name)
    } catch {
      StandardError.line("warning: the progress was not saved: \(error)")
    }
    guard keepsCluster else { return Move(status: .passed) }
    let session: Session
    if let current, current.place == place {
      session = current
    } else {
      session = try Self.open(place)
    }
    try Self.rebuild(session, with: commands)
    return Move(status: .passed, session: session)
  }

  /// The lessons of the folder; an error when there are none.
  private func catalogue() throws(ScriptError) -> LessonCatalogue {
    let catalogue: LessonCatalogue
    do {
      catalogue = try LessonCatalogue(folder: folder)
    } catch {
      throw ScriptError(error.description)
    }
    guard !catalogue.lessons.isEmpty else {
      throw ScriptError("no lessons (*.paxos) in '\(folder)'", hint: asked.folderHint)
    }
    return catalogue
  }

  /// Plays the lesson; returns how it ended and the commands that built its cluster, or nil
  /// when the student left it before the end. `typedIn`: the replies are typed at a terminal,
  /// and kept beside that session's file, so that Up reaches them there after the lesson.
  private func play(
    _ lesson: Lesson, number: Int, path: String, mode: LessonPlayer.Mode,
    typedIn place: SessionPlace?
  ) -> (ScriptStatus, [String])? {
    let output = StandardOutput(flushesEachLine: true)
    // The history file needs its folder, which a first lesson may be the first to use.
    if let place { try? FileSystem.createDirectory(place.folder) }
    let input = AnswerInput(output: output, historyFile: place?.historyFile)
    defer { input.close() }
    var player = LessonPlayer(mode: mode, emit: output.line, read: input.read)
    player.endOfInputLeaves = place != nil
    if place != nil { player.interrupted = { _, _ in Signals.isInterrupted() } }
    let status = player.play(lesson, file: path)
    if player.left {
      output.line(
        "Lesson \(number) is not finished; '\(asked.listCommand) \(number)' starts it again.")
      output.flush()
      return nil
    }
    if status == .passed {
      output.line("Lesson \(number) done; '\(asked.listCommand)' shows your progress.")
    }
    output.flush()
    return (status, player.interpreter.timeline.entries.map(\.text))
  }

  private static func open(_ place: SessionPlace) throws(ScriptError) -> Session {
    do {
      return try Session(opening: place, recovery: .startNew)
    } catch {
      throw ScriptError(error.description)
    }
  }

  /// Makes the lesson's session hold exactly the cluster the lesson ended with: an earlier
  /// attempt's experiments are reset first (and can still be undone).
  private static func rebuild(_ session: Session, with commands: [String]) throws(ScriptError) {
    let lines = (session.interpreter.timeline.entries.isEmpty ? [] : ["reset"]) + commands
    for line in lines {
      guard case .done = session.execute(line).outcome else {
        throw ScriptError("the lesson's cluster could not be rebuilt at '\(line)'")
      }
    }
  }
}
