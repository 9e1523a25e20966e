import PaxosScript
import PaxosSession

extension Session {
  /// Lets the session's `export` lines write files and its `load` read JSON traces: the one
  /// call the interactive paxlab makes after opening a session.
  public func enableExports() {
    exporter = FileExporter(protecting: [ownFile])
    fileReader = { bytes, path throws(ScriptError) in
      try TraceImport.sessionLines(bytes, path: path)
    }
  }
}

extension TraceImport {
  /// For `Session.fileReader`: a trace's commands, checked by replaying them against its
  /// events first; nil when `bytes` are a script.
  public static func sessionLines(_ bytes: [UInt8], path: String) throws(ScriptError) -> [String]? {
    guard looksLikeTrace(bytes) else { return nil }
    do {
      return try load(bytes).interpreter.timeline.entries.map(\.text)
    } catch {
      throw ScriptError("\(path): \(error)", hint: error.hint)
    }
  }
}
