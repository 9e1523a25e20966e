/// The lines only lessons need. They are ordinary commands of the one language, so a lesson
/// runs with `paxlab run` as a test, and `help lessons` documents them.
enum TeachingVocabulary {
  static let commands: [CommandSpec] = [
    CommandSpec(
      .title, .lessons, forms: ["title TEXT"],
      summary: "a lesson's title: the rest of the line, as is",
      example: "title First consensus"),
    CommandSpec(
      .summary, .lessons, forms: ["summary TEXT"],
      summary: "a lesson's one-line summary, shown in the list of lessons",
      example: "summary One proposer gets one value chosen"),
    CommandSpec(
      .say, .lessons, forms: ["say TEXT"],
      summary: "narration: the rest of the line is shown as is, no quotes needed",
      example: "say Nothing moves until you deliver it."),
    CommandSpec(
      .pause, .lessons, forms: ["pause"],
      summary:
        "in a lesson, wait for Enter (commands typed there are undone); in a script, nothing",
      example: "pause"),
    CommandSpec(
      .ask, .lessons, forms: ["ask \"QUESTION\" answer WORD [or WORD...]"],
      summary: "a question the student answers; a later 'reveal' must name the first answer",
      example: "ask \"Is red chosen yet?\" answer no"),
    CommandSpec(
      .reveal, .lessons, forms: ["reveal TEXT"],
      summary: "the explanation of the last question, shown after the student answered",
      example: "reveal No: one acceptance is not a majority."),
  ]

  /// The words whose line is prose after them.
  static let proseWords: Set<String> = ["title", "summary", "say", "reveal"]
  static let longestProseWord = proseWords.map(\.utf8.count).max() ?? 0
}
