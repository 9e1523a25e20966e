/// A set of acceptors, by their position in `Configuration.acceptors`: one bit each.
public struct AcceptorSet: Hashable, Sendable {
  public private(set) var bits: UInt64 = 0

  public init() {}

  public var count: Int { bits.nonzeroBitCount }

  public func contains(_ index: Int) -> Bool { bits & (1 << UInt64(index)) != 0 }

  public mutating func insert(_ index: Int) { bits |= 1 << UInt64(index) }

  /// Positions in ascending order.
  public var indices: [Int] { (0..<64).filter(contains) }
}
