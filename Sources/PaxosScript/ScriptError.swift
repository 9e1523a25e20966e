/// A line the interpreter could not carry out. Nothing changed.
public struct ScriptError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  /// How to write it right, when there is more to say than the message.
  public let hint: String?

  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  public var description: String { hint.map { "\(message)\n  hint: \($0)" } ?? message }
}
