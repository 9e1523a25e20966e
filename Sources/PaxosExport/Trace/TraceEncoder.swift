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
    let cluster = interpreter.cluster
    let timeline = interpreter.timeline
    let commandBytes = timeline.entries.reduce(0) { $0 + $1.text.utf8.count + 64 }
    var writer = JSONByteWriter(
      capacity: 1024 + commandBytes + cluster.nodes.count * 64
        + cluster.trace.entries.count * bytesPerEvent)
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
    return writer.bytes
  }

  private static func writeCluster(
    _ cluster: Cluster, seed: UInt64?, _ writer: inout JSONByteWriter
  ) {
    writer.raw("  \"cluster\": {\n    \"nodes\": [")
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
    writer.raw("\n  },\n")
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
    }
    writer.raw(timeline.entries.isEmpty ? "],\n" : "\n  ],\n")
  }

  static func optionalInteger(_ value: Int?, _ writer: inout JSONByteWriter) {
    if let value { writer.integer(value) } else { writer.null() }
  }
}
