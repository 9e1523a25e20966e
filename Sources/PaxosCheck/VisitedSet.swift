/// The fingerprints of the states visited, each with its parent's: an open-addressing table of
/// 16 bytes a slot, which is all a state costs once it has left the queue. The path to a state
/// is rebuilt by following parents back to the start.
struct VisitedSet {
  private var fingerprints: [UInt64]
  private var parents: [UInt64]
  private(set) var count = 0

  /// Marks the start state's parent: no fingerprint is zero (`Fingerprint` avoids it).
  static let noParent: UInt64 = 0

  init() {
    fingerprints = Array(repeating: 0, count: 1 << 12)
    parents = fingerprints
  }

  /// Adds `fingerprint`; false when it was already there.
  mutating func insert(_ fingerprint: UInt64, parent: UInt64) -> Bool {
    if 4 * (count + 1) > 3 * fingerprints.count { grow() }
    var slot = position(of: fingerprint)
    let mask = fingerprints.count - 1
    while fingerprints[slot] != 0 {
      if fingerprints[slot] == fingerprint { return false }
      slot = (slot + 1) & mask
    }
    fingerprints[slot] = fingerprint
    parents[slot] = parent
    count += 1
    return true
  }

  func contains(_ fingerprint: UInt64) -> Bool { parent(of: fingerprint) != nil }

  func parent(of fingerprint: UInt64) -> UInt64? {
    var slot = position(of: fingerprint)
    let mask = fingerprints.count - 1
    while fingerprints[slot] != 0 {
      if fingerprints[slot] == fingerprint { return parents[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }

  private func position(of fingerprint: UInt64) -> Int {
    Int(truncatingIfNeeded: fingerprint >> 20) & (fingerprints.count - 1)
  }

  private mutating func grow() {
    let old = (fingerprints, parents)
    fingerprints = Array(repeating: 0, count: 2 * old.0.count)
    parents = fingerprints
    count = 0
    for (fingerprint, parent) in zip(old.0, old.1) where fingerprint != 0 {
      _ = insert(fingerprint, parent: parent)
    }
  }
}
