import PaxosScript
import PaxosSession

/// How a command that may move the REPL to another session ended: its status, as
/// `paxlab run` would count it, and the session to go on in when it moves (a lesson played to
/// its end, an `open`).
struct Move {
  var status: ScriptStatus
  var session: Session?
}

extension REPL {
  /// `lesson` and `open`: they change which session the REPL is on, not the cluster.
  func carryOut(_ command: Command) -> Move {
    switch command {
    case .lesson(let key):
      return lesson(key)
    case .open(let name):
      return open(name)
    default:
      return Move(status: .passed)
    }
  }

  /// `open NAME`: the saved session NAME, or a new one; the session left is already on disk.
  private func open(_ name: String) -> Move {
    guard SessionPlace.isValidName(name) else {
      say(
        REPLTranscript.lines(
          of: ScriptError(SessionPlace.notAName(name), hint: "'sessions' lists the saved ones")))
      return Move(status: .usageError)
    }
    guard name != session.place.name else {
      say(["already on session '\(name)'"])
      return Move(status: .passed)
    }
    // A file that does not replay is never overwritten: at a terminal the user chooses what
    // to do, as at start-up; otherwise the REPL stays where it is.
    guard
      let opened = try? SessionOpening.open(
        SessionPlace(name: name), recovery: nil, canAsk: isInteractive)
    else {
      say(["the REPL stays on session '\(session.place.name)'"])
      return Move(status: .usageError)
    }
    let count = opened.interpreter.timeline.entries.count
    say([
      "session '\(name)': \(count) command\(count == 1 ? "" : "s");"
        + " session '\(session.place.name)' is kept as it was ('open \(session.place.name)' goes back)"
    ])
    return Move(status: .passed, session: opened)
  }
}
