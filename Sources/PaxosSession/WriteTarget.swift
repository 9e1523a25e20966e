import PaxosScript

/// What `save` and `export` may write over: a new path, or a regular file that holds what such
/// a command wrote there before. Anything else is left as it is, with the reason and a way out:
/// the session's own file, the script being run, a session another paxlab has open, a file of
/// the user's, a FIFO, a device, a folder, a symbolic link (replacing the link would not write
/// where it points).
public struct WriteTarget: Sendable {
  /// A file that is never replaced, whatever it holds, and what it is ("the script being run").
  public struct Protected: Sendable {
    public let path: String
    public let role: String

    public init(path: String, role: String) {
      self.path = path
      self.role = role
    }
  }

  /// What the command writes, for messages: "a Paxos Lab script", "a JSON trace".
  public let holding: String
  /// How to write elsewhere instead: "save under another name".
  public let otherName: String
  public let protected: [Protected]
  /// Whether a file starting with these bytes (at most `Self.prefixLength`) is what the
  /// command writes.
  public let recognises: @Sendable ([UInt8]) -> Bool

  /// Enough of a file to tell what wrote it.
  public static let prefixLength = 256

  public init(
    holding: String, otherName: String, protected: [Protected],
    recognises: @escaping @Sendable ([UInt8]) -> Bool
  ) {
    self.holding = holding
    self.otherName = otherName
    self.protected = protected
    self.recognises = recognises
  }

  /// Replaces `path` with `bytes` if the command may write there.
  public func write(_ bytes: [UInt8], to path: String) throws(ScriptError) {
    try check(path)
    do {
      try FileSystem.replace(path, with: bytes)
    } catch {
      throw ScriptError(
        error.description,
        hint:
          "give a path in a folder that exists and that you can write to, or - for standard output")
    }
  }

  /// Throws unless the command may write `path`.
  public func check(_ path: String) throws(ScriptError) {
    let status: FileStatus
    do {
      guard let existing = try FileSystem.status(of: path, followingLinks: false) else { return }
      status = existing
    } catch {
      throw ScriptError(error.description)
    }
    guard status.kind == .regular else {
      throw ScriptError(
        "'\(path)' is \(status.kind); paxlab writes only to regular files and new paths,"
          + " and leaves it as it is",
        hint: "\(otherName), or - for standard output")
    }
    for file in protected {
      if let other = try? FileSystem.status(of: file.path, followingLinks: true),
        other.isSameFile(as: status)
      {
        throw ScriptError("'\(path)' is \(file.role); it is left as it is", hint: otherName)
      }
    }
    if let holder = SessionLock.holder(ofSessionFile: path) {
      throw ScriptError(
        "'\(path)' is a session open in another paxlab\(holder.map { " (pid \($0))" } ?? "");"
          + " it is left as it is", hint: otherName)
    }
    let prefix = (try? FileSystem.prefix(of: path, count: Self.prefixLength)) ?? []
    guard recognises(prefix) else {
      throw ScriptError(
        "'\(path)' exists and is not \(holding); it is left as it is",
        hint: "\(otherName), or delete the file first")
    }
  }
}
