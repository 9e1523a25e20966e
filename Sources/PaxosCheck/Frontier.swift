/// The states of one depth waiting to be expanded, laid end to end, each number in as few
/// bytes as it needs (seven bits a byte, the high bit saying more follow): the tables' numbers
/// are small, so a state takes about a byte a word instead of four.
struct Frontier: Sendable {
  private var bytes: [UInt8] = []
  private var ends: [UInt32] = []
  /// Each state's fingerprint, its parent's for the states it leads to.
  private var fingerprints: [UInt64] = []

  var count: Int { ends.count }
  var isEmpty: Bool { ends.isEmpty }

  /// Whether another state of `words` words still fits the 32-bit offsets.
  func hasRoom(for words: Int) -> Bool { bytes.count + 5 * words <= Int(UInt32.max) }

  /// Puts the words of state `index` into `words`.
  func state(_ index: Int, into words: inout [UInt32]) {
    words.removeAll(keepingCapacity: true)
    var position = index == 0 ? 0 : Int(ends[index - 1])
    let end = Int(ends[index])
    while position < end {
      var word: UInt32 = 0
      var shift: UInt32 = 0
      while true {
        let byte = bytes[position]
        position += 1
        word |= UInt32(byte & 0x7F) << shift
        if byte < 0x80 { break }
        shift += 7
      }
      words.append(word)
    }
  }

  func fingerprint(_ index: Int) -> UInt64 { fingerprints[index] }

  mutating func append(_ state: some Sequence<UInt32>, fingerprint: UInt64) {
    Self.encode(state, into: &bytes)
    ends.append(UInt32(bytes.count))
    fingerprints.append(fingerprint)
  }

  /// Appends a state a worker encoded already.
  mutating func append(encoded: some Collection<UInt8>, fingerprint: UInt64) {
    bytes.append(contentsOf: encoded)
    ends.append(UInt32(bytes.count))
    fingerprints.append(fingerprint)
  }

  static func encode(_ state: some Sequence<UInt32>, into bytes: inout [UInt8]) {
    for var word in state {
      while word >= 0x80 {
        bytes.append(UInt8(truncatingIfNeeded: word) | 0x80)
        word >>= 7
      }
      bytes.append(UInt8(word))
    }
  }
}
