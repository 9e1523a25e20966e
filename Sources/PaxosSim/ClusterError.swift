/// A request the cluster refused; the cluster is unchanged. The message says what was wrong and
/// how to do it right.
public struct ClusterError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
