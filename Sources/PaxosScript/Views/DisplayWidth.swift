/// How many terminal columns text takes, so that tables and diagrams line up with any value.
///
/// Kept simple, per user-perceived character: 2 columns when one of its scalars is East Asian
/// wide or an emoji shown as a picture, 0 when it is only combining marks or format characters,
/// 1 otherwise. Terminals disagree on the rest (ambiguous widths), so we do not try harder.
enum DisplayWidth {
  static func of(_ character: Character) -> Int {
    var width = 0
    for scalar in character.unicodeScalars { width = max(width, of(scalar)) }
    return width
  }

  static func of(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    return isWide(scalar) ? 2 : 1
  }

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.properties.isEmojiPresentation { return true }
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}

extension StringProtocol {
  var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1) } }
}

extension String {
  /// At most `width` columns: cut at a character boundary, ending in `…` when anything was cut.
  func truncated(toWidth width: Int) -> String {
    guard displayWidth > width else { return self }
    guard width > 0 else { return "" }
    var kept = ""
    var used = 0
    for character in self {
      let next = DisplayWidth.of(character)
      guard used + next <= width - 1 else { break }
      kept.append(character)
      used += next
    }
    return kept.trimmingTrailingSpaces + "…"
  }

  /// Left-aligned in `width` columns.
  func padded(toWidth width: Int) -> String {
    let missing = width - displayWidth
    return missing > 0 ? self + String(repeating: " ", count: missing) : self
  }

  /// Without spaces at the end: a view's lines never carry trailing blanks.
  var trimmingTrailingSpaces: String {
    var text = Substring(self)
    while text.last == " " { text.removeLast() }
    return String(text)
  }

  /// Tabs and carriage returns (the only control characters a value may hold) as visible
  /// symbols, so that they cannot break a table's columns.
  var withVisibleControls: String {
    guard contains(where: { $0 == "\t" || $0 == "\r" || $0 == "\r\n" }) else { return self }
    var shown = ""
    for scalar in unicodeScalars {
      switch scalar {
      case "\t": shown += "␉"
      case "\r": shown += "␍"
      default: shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }
}
