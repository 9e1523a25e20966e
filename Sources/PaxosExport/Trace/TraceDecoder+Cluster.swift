import PaxosCore
import PaxosSim

extension TraceDecoder {
  static let roleNames = Roles.all.map(\.name)

  static func cluster(_ reader: inout JSONReader, _ clock: ClockFields, version: Int)
    throws(TraceError) -> TraceDocument.ClusterPart
  {
    var part = TraceDocument.ClusterPart(
      nodes: [], backoff: "", backoffTicks: nil, timeout: 0, bugs: [], seed: nil)
    var seen: Set<String> = []
    try reader.object("the cluster object") { (reader, key) throws(TraceError) in
      seen.insert(key)
      switch key {
      case "mode":
        guard version >= TraceMode.firstVersion else {
          throw reader.fail(
            "a version \(version) trace has no mode: log clusters came in version"
              + " \(TraceMode.firstVersion)")
        }
        // Only a log cluster has a mode, so `log` is the only one to name.
        _ = try EventDecoder.choice([TraceMode.log], "mode", &reader)
        part.log = true
      case "nodes": part.nodes = try nodes(&reader)
      case "settings": try settings(&reader, clock, into: &part)
      case "seed": part.seed = reader.null() ? nil : try reader.unsigned()
      case "requests": part.requests = try requests(&reader)
      default:
        throw reader.fail(
          "unknown field '\(key)'; the cluster has mode, nodes, settings, seed and requests")
      }
    }
    try requireFields(["nodes", "settings", "seed"], in: seen, of: "the cluster")
    if part.log != seen.contains("requests") {
      throw TraceError(
        part.log
          ? "the log cluster has no 'requests' field"
          : "only a log cluster (\"mode\": \"log\") has requests; one without a mode decides one value"
      )
    }
    return part
  }

  private static func requests(_ reader: inout JSONReader) throws(TraceError)
    -> [TraceDocument.Request]
  {
    var requests: [TraceDocument.Request] = []
    try reader.array("an array of requests") { (reader, index) throws(TraceError) in
      var request = TraceDocument.Request(command: "", reply: "", read: nil)
      var seen: Set<String> = []
      try reader.object("a request object") { (reader, key) throws(TraceError) in
        seen.insert(key)
        switch key {
        case "id":
          let id = try reader.string()
          guard id == "r\(index + 1)" else {
            throw reader.fail("request '\(id.prefix(20))' where r\(index + 1) was expected")
          }
        case "command": request.command = try reader.string()
        case "reply":
          request.reply = try EventDecoder.choice(TraceRequestFields.replies, "reply", &reader)
        case "read": request.read = reader.null() ? nil : try reader.string()
        default:
          throw reader.fail(
            "unknown field '\(key)'; a request has "
              + TraceRequestFields.all.joined(separator: ", "))
        }
      }
      try requireFields(TraceRequestFields.all, in: seen, of: "a request")
      if request.read != nil && request.reply != "read" {
        throw TraceError("request r\(index + 1) reads a value, but its reply is not 'read'")
      }
      requests.append(request)
    }
    return requests
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
