import PaxosCore
import PaxosSim

/// The REPL's prompt says where you are: `paxlab [3a 2p 1l | 4 in flight | chosen: red]> `,
/// or `chosen: red, blue | VIOLATION` once two values were chosen; in a log cluster
/// `log: 3 slots chosen`.
enum Prompt {
  static func text(_ cluster: Cluster, session: String, palette: Palette) -> String {
    let name = palette.paint("paxlab", .bold) + (session == "default" ? "" : ":" + session)
    return name + " [" + summary(cluster, palette).joined(separator: " | ") + "]> "
  }

  /// The parts between the brackets, each present only when it says something.
  static func summary(_ cluster: Cluster, _ palette: Palette) -> [String] {
    guard !cluster.isEmpty else { return ["no cluster"] }
    let counts = [(Roles.acceptor, "a"), (.proposer, "p"), (.learner, "l")].map { role, letter in
      palette.paint(
        "\(cluster.nodes(with: role).count)\(letter)", TranscriptColours.style(of: role))
    }
    var parts = [counts.joined(separator: " ")]
    let down = cluster.nodes.filter { !$0.isUp }.map(\.id.name)
    if !down.isEmpty {
      let shown =
        down.prefix(3).joined(separator: " ") + (down.count > 3 ? " +\(down.count - 3)" : "")
      parts.append(palette.paint("down: " + shown, .red))
    }
    if cluster.isPartitioned { parts.append(palette.paint("partitioned", .red)) }
    parts.append("\(cluster.inFlight.count) in flight")
    if cluster.config.isLog {
      let count = cluster.choices.chosenSlotCount
      parts.append(palette.paint("log: \(count) slot\(count == 1 ? "" : "s") chosen", .green))
      if !cluster.violations.isEmpty { parts.append(palette.paint("VIOLATION", .boldRed)) }
      return parts
    }
    // After an agreement violation every value chosen shows, not only the first.
    let chosen = cluster.choices.distinctChoices.map { cluster.values.display($0.value) }
    if !chosen.isEmpty {
      parts.append(
        palette.paint("chosen: " + chosen.joined(separator: ", "), chosen.count > 1 ? .red : .green)
      )
    }
    if !cluster.violations.isEmpty { parts.append(palette.paint("VIOLATION", .boldRed)) }
    return parts
  }
}
