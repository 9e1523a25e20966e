public struct Roles: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let proposer = Roles(rawValue: 1)
  public static let acceptor = Roles(rawValue: 2)
  public static let learner = Roles(rawValue: 4)

  /// In the order participants are listed: proposers, acceptors, learners.
  public static let all: [(name: String, role: Roles)] = [
    ("proposer", .proposer), ("acceptor", .acceptor), ("learner", .learner),
  ]

  public var names: [String] { Self.all.filter { contains($0.role) }.map(\.name) }
}
