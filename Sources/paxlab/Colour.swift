import Glibc

/// The few ANSI styles the REPL uses.
enum Style: String {
  case bold = "1"
  case red = "31"
  case green = "32"
  case yellow = "33"
  case blue = "34"
  case magenta = "35"
  case cyan = "36"
  case boldRed = "1;31"
  case boldGreen = "1;32"
}

/// Paints text with ANSI escape sequences, or leaves it alone when colour is off.
struct Palette: Sendable {
  let isEnabled: Bool
  /// Readline counts a prompt's width by its bytes unless the escapes are marked off with
  /// \001 and \002; only prompts need that.
  var marksInvisible = false

  static let off = Palette(isEnabled: false)

  /// Colour when stdout is a terminal that shows it, unless NO_COLOR is set (to anything).
  static func forStandardOutput() -> Palette {
    let wanted =
      getenv("NO_COLOR") == nil && isatty(STDOUT_FILENO) == 1
      && getenv("TERM").map { String(cString: $0) != "dumb" } ?? true
    return Palette(isEnabled: wanted)
  }

  var forPrompt: Palette { Palette(isEnabled: isEnabled, marksInvisible: true) }

  func paint(_ text: some StringProtocol, _ style: Style) -> String {
    guard isEnabled, !text.isEmpty else { return String(text) }
    return escape("\u{1B}[\(style.rawValue)m") + text + escape("\u{1B}[0m")
  }

  private func escape(_ code: String) -> String {
    marksInvisible ? "\u{01}" + code + "\u{02}" : code
  }
}
