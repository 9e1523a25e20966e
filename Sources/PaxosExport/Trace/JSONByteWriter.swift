import PaxosCore

/// JSON written straight into one growing byte buffer: no intermediate strings, so that a
/// trace of a million events is written in the time it takes to copy its bytes.
struct JSONByteWriter {
  private(set) var bytes: [UInt8] = []
  /// A writer that only measures lets go of what it wrote now and then, keeping its count.
  private var measuresOnly: Bool
  /// Past this many bytes a writer stops keeping them and only counts: a trace too large to
  /// be loaded is measured, never held whole.
  private let keepsAtMost: Int
  private var forgotten = 0
  /// What a measuring writer checks its bytes against as it lets go of them, and whether they
  /// differed somewhere.
  private let expected: [UInt8]?
  private var differs = false

  init(capacity: Int, keepingAtMost limit: Int = .max) {
    measuresOnly = false
    keepsAtMost = limit
    expected = nil
    bytes.reserveCapacity(min(capacity, limit))
  }

  /// A writer that counts the bytes it is given, and compares them with `expected` if given,
  /// but keeps at most about 64 KiB of them.
  static func measuring(against expected: [UInt8]? = nil) -> JSONByteWriter {
    JSONByteWriter(measuringAgainst: expected)
  }

  private init(measuringAgainst expected: [UInt8]?) {
    measuresOnly = true
    keepsAtMost = 0
    self.expected = expected
    bytes.reserveCapacity(Self.measuringBuffer * 2)
  }

  private static let measuringBuffer = 1 << 16

  /// Every byte written so far, kept or not.
  var count: Int { forgotten + bytes.count }

  /// Called between the entries of a long array: where a measuring writer forgets.
  mutating func endEntry() {
    if !measuresOnly && bytes.count > keepsAtMost {
      measuresOnly = true
      forgotten = bytes.count
      bytes = []
      bytes.reserveCapacity(Self.measuringBuffer * 2)
      return
    }
    guard measuresOnly, bytes.count >= Self.measuringBuffer else { return }
    forget()
  }

  /// For a writer measuring against expected bytes, at the end: whether it was given exactly
  /// those.
  mutating func matchesExpected() -> Bool {
    forget()
    return !differs && forgotten == expected?.count
  }

  private mutating func forget() {
    if let expected, !differs {
      let end = forgotten + bytes.count
      differs =
        end > expected.count
        || !bytes.withUnsafeBytes { written in
          expected.withUnsafeBytes { whole in
            written.elementsEqual(UnsafeRawBufferPointer(rebasing: whole[forgotten..<end]))
          }
        }
    }
    forgotten += bytes.count
    bytes.removeAll(keepingCapacity: true)
  }

  /// Literal JSON text: keys, punctuation, fixed words.
  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func byte(_ byte: UInt8) { bytes.append(byte) }

  mutating func integer(_ value: Int) {
    if value < 0 {
      byte(UInt8(ascii: "-"))
      unsigned(value.magnitude)
    } else {
      unsigned(UInt(value))
    }
  }

  /// Decimal digits, most significant first, without building a string.
  mutating func unsigned<T: UnsignedInteger & FixedWidthInteger>(_ value: T) {
    bytes.appendDecimal(UInt64(value))
  }

  mutating func null() { raw("null") }

  /// A string with JSON's escapes; other characters, non-ASCII included, are written as they
  /// are: the output is UTF-8 because Swift strings are.
  mutating func string(_ text: String) {
    byte(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { escaped($0) }
    byte(UInt8(ascii: "\""))
  }

  /// The body of a string, without the quotes: for values written many times, kept escaped.
  mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    for byte in utf8 {
      if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
        bytes.append(byte)
        continue
      }
      bytes.append(UInt8(ascii: "\\"))
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
      case 0x0A: bytes.append(UInt8(ascii: "n"))
      case 0x0D: bytes.append(UInt8(ascii: "r"))
      case 0x09: bytes.append(UInt8(ascii: "t"))
      case 0x08: bytes.append(UInt8(ascii: "b"))
      case 0x0C: bytes.append(UInt8(ascii: "f"))
      default:
        raw("u00")
        bytes.append(Self.hexDigit(byte >> 4))
        bytes.append(Self.hexDigit(byte & 0xF))
      }
    }
  }

  mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  /// A node's name, in quotes, from its packed bytes.
  mutating func name(_ id: NodeID) {
    byte(UInt8(ascii: "\""))
    nameBody(id)
    byte(UInt8(ascii: "\""))
  }

  /// Names are letters, digits, `_` and `-`: nothing to escape.
  private mutating func nameBody(_ id: NodeID) {
    var rest = id.raw
    while rest != 0 {
      bytes.append(UInt8(truncatingIfNeeded: rest >> 56))
      rest <<= 8
    }
  }

  /// A ballot as `"5.p1"`, or null for the zero ballot (nothing promised or accepted).
  mutating func ballot(_ ballot: Ballot) {
    guard !ballot.isZero else { return null() }
    byte(UInt8(ascii: "\""))
    integer(ballot.round)
    byte(UInt8(ascii: "."))
    nameBody(ballot.proposer)
    byte(UInt8(ascii: "\""))
  }

  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
  }
}
