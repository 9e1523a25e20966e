/// Why a session could not be opened or kept. The session file is left as it was.
public enum SessionError: Error, Sendable, CustomStringConvertible {
  /// A line of the file does not replay: the file is not overwritten; see `Recovery`.
  case unreadable(file: String, line: Int, text: String, reason: String, readableCommands: Int)
  case newerFormat(file: String, version: Int)
  case notASession(file: String)
  /// The file is there but cannot be read (a symbolic link to nothing): see `Recovery`.
  case cannotRead(file: String, reason: String)
  /// A FIFO, a folder, a link to a device...: refused before anything is read from it.
  case notAFile(file: String, kind: String)
  /// Another process has the session open; `pid` is who, once it has written it.
  case inUse(name: String, file: String, pid: Int32?)
  case fileSystem(String)

  public var description: String {
    switch self {
    case .unreadable(let file, let line, let text, let reason, let readable):
      "\(file):\(line): this line does not replay: \(reason)\n  \(text)\n"
        + "the \(readable) command\(readable == 1 ? "" : "s") before it can be kept"
    case .newerFormat(let file, let version):
      "\(file) was written by a newer Paxos Lab (session format v\(version));"
        + " this one reads up to v\(SessionFormat.version). Upgrade paxlab to open it."
    case .notASession(let file):
      "\(file) is not a Paxos Lab session: its first line is not '# paxlab session v1...'"
    case .cannotRead(let file, let reason):
      "\(file) cannot be read: \(reason)"
    case .notAFile(let file, let kind):
      "\(file) is \(kind), not a regular file; paxlab keeps a session only in a regular file\n"
        + "move it away, or choose another session: paxlab --session NAME"
    case .inUse(let name, let file, let pid):
      "session '\(name)' is open in another paxlab\(pid.map { " (pid \($0))" } ?? ""); two at once"
        + " would mix their commands in \(file)\n"
        + "quit that one first, or choose another session: paxlab --session NAME"
        + " ('open NAME' at the prompt)"
    case .fileSystem(let message):
      message
    }
  }
}

/// What to do with a session file that does not replay. Either way the original stays on disk.
public enum Recovery: String, CaseIterable, Sendable {
  /// Move the file aside and start an empty session.
  case startNew = "new"
  /// Keep the commands before the bad line; the original is kept beside, renamed.
  case keepReadable = "keep"
}
