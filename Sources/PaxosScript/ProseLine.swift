/// Parses the teaching lines whose rest is prose (`say`, `reveal`, `title`, `summary`): the
/// text is kept as written, so a teacher never quotes or escapes anything.
enum ProseLine {
  /// Nil when the line does not start with a prose word.
  static func parse(_ line: String) throws(ScriptError) -> Command? {
    // Every line comes through here: find the first word on UTF-8 bytes, and build strings
    // only for the few lines that are prose.
    let bytes = line.utf8
    guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
      // Every prose word starts with s, r or t: most lines stop here.
      [UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "t")].contains(bytes[start])
    else { return nil }
    // The word ends where the lexer would end it, so `say#` cannot become a comment.
    let end =
      bytes[start...].firstIndex { byte in
        switch byte {
        case 0x20, 0x09, 0x0D, UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "|"): true
        default: false
        }
      } ?? bytes.endIndex
    guard bytes.distance(from: start, to: end) <= TeachingVocabulary.longestProseWord,
      TeachingVocabulary.proseWords.contains(String(line[start..<end])),
      let command = Vocabulary.command(named: String(line[start..<end]))
    else { return nil }
    let trimmed = line[start...]
    let word = line[start..<end]
    let rest = trimmed.dropFirst(word.count)
    // One blank separates the word from the text; more are indentation the teacher meant.
    let body = rest.first == " " || rest.first == "\t" ? rest.dropFirst() : rest
    let text = String(body.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    if let control = text.unicodeScalars.first(where: {
      $0.properties.generalCategory == .control && $0 != "\t"
    }) {
      throw ScriptError(
        "unexpected control character U+\(String(control.value, radix: 16, uppercase: true)) in the text",
        hint: "narration is plain text")
    }
    if text.isEmpty && command != .say {
      throw ScriptError(
        "'\(word)' needs its text after it",
        hint: Vocabulary.usage(Vocabulary.spec(command)).map { "write " + $0 })
    }
    return .teach(Teaching.prose(command, text))
  }
}
