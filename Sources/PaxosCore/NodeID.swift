/// A node's name, packed big-endian into eight bytes.
///
/// Packing keeps messages plain values (no heap, no reference counting) and makes comparing two
/// IDs compare the names byte by byte, which is how ballots break ties: `5.p2 > 5.p1`.
public struct NodeID: Hashable, Comparable, Sendable {
  public let raw: UInt64

  /// The absent node, as in the zero ballot. It sorts before every real name.
  public static let none = NodeID(raw: 0)
  public static let maxNameLength = 8

  init(raw: UInt64) { self.raw = raw }

  /// A name of 1 to 8 ASCII letters, digits, `_` or `-`, starting with a letter; nil otherwise.
  public init?(_ name: String) {
    var packed: UInt64 = 0
    var count = 0
    for byte in name.utf8 {
      guard count < Self.maxNameLength, Self.isNameByte(byte, first: count == 0) else { return nil }
      packed = packed << 8 | UInt64(byte)
      count += 1
    }
    guard count > 0 else { return nil }
    raw = packed << (8 * UInt64(Self.maxNameLength - count))
  }

  /// The name `prefix` followed by `number` in decimal, e.g. `a3`; nil if it is too long.
  public init?(prefix: Unicode.Scalar, number: Int) {
    guard prefix.isASCII, Self.isNameByte(UInt8(prefix.value), first: true), number >= 0 else {
      return nil
    }
    var packed = UInt64(prefix.value)
    var count = 1
    var divisor = 1
    while divisor <= number / 10 { divisor *= 10 }
    repeat {
      guard count < Self.maxNameLength else { return nil }
      packed = packed << 8 | UInt64(UInt8(ascii: "0") + UInt8(number / divisor % 10))
      count += 1
      divisor /= 10
    } while divisor > 0
    raw = packed << (8 * UInt64(Self.maxNameLength - count))
  }

  static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): !first
    default: false
    }
  }

  public var name: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Self.maxNameLength)
    var rest = raw
    while rest != 0 {
      bytes.append(UInt8(truncatingIfNeeded: rest >> 56))
      rest <<= 8
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.raw < rhs.raw }
}

extension NodeID: CustomStringConvertible {
  public var description: String { name }
}
