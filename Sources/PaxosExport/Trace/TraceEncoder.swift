import PaxosCore
import PaxosScript
import PaxosSim

/// Writes the JSON trace of a run: the same run and window always give the same bytes.
///
/// The layout is fixed (key order, spacing, one event per line) so that exporting, loading and
/// exporting again gives identical files, and so that diffs of two traces read line by line.
public enum TraceEncoder {
  /// Bytes the buffer starts with per event: most events fit, so it rarely grows.
  static let bytesPerEvent = 200

  public static func encode(_ interpreter: Interpreter, window: TraceWindow = .whole) -> [UInt8] {
    var writer = writer(for: interpreter, keepingAtMost: .max)
    write(interpreter, window: window, into: &writer)
    return writer.bytes
  }

  /// A writer whose buffer fits most traces of `interpreter` without growing.
  private static func writer(for interpreter: Interpreter, keepingAtMost limit: Int)
    -> JSONByteWriter
  {
    let commandBytes = interpreter.timeline.entries.reduce(0) { $0 + $1.text.utf8.count + 64 }
    return JSONByteWriter(
      capacity: 1024 + commandBytes + interpreter.cluster.nodes.count * 64
        + interpreter.cluster.trace.entries.count * bytesPerEvent,
      keepingAtMost: limit)
  }

  /// The trace for `export json`: refused, before any of it is written, when it is larger
  /// than `load` and `replay` read. One pass: past the limit the writer only counts.
  public static func encodeLoadable(
    _ interpreter: Interpreter, window: TraceWindow = .whole, limit: Int = TraceFormat.maxBytes
  ) throws(ScriptError) -> [UInt8] {
    var writer = writer(for: interpreter, keepingAtMost: limit)
    write(interpreter, window: window, into: &writer)
    guard writer.count <= limit else {
      throw tooLarge(writer.count, limit: limit, endsAt: interpreter.cluster.time)
    }
    return writer.bytes
  }

  /// Whether `bytes` are exactly the trace of `interpreter`: found without a second copy of
  /// them, which for a large trace is most of the memory loading it takes.
  static func encodes(_ interpreter: Interpreter, window: TraceWindow, as bytes: [UInt8]) -> Bool {
    var compare = JSONByteWriter.measuring(against: bytes)
    write(interpreter, window: window, into: &compare)
    return compare.matchesExpected()
  }

  static func tooLarge(_ size: Int, limit: Int, endsAt time: Int) -> ScriptError {
    ScriptError(
      "this JSON trace would be \(approximate(size)) (\(size) bytes), more than the"
        + " \(approximate(limit)) that 'load' and 'replay' read; nothing was written",
      hint:
        "export a part of the run, which ends at time \(time): 'export json FILE from=TIME to=TIME'"
    )
  }

  /// `1.44 GiB`, `12 MiB`, `40 KiB`: rounded down, for a person; the exact count goes beside.
  static func approximate(_ bytes: Int) -> String {
    guard bytes >= 1 << 30 else {
      return bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }
    let hundredths = (bytes * 100) >> 30
    let fraction = hundredths % 100
    guard fraction != 0 else { return "\(hundredths / 100) GiB" }
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) GiB"
  }

  private static func write(
    _ interpreter: Interpreter, window: TraceWindow, into writer: inout JSONByteWriter
  ) {
    let cluster = interpreter.cluster
    let timeline = interpreter.timeline
    writer.raw("{\n  \"format\": ")
    writer.string(TraceFormat.name)
    writer.raw(",\n  \"version\": ")
    writer.integer(TraceFormat.version)
    writer.raw(",\n  \"window\": {\"from\": ")
    optionalInteger(window.from, &writer)
    writer.raw(", \"to\": ")
    optionalInteger(window.to, &writer)
    writer.raw("},\n  \"run\": {\"time\": ")
    writer.integer(cluster.time)
    writer.raw(", \"events\": ")
    writer.integer(cluster.trace.entries.count)
    writer.raw(", \"messages\": ")
    writer.integer(cluster.trace.messages.count)
    writer.raw("},\n")
    writeCluster(cluster, seed: CommandTimes.seed(of: timeline), &writer)
    writeCommands(timeline, CommandTimes.ranges(of: timeline, in: cluster), &writer)
    var events = EventWriter(cluster: cluster)
    events.write(window: window, into: &writer)
    writer.raw("}\n")
  }

  private static func writeCluster(
    _ cluster: Cluster, seed: UInt64?, _ writer: inout JSONByteWriter
  ) {
    // A single-decree trace has no mode: it reads exactly as before log clusters existed.
    writer.raw(
      cluster.config.isLog
        ? "  \"cluster\": {\n    \"mode\": \"log\",\n    \"nodes\": ["
        : "  \"cluster\": {\n    \"nodes\": [")
    for (index, node) in cluster.nodes.enumerated() {
      writer.raw(index == 0 ? "\n      {\"name\": " : ",\n      {\"name\": ")
      writer.name(node.id)
      writer.raw(", \"roles\": [")
      for (position, name) in node.roles.names.enumerated() {
        if position > 0 { writer.raw(", ") }
        writer.string(name)
      }
      writer.raw("]}")
    }
    writer.raw(cluster.nodes.isEmpty ? "],\n" : "\n    ],\n")
    let settings = cluster.settings
    writer.raw("    \"settings\": {\"backoff\": {\"kind\": ")
    switch settings.backoff {
    case .none: writer.raw("\"none\", \"ticks\": null}")
    case .fixed(let ticks):
      writer.raw("\"fixed\", \"ticks\": ")
      writer.integer(ticks)
      writer.raw("}")
    case .randomized(let ticks):
      writer.raw("\"random\", \"ticks\": ")
      writer.integer(ticks)
      writer.raw("}")
    }
    writer.raw(", \"timeout\": ")
    writer.integer(settings.attemptTimeout)
    writer.raw(", \"bugs\": [")
    for (position, bug) in Bug.allCases.filter(settings.bugs.contains).enumerated() {
      if position > 0 { writer.raw(", ") }
      writer.string(bug.rawValue)
    }
    writer.raw("]},\n    \"seed\": ")
    if let seed { writer.unsigned(seed) } else { writer.null() }
    if cluster.config.isLog { writeRequests(cluster, &writer) }
    writer.raw("\n  },\n")
  }

  /// `"requests": [{"id": "r1", "command": "get x", "reply": "read", "read": "1"}, ...]`
  private static func writeRequests(_ cluster: Cluster, _ writer: inout JSONByteWriter) {
    writer.raw(",\n    \"requests\": [")
    for (index, request) in cluster.requests.enumerated() {
      writer.raw(index == 0 ? "\n      {\"id\": \"r" : ",\n      {\"id\": \"r")
      writer.integer(index + 1)
      writer.raw("\", \"command\": ")
      writer.string(request.command.text)
      switch request.reply {
      case nil: writer.raw(", \"reply\": \"pending\", \"read\": null}")
      case .ok: writer.raw(", \"reply\": \"ok\", \"read\": null}")
      case .value(let text):
        writer.raw(", \"reply\": \"read\", \"read\": ")
        if let text { writer.string(text) } else { writer.null() }
        writer.raw("}")
      }
    }
    writer.raw(cluster.requests.isEmpty ? "]" : "\n    ]")
  }

  private static func writeCommands(
    _ timeline: Timeline, _ ranges: [ClosedRange<Int>?], _ writer: inout JSONByteWriter
  ) {
    writer.raw("  \"commands\": [")
    for (index, entry) in timeline.entries.enumerated() {
      writer.raw(index == 0 ? "\n    {\"number\": " : ",\n    {\"number\": ")
      writer.integer(index + 1)
      writer.raw(", \"text\": ")
      writer.string(entry.text)
      writer.raw(", \"time\": ")
      if let range = ranges[index] {
        writer.raw("{\"first\": ")
        writer.integer(range.lowerBound)
        writer.raw(", \"last\": ")
        writer.integer(range.upperBound)
        writer.raw("}}")
      } else {
        writer.raw("null}")
      }
      writer.endEntry()
    }
    writer.raw(timeline.entries.isEmpty ? "],\n" : "\n  ],\n")
  }

  static func optionalInteger(_ value: Int?, _ writer: inout JSONByteWriter) {
    if let value { writer.integer(value) } else { writer.null() }
  }
}
