/// A request the cluster refused; the cluster is unchanged. The message says what was wrong and
/// how to do it right.
public struct ClusterError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  /// What to do instead, when the message does not already say it.
  public let hint: String?

  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  public var description: String { message }
}
