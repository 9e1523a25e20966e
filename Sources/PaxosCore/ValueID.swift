/// A proposed value, by its index in the simulator's table of values.
///
/// The protocol only ever compares and forwards values, so an opaque index is all it needs.
public struct ValueID: Hashable, Comparable, Sendable {
  public let raw: UInt32

  public init(raw: UInt32) { self.raw = raw }

  public static func < (lhs: ValueID, rhs: ValueID) -> Bool { lhs.raw < rhs.raw }
}

extension ValueID {
  /// The command that does nothing: what a new leader proposes for a slot no promise reports,
  /// to fill the gap. Never an index into the table of values.
  public static let noop = ValueID(raw: UInt32.max - 1)

  public var isNoop: Bool { self == .noop }
}
