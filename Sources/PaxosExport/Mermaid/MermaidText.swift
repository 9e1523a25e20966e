/// Text that Mermaid shows exactly as written, whatever a user typed.
///
/// Mermaid reads `;` as the end of a statement, `#` as the start of an entity or comment, `%%`
/// as a comment, `:` as the start of a label, `<br>` as a line break and `<`/`&` as markup.
/// Every character outside a small safe set is therefore written as a Mermaid entity code
/// `#N;` (N in decimal), which Mermaid turns back into that character when it draws. Letters
/// and symbols beyond ASCII stay as they are, so that accents, scripts and emoji read well in
/// the source too, except for invisible ones (controls, format characters, separators) and the
/// four characters Mermaid itself uses to stand for entities while it parses (`ﬂ°¶ß`).
/// A tab or carriage return (the only control characters a value may hold) would be drawn as a
/// blank; they show as ␉ and ␍, as in the terminal views.
enum MermaidText {
  static func append(_ text: String, to buffer: inout TextBuffer) {
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        buffer.append("␉" as StaticString)
      } else if scalar == "\r" {
        buffer.append("␍" as StaticString)
      } else if isShownAsIs(scalar) {
        var utf8 = scalar.utf8.makeIterator()
        while let byte = utf8.next() { buffer.append(byte) }
      } else {
        buffer.append(UInt8(ascii: "#"))
        buffer.append(Int(scalar.value))
        buffer.append(UInt8(ascii: ";"))
      }
    }
  }

  static func isShownAsIs(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return safeASCII[Int(scalar.value)] }
    switch scalar {
    case "ﬂ", "°", "¶", "ß": return false
    default: break
    }
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate,
      .privateUse, .unassigned:
      return false
    default:
      return true
    }
  }

  /// Letters, digits, the space and punctuation that means nothing inside a Mermaid label.
  private static let safeASCII: [Bool] = (0..<128).map { code in
    let scalar = Unicode.Scalar(UInt8(code))
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", " ": return true
    default: return ".,_-()=/@+*!?[]{}|'".unicodeScalars.contains(scalar)
    }
  }
}
