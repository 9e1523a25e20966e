import PaxosCore

/// A client's command to the key-value store a log cluster runs.
public struct ClientCommand: Hashable, Sendable {
  public enum Operation: String, CaseIterable, Hashable, Sendable {
    case put, append, get
  }

  public var operation: Operation
  public var key: String
  /// The text to put or append; nil for `get`.
  public var argument: String?

  public init(_ operation: Operation, key: String, argument: String? = nil) {
    self.operation = operation
    self.key = key
    self.argument = argument
  }

  /// As scripts write it: `put x 1`, `append x "two words"`, `get x`.
  public var text: String {
    let head = operation.rawValue + " " + ValueTable.literal(key)
    return argument.map { head + " " + ValueTable.literal($0) } ?? head
  }
}

/// A request a client handed to the cluster: `r1`, `r2`, ... in the order of `request` lines.
public struct ClientRequest: Hashable, Sendable {
  public var command: ClientCommand
  /// What the first learner that applied it computed: `ok`, or the value read (nil: none);
  /// nil while no learner has applied it.
  public internal(set) var reply: Reply?

  public enum Reply: Hashable, Sendable {
    case ok
    case value(String?)
  }
}

extension ClientRequest.Reply: CustomStringConvertible {
  public var description: String {
    switch self {
    case .ok: "ok"
    case .value(let text): text.map(ValueTable.literal) ?? "none"
    }
  }
}

extension ValueID {
  /// In a log cluster a value is a request: `r1` is value 0.
  public var requestName: String { "r\(UInt64(raw) + 1)" }
}
