/// A lesson's teaching line. None of them touches the cluster: a lesson run as a script
/// behaves exactly like the same script without them.
public enum Teaching: Hashable, Sendable {
  case title(String)
  case summary(String)
  /// Narration; an empty text is an empty line between paragraphs.
  case say(String)
  /// In a lesson, wait for Enter; in a script, nothing.
  case pause
  case ask(Question)
  case reveal(String)

  public var word: CommandWord {
    switch self {
    case .title: .title
    case .summary: .summary
    case .say: .say
    case .pause: .pause
    case .ask: .ask
    case .reveal: .reveal
    }
  }

  /// The teaching line that a prose word (`title`, `summary`, `say`, `reveal`) makes of `text`.
  static func prose(_ word: CommandWord, _ text: String) -> Teaching {
    switch word {
    case .title: .title(text)
    case .summary: .summary(text)
    case .reveal: .reveal(text)
    default: .say(text)
    }
  }
}

/// A predict-then-reveal question: the student answers before the lesson shows what happens.
public struct Question: Hashable, Sendable {
  public let text: String
  /// The accepted answers; the first is the one a `reveal` must name.
  public let answers: [String]

  public init(text: String, answers: [String]) {
    self.text = text
    self.answers = answers
  }

  public var answer: String { answers.first ?? "" }

  /// Whether the student's reply is one of the answers, ignoring case, blanks and a final
  /// full stop: "Red." and " red" both mean red.
  public func accepts(_ reply: String) -> Bool {
    let words = Self.words(reply)
    return !words.isEmpty && answers.contains { Self.words($0) == words }
  }

  /// Whether a reveal's text names the answer, as whole words: "no" is named by "No: ..." but
  /// not by "nothing".
  public func isNamed(by text: String) -> Bool {
    let wanted = Self.words(answer)
    let said = Self.words(text)
    guard !wanted.isEmpty, said.count >= wanted.count else { return false }
    return (0...(said.count - wanted.count)).contains { start in
      Array(said[start..<start + wanted.count]) == wanted
    }
  }

  /// Lowercased letters and digits, split at everything else.
  static func words(_ text: String) -> [String] {
    text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
  }
}
