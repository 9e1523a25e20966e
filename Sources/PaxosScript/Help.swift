/// `help` and `help COMMAND`, from the vocabulary table.
enum Help {
  static func text(_ topic: String?) throws(ScriptError) -> [String] {
    guard let topic else {
      let width = (Vocabulary.commands.map(\.name.count).max() ?? 0) + 2
      return ["commands ('help COMMAND' shows its forms and an example):"]
        + Vocabulary.commands.map {
          "  " + $0.name.padded(to: width) + $0.summary
        }
    }
    guard let spec = Vocabulary.spec(named: topic) else {
      let suggestions = Vocabulary.suggestions(for: topic)
      throw ScriptError(
        "no command '\(Words.shorten(topic))'"
          + (suggestions.isEmpty ? "" : "; did you mean '\(suggestions[0])'?"),
        hint: "'help' lists the commands")
    }
    return [spec.summary] + spec.forms.map { "  " + $0 } + ["example: " + spec.example]
      + (spec.aliases.isEmpty ? [] : ["also written: " + spec.aliases.joined(separator: ", ")])
  }
}
