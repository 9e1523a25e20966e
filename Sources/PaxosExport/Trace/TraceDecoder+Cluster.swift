import PaxosCore
import PaxosSim

extension TraceDecoder {
  static let roleNames = Roles.all.map(\.name)

  static func cluster(_ reader: inout JSONReader, _ clock: ClockFields) throws(TraceError)
    -> TraceDocument.ClusterPart
  {
    var part = TraceDocument.ClusterPart(
      nodes: [], backoff: "", backoffTicks: nil, timeout: 0, bugs: [], seed: nil)
    var seen: Set<String> = []
    try reader.object("the cluster object") { (reader, key) throws(TraceError) in
      seen.insert(key)
      switch key {
      case "nodes": part.nodes = try nodes(&reader)
      case "settings": try settings(&reader, clock, into: &part)
      case "seed": part.seed = reader.null() ? nil : try reader.unsigned()
      default: throw reader.fail("unknown field '\(key)'; the cluster has nodes, settings and seed")
      }
    }
    try requireFields(["nodes", "settings", "seed"], in: seen, of: "the cluster")
    return part
  }

  private static func nodes(_ reader: inout JSONReader) throws(TraceError) -> [TraceDocument.Node] {
    var nodes: [TraceDocument.Node] = []
    try reader.array("an array of nodes") { (reader, _) throws(TraceError) in
      var node = TraceDocument.Node(name: "", roles: [])
      var seen: Set<String> = []
      try reader.object("a node object") { (reader, key) throws(TraceError) in
        seen.insert(key)
        switch key {
        case "name": node.name = try EventDecoder.name(&reader)
        case "roles":
          try reader.array("an array of roles") { (reader, _) throws(TraceError) in
            node.roles.append(try EventDecoder.choice(roleNames, "role", &reader))
          }
        default: throw reader.fail("unknown field '\(key)'; a node has name and roles")
        }
      }
      try requireFields(["name", "roles"], in: seen, of: "a node")
      nodes.append(node)
    }
    return nodes
  }

  private static func settings(
    _ reader: inout JSONReader, _ clock: ClockFields, into part: inout TraceDocument.ClusterPart
  )
    throws(TraceError)
  {
    var seen: Set<String> = []
    try reader.object("the settings object") { (reader, key) throws(TraceError) in
      seen.insert(key)
      switch key {
      case "backoff":
        var backoffSeen: Set<String> = []
        try reader.object("a backoff object") { (reader, key) throws(TraceError) in
          backoffSeen.insert(key)
          switch key {
          case "kind":
            part.backoff = try EventDecoder.choice(["none", "fixed", "random"], "backoff", &reader)
          case clock.backoff:
            part.backoffTicks = reader.null() ? nil : try reader.integer(0...Int.max)
          default:
            throw reader.fail("unknown field '\(key)'; a backoff has kind and \(clock.backoff)")
          }
        }
        try requireFields(["kind", clock.backoff], in: backoffSeen, of: "the backoff")
      case "timeout": part.timeout = try reader.integer(0...Int.max)
      case "bugs":
        try reader.array("an array of bug names") { (reader, _) throws(TraceError) in
          part.bugs.append(try EventDecoder.choice(Bug.allCases.map(\.rawValue), "bug", &reader))
        }
      default: throw reader.fail("unknown field '\(key)'; settings are backoff, timeout and bugs")
      }
    }
    try requireFields(["backoff", "timeout", "bugs"], in: seen, of: "the settings")
  }
}
