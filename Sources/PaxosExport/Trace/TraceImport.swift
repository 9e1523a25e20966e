import Glibc
import PaxosScript
import PaxosSession
import PaxosSim

/// A trace loaded back: the interpreter holds the exact cluster the trace ends in, with the
/// trace's commands as its history.
public struct LoadedTrace: Sendable {
  public let interpreter: Interpreter
  /// The times the trace's `events` covered; its commands always cover the whole run.
  public let window: TraceWindow
  public let commandCount: Int
  /// Events in the trace's window.
  public let eventCount: Int
}

/// Loads JSON traces: reads the file strictly, replays its commands through a fresh
/// interpreter, and accepts the result only if the replay gives exactly the trace's events.
public enum TraceImport {
  /// Called for each command as it is replayed: its text, what it did and the cluster after it.
  public typealias Observer = (_ text: String, _ result: LineResult, _ cluster: Cluster) -> Void

  public static func load(path: String, limits: TraceLimits = .standard, observe: Observer? = nil)
    throws(TraceError) -> LoadedTrace
  {
    try load(try read(path, limits: limits), limits: limits, observe: observe)
  }

  public static func load(
    _ bytes: [UInt8], limits: TraceLimits = .standard, observe: Observer? = nil
  )
    throws(TraceError) -> LoadedTrace
  {
    let document = try TraceDecoder.decode(bytes, limits: limits, keepEvents: false)
    let interpreter = try TraceReplay.replay(document, observe: observe)
    if !TraceEncoder.encodes(interpreter, window: document.window, as: bytes) {
      let replayed = TraceEncoder.encode(interpreter, window: document.window)
      // Laid out differently or saying something else: compare what the two say.
      let full = try TraceDecoder.decode(bytes, limits: limits, keepEvents: true)
      let again: TraceDocument
      do {
        again = try TraceDecoder.decode(replayed, limits: .standard, keepEvents: true)
      } catch {
        throw TraceError(
          "paxlab cannot read its own export of this run (\(error)); please report it")
      }
      try TraceComparison.requireSame(full, replayed: again)
    }
    return LoadedTrace(
      interpreter: interpreter, window: document.window, commandCount: document.commands.count,
      eventCount: document.eventCount)
  }

  /// Whether `bytes` are meant as a trace rather than a script: a script line never starts
  /// with `{`, a JSON trace always does.
  public static func looksLikeTrace(_ bytes: [UInt8]) -> Bool {
    var rest = bytes[...]
    if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
    let first = rest.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
    return first == UInt8(ascii: "{")
  }

  /// The file's bytes, refusing a file over the size limit before reading it.
  public static func read(_ path: String, limits: TraceLimits = .standard) throws(TraceError)
    -> [UInt8]
  {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw TraceError(FileSystem.Failure(path: path, action: "open", code: errno).description)
    }
    guard (info.st_mode & S_IFMT) != S_IFDIR else {
      throw TraceError("'\(path)' is a folder, not a trace")
    }
    guard info.st_size <= limits.maxFileBytes else {
      throw TraceError(
        "'\(path)' is \(info.st_size) bytes; a trace is at most \(limits.maxFileBytes)")
    }
    do {
      return try FileSystem.read(path)
    } catch {
      throw TraceError(error.description)
    }
  }
}
