import PaxosCore
import PaxosSim

/// Colours the canonical transcript lines by what they are about: nodes by role, messages by
/// kind, choices green, violations and errors red. The text stays the same, letter for letter.
struct TranscriptColours {
  let palette: Palette
  /// The cluster's node names and their roles, to know a name when the text mentions one.
  private let roles: [String: Roles]

  init(palette: Palette, cluster: Cluster) {
    self.palette = palette
    roles =
      palette.isEnabled
      ? Dictionary(cluster.nodes.map { ($0.id.name, $0.roles) }, uniquingKeysWith: { a, _ in a })
      : [:]
  }

  static func style(of roles: Roles) -> Style {
    roles.contains(.proposer) ? .blue : roles.contains(.acceptor) ? .yellow : .magenta
  }

  func line(_ text: String) -> String {
    guard palette.isEnabled else { return text }
    let body = text.drop { $0 == " " }
    let indent = String(text.prefix(text.count - body.count))
    for (label, style) in Self.labels where body.hasPrefix(label) {
      // A choice or a violation is the news of the line: all of it stands out.
      if label == "CHOSEN" || label == "VIOLATION" { return indent + palette.paint(body, style) }
      return indent + palette.paint(label, style) + words(body.dropFirst(label.count))
    }
    return indent + words(body)
  }

  /// Line openings that say what kind of line it is.
  private static let labels: [(String, Style)] = [
    ("CHOSEN", .boldGreen), ("VIOLATION", .boldRed), ("error:", .boldRed),
    ("expectation failed", .boldRed), ("hint:", .cyan), ("ok:", .green), ("warning:", .yellow),
    ("drop ", .red), ("lost ", .red), ("crash ", .red), ("recover ", .green),
  ]

  // MARK: Words

  /// Paints node names, message numbers and the kind of a message (`p1 -> a1 prepare`).
  private func words(_ text: Substring) -> String {
    var output = ""
    var word = ""
    // 0: nothing; 1: just read `->`; 2: read the receiver, so the next word is the kind.
    var arrow = 0
    func flush() {
      guard !word.isEmpty else { return }
      output += paint(word, afterReceiver: arrow == 2)
      arrow = arrow == 1 ? 2 : 0
      word = ""
    }
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "-", index + 1 < scalars.count, scalars[index + 1] == ">" {
        flush()
        output += "->"
        arrow = 1
        index += 2
        continue
      }
      if Self.isNameScalar(scalar) || scalar == "#" && word.isEmpty {
        word.unicodeScalars.append(scalar)
      } else {
        flush()
        output.unicodeScalars.append(scalar)
      }
      index += 1
    }
    flush()
    return output
  }

  private func paint(_ word: String, afterReceiver: Bool) -> String {
    if let roles = roles[word] { return palette.paint(word, Self.style(of: roles)) }
    if word.hasPrefix("#"), word.count > 1, word.dropFirst().allSatisfy(\.isNumber) {
      return palette.paint(word, .bold)
    }
    if afterReceiver, let style = Self.kinds[word] { return palette.paint(word, style) }
    return word
  }

  /// Phase 1 in cyan, phase 2 in green, refusals in red.
  private static let kinds: [String: Style] = [
    "prepare": .cyan, "promise": .cyan, "accept": .green, "accepted": .green, "nack": .red,
  ]

  private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", "_", "-": true
    default: false
    }
  }
}
