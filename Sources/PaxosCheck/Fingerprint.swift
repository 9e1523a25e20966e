/// A state's 64-bit fingerprint, from a hash that is the same in every process and on every
/// machine (Swift's own `Hasher` is seeded afresh in each process): the same check visits the
/// same states in the same order everywhere.
enum Fingerprint {
  static func of(_ words: some Sequence<UInt32>) -> UInt64 {
    var hash: UInt64 = 0x243F_6A88_85A3_08D3
    for word in words {
      hash = (hash ^ UInt64(word)) &* 0x9E37_79B9_7F4A_7C15
      hash ^= hash >> 29
    }
    // SplitMix64's finalizer spreads every input bit over every output bit.
    hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
    hash ^= hash >> 31
    return hash == VisitedSet.noParent ? 1 : hash
  }
}
