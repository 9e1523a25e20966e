/// A script as `save` writes it: the session file's header, then one command a line, so that
/// `paxlab run` replays it and `save` (or `paxlab check -o`) may later write over it.
public enum SavedScript {
  public static func text(of lines: some Sequence<String>) -> String {
    SessionFormat.header + lines.map { $0 + "\n" }.joined()
  }

  /// Whether `line` is a saved script's or a session's first line.
  public static func isHeader(_ line: some StringProtocol) -> Bool {
    SessionFormat.isReadableScript(prefix: Array(line.utf8))
  }

  /// Where such a script may be written: a new path, or a file that holds one already.
  public static func target(protecting protected: [WriteTarget.Protected], otherName: String)
    -> WriteTarget
  {
    WriteTarget(
      holding: "a Paxos Lab script", otherName: otherName, protected: protected,
      recognises: SessionFormat.isReadableScript)
  }
}
