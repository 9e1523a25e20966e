/// Parses the teaching lines whose rest is prose (`say`, `reveal`, `title`, `summary`): the
/// text is kept as written, so a teacher never quotes or escapes anything.
enum ProseLine {
  /// Nil when the line does not start with a prose word.
  static func parse(_ line: String) throws(ScriptError) -> Command? {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    // The word ends where the lexer would end it, so `say#` cannot become a comment.
    let word = trimmed.prefix { !" \t\r#\"|".contains($0) }
    guard TeachingVocabulary.proseWords.contains(String(word)),
      let command = Vocabulary.command(named: String(word))
    else { return nil }
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
