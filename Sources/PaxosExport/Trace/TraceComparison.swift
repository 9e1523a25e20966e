/// Finds the first thing a trace says that its own commands, replayed, do not.
enum TraceComparison {
  static let hint =
    "a trace is a record of what its commands did and cannot be edited by hand;"
    + " change the commands (as a script) and export again"

  static func requireSame(_ file: TraceDocument, replayed: TraceDocument) throws(TraceError) {
    func differ(_ path: String, _ inFile: String, _ inReplay: String) -> TraceError {
      TraceError(
        "the trace does not match a replay of its commands: the file says \(inFile),"
          + " the replay gives \(inReplay)", path: path, hint: hint)
    }
    if file.totals != replayed.totals {
      throw differ("$.run", "\(file.totals)", "\(replayed.totals)")
    }
    if file.cluster.nodes != replayed.cluster.nodes {
      throw differ("$.cluster.nodes", names(file.cluster.nodes), names(replayed.cluster.nodes))
    }
    if file.cluster.log != replayed.cluster.log {
      throw differ("$.cluster.mode", mode(file.cluster), mode(replayed.cluster))
    }
    for (index, (mine, theirs)) in zip(file.cluster.requests, replayed.cluster.requests)
      .enumerated() where mine != theirs
    {
      throw differ("$.cluster.requests[\(index)]", "\(mine)", "\(theirs)")
    }
    if file.cluster.requests.count != replayed.cluster.requests.count {
      throw differ(
        "$.cluster.requests", "\(file.cluster.requests.count) requests",
        "\(replayed.cluster.requests.count)")
    }
    if file.cluster != replayed.cluster {
      throw differ("$.cluster", "\(file.cluster)", "\(replayed.cluster)")
    }
    for (index, (mine, theirs)) in zip(file.commands, replayed.commands).enumerated()
    where mine != theirs {
      throw differ("$.commands[\(index)]", "'\(mine.text)'", "'\(theirs.text)'")
    }
    for (index, (mine, theirs)) in zip(file.events, replayed.events).enumerated()
    where mine != theirs {
      throw differ("$.events[\(index)]", mine.description, theirs.description)
    }
    if file.events.count != replayed.events.count {
      let shorter = min(file.events.count, replayed.events.count)
      throw differ(
        "$.events[\(shorter)]", "\(file.events.count) events", "\(replayed.events.count)")
    }
  }

  private static func mode(_ cluster: TraceDocument.ClusterPart) -> String {
    cluster.log ? "a log cluster" : "a single-decree cluster"
  }

  private static func names(_ nodes: [TraceDocument.Node]) -> String {
    nodes.map { "\($0.name) (\($0.roles.joined(separator: "+")))" }.joined(separator: " ")
  }
}
