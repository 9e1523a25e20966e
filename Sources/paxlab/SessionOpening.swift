import ArgumentParser
import Glibc
import PaxosSession

/// Opens the session for the REPL. A file that does not replay is never overwritten: the user
/// chooses, with `--recover` or, at a terminal, by answering a question.
enum SessionOpening {
  static func open(_ place: SessionPlace, recovery: Recovery?, canAsk: Bool) throws -> Session {
    do {
      return try Session(opening: place, recovery: recovery)
    } catch {
      StandardError.line("paxlab: \(error)")
      guard recovery == nil, let choices = Self.choices(for: error) else {
        throw ExitCode(2)
      }
      guard canAsk else {
        StandardError.line(
          "hint: 'paxlab --session \(place.name) --recover new' starts an empty session;"
            + (choices.count > 1 ? " '--recover keep' keeps the readable commands;" : "")
            + " the file as it is stays beside it, as \(place.file).unreadable")
        throw ExitCode(2)
      }
      guard let chosen = ask(choices) else { throw ExitCode(2) }
      do {
        return try Session(opening: place, recovery: chosen)
      } catch {
        StandardError.line("paxlab: \(error)")
        throw ExitCode(2)
      }
    }
  }

  /// What can be done with the file, when something can.
  private static func choices(for error: SessionError) -> [Recovery]? {
    switch error {
    case .unreadable(_, _, _, _, let readable):
      readable > 0 ? [.startNew, .keepReadable] : [.startNew]
    case .notASession, .cannotRead: [.startNew]
    case .newerFormat, .notAFile, .inUse, .fileSystem: nil
    }
  }

  /// Asks at the terminal; nil when the user would rather quit.
  private static func ask(_ choices: [Recovery]) -> Recovery? {
    let keep = choices.contains(.keepReadable) ? ", (k)eep the readable commands" : ""
    for _ in 0..<5 {
      let question = Array("start a (n)ew session\(keep), or (q)uit? ".utf8)
      _ = question.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
      guard let line = readLine() else { return nil }
      let answer = line.lowercased().filter { $0 != " " && $0 != "\t" }
      switch answer {
      case "n", "new": return .startNew
      case "k" where choices.contains(.keepReadable), "keep" where choices.contains(.keepReadable):
        return .keepReadable
      case "q", "quit", "": return nil
      default: continue
      }
    }
    return nil
  }
}
