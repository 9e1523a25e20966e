/// A lesson: a script in the command language with teaching lines, read from `lessons/`.
public struct Lesson: Sendable {
  /// The file name without `.paxos`, e.g. `lesson-01-first-consensus`.
  public let name: String
  public let lines: [String]
  public let title: String
  public let summary: String

  public init(name: String, lines: [String]) {
    self.name = name
    self.lines = lines
    var title: String?
    var summary: String?
    for line in lines {
      switch try? Parser.parse(line) {
      case .teach(.title(let text))?: title = title ?? text
      case .teach(.summary(let text))?: summary = summary ?? text
      default: continue
      }
    }
    self.title = title ?? name
    self.summary = summary ?? ""
  }

  /// The short name a student may type: the file name without `lesson-` and its number, so
  /// `first-consensus` finds `lesson-01-first-consensus`.
  public var shortName: String { Self.shortName(of: name) }

  /// The short name of the lesson in the file `name.paxos`, read from the file name alone.
  public static func shortName(of name: String) -> String {
    let parts = name.split(separator: "-")
    let rest = parts.drop { $0 == "lesson" || $0.allSatisfy(\.isNumber) }
    return rest.isEmpty ? name : rest.joined(separator: "-")
  }
}
