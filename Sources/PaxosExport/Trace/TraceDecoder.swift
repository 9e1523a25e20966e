import PaxosCore
import PaxosSim

/// Reads a JSON trace into a `TraceDocument`, refusing anything the format does not allow:
/// the first problem is reported with its byte offset and JSON path.
enum TraceDecoder {
  static let topFields = ["format", "version", "window", "run", "cluster", "commands", "events"]

  /// `keepEvents` false checks every event but keeps none: the replay's own events are
  /// compared by bytes first, and the records are needed only to explain a difference.
  static func decode(_ bytes: [UInt8], limits: TraceLimits = .standard, keepEvents: Bool)
    throws(TraceError) -> TraceDocument
  {
    guard bytes.count <= limits.maxFileBytes else {
      throw TraceError(
        "the file is \(bytes.count) bytes; a trace is at most \(limits.maxFileBytes)")
    }
    guard !bytes.isEmpty else { throw TraceError("the file is empty; a trace is a JSON object") }
    guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else {
      throw TraceError(
        "the file starts with a byte-order mark (EF BB BF); a trace is UTF-8 without one", offset: 0
      )
    }
    var reader = JSONReader(bytes, limits: limits)
    var document = TraceDocument()
    var seen: [String] = []
    var events = EventDecoder(keep: keepEvents)
    try reader.object("a JSON object: a trace starts with '{'") {
      (reader, key) throws(TraceError) in
      if let version = try header(key, position: seen.count, &reader) {
        document.version = version
      }
      seen.append(key)
      let clock = document.clock
      switch key {
      case "format", "version": break
      case "window": document.window = try window(&reader)
      case "run": document.totals = try totals(&reader, clock)
      case "cluster": document.cluster = try cluster(&reader, clock, version: document.version)
      case "commands": document.commands = try commands(&reader, clock)
      case "events":
        // The cluster's mode says what its messages carry.
        guard seen.contains("cluster") else {
          throw reader.fail(
            "the events come before the cluster; a trace describes its cluster first")
        }
        try events.read(&reader, clock, log: document.cluster.log)
      default:
        throw reader.fail(
          "unknown field '\(key)'; a trace has " + topFields.joined(separator: ", "))
      }
    }
    try reader.end()
    if let missing = topFields.first(where: { !seen.contains($0) }) {
      throw TraceError("the trace has no '\(missing)' field")
    }
    document.events = events.records
    document.eventCount = events.count
    return document
  }

  /// `format` and `version` come first, so that any version of paxlab can tell what a file is
  /// before it reads on. Returns the version once it is read.
  private static func header(_ key: String, position: Int, _ reader: inout JSONReader)
    throws(TraceError) -> Int?
  {
    switch position {
    case 0:
      let name = key == "format" ? try? reader.string() : nil
      guard name == TraceFormat.name else {
        throw reader.fail(
          "this is not a Paxos Lab trace: it does not start with"
            + " {\"format\": \"\(TraceFormat.name)\", \"version\": ...")
      }
    case 1:
      guard key == "version" else {
        throw reader.fail("the second field of a trace must be 'version'")
      }
      let version = try reader.integer(0...Int.max)
      guard version <= TraceFormat.version else {
        throw reader.fail(
          "this trace was written by a newer Paxos Lab (trace format v\(version)); this one reads"
            + " up to v\(TraceFormat.version)", hint: "upgrade paxlab to load it")
      }
      guard version >= 1 else { throw reader.fail("there is no trace format v\(version)") }
      return version
    default:
      break
    }
    return nil
  }

  private static func window(_ reader: inout JSONReader) throws(TraceError) -> TraceWindow {
    var window = TraceWindow()
    var seen: Set<String> = []
    try reader.object("an object {\"from\": ..., \"to\": ...}") {
      (reader, key) throws(TraceError) in
      seen.insert(key)
      switch key {
      case "from": window.from = reader.null() ? nil : try reader.integer(0...Int.max)
      case "to": window.to = reader.null() ? nil : try reader.integer(0...Int.max)
      default: throw reader.fail("unknown field '\(key)'; a window has from and to")
      }
    }
    try requireFields(["from", "to"], in: seen, of: "the window")
    if let from = window.from, let to = window.to, from > to {
      throw TraceError("the window starts at time \(from), after its end, \(to)")
    }
    return window
  }

  private static func totals(_ reader: inout JSONReader, _ clock: ClockFields)
    throws(TraceError) -> TraceDocument.Totals
  {
    var totals = TraceDocument.Totals(time: 0, events: 0, messages: 0)
    var seen: Set<String> = []
    try reader.object("an object of totals") { (reader, key) throws(TraceError) in
      seen.insert(key)
      switch key {
      case clock.run: totals.time = try reader.integer(0...Int.max)
      case "events": totals.events = try reader.integer(0...Int.max)
      case "messages": totals.messages = try reader.integer(0...Int.max)
      default:
        throw reader.fail("unknown field '\(key)'; run has \(clock.run), events and messages")
      }
    }
    try requireFields([clock.run, "events", "messages"], in: seen, of: "run")
    return totals
  }

  private static func commands(_ reader: inout JSONReader, _ clock: ClockFields)
    throws(TraceError) -> [TraceDocument.CommandEntry]
  {
    var commands: [TraceDocument.CommandEntry] = []
    try reader.array("an array of commands") { (reader, index) throws(TraceError) in
      var entry = TraceDocument.CommandEntry(text: "", time: nil)
      var seen: Set<String> = []
      try reader.object("a command object") { (reader, key) throws(TraceError) in
        seen.insert(key)
        switch key {
        case "number":
          let number = try reader.integer(0...Int.max)
          guard number == index + 1 else {
            throw reader.fail("command number \(number) where \(index + 1) was expected")
          }
        case "text":
          entry.text = try reader.string()
          guard !entry.text.utf8.contains(UInt8(ascii: "\n")) else {
            throw reader.fail("a command is one line; this text has a line break")
          }
        case clock.command: entry.time = try times(&reader, clock.command)
        default:
          throw reader.fail(
            "unknown field '\(key)'; a command has number, text and \(clock.command)")
        }
      }
      try requireFields(["number", "text", clock.command], in: seen, of: "a command")
      commands.append(entry)
    }
    return commands
  }

  /// A command's `{"first": A, "last": B}`, its field named `name`.
  private static func times(_ reader: inout JSONReader, _ name: String) throws(TraceError)
    -> ClosedRange<Int>?
  {
    guard !reader.null() else { return nil }
    var first: Int?
    var last: Int?
    try reader.object("null or {\"first\": TIME, \"last\": TIME}") {
      (reader, key) throws(TraceError) in
      switch key {
      case "first": first = try reader.integer(0...Int.max)
      case "last": last = try reader.integer(0...Int.max)
      default: throw reader.fail("unknown field '\(key)'; \(name) has first and last")
      }
    }
    guard let first, let last else { throw TraceError("\(name) needs both first and last") }
    guard first <= last else { throw TraceError("\(name) runs from \(first) back to \(last)") }
    return first...last
  }

  static func requireFields(_ fields: [String], in seen: Set<String>, of what: String)
    throws(TraceError)
  {
    if let missing = fields.first(where: { !seen.contains($0) }) {
      throw TraceError("\(what) has no '\(missing)' field")
    }
  }
}
