import PaxosScript
import PaxosSession

extension REPL {
  /// `lesson` typed here: lists the lessons, or takes one as `paxlab lesson N` does. A lesson
  /// played to its end hands back its session, which the REPL goes on with; a mistake leaves
  /// the REPL where it is.
  func lesson(_ key: String?) -> Move {
    let classroom = Classroom(folder: Classroom.defaultFolder, asked: .inTheREPL)
    do throws(ScriptError) {
      guard let key else {
        say(try classroom.list())
        return Move(status: .passed)
      }
      let taken = try classroom.take(
        key, mode: .interactive, atTerminal: isInteractive, keepsCluster: true, current: session)
      if let next = taken.session { say(moving(to: next.place.name)) }
      return taken
    } catch {
      say(REPLTranscript.lines(of: error))
      return Move(status: .usageError)
    }
  }

  /// Which session the REPL goes on with, and how to come back to this one.
  private func moving(to name: String) -> [String] {
    let here = session.place.name
    let moved = "The REPL is now on the lesson's cluster: session '\(name)'."
    guard here != name else { return [moved] }
    return [moved, "Session '\(here)' is kept as it was; 'open \(here)' goes back to it."]
  }
}
