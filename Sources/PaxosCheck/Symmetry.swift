import PaxosCore
import PaxosSim

/// Acceptors with the same roles on the same side of the partition are interchangeable: a
/// state and the state with their names swapped behave alike, up to the names. With symmetry
/// the checker fingerprints each state by the least fingerprint among its renamings, so it
/// visits one state of each such family. The queue keeps the states as they are; only their
/// fingerprints are shared, so every schedule it reports is a real one.
struct Symmetry {
  /// Each renaming but the identity, and where it moves each node slot.
  private let renamings: [(renaming: AcceptorRenaming, slots: [Int])]
  /// The number of each renamed node, message and record, by renaming, worked out once each;
  /// `.max` until then.
  private var nodes: [[UInt32]]
  private var messages: [[UInt32]]
  private var records: [[UInt32]]
  private var renamed: [UInt32] = []

  init(_ cluster: Cluster) {
    let acceptors = cluster.config.acceptors
    let slots = acceptors.compactMap { cluster.index(of: $0) }
    // Groups of interchangeable acceptor positions.
    var groups: [[Int]] = []
    for position in acceptors.indices {
      let node = cluster.nodes[slots[position]]
      if let group = groups.firstIndex(where: {
        let other = cluster.nodes[slots[$0[0]]]
        return other.roles == node.roles && other.side == node.side
      }) {
        groups[group].append(position)
      } else {
        groups.append([position])
      }
    }
    var orders: [[Int]] = [Array(acceptors.indices)]
    for group in groups where group.count > 1 {
      orders = orders.flatMap { order in
        Self.permutations(of: group).map { permuted in
          var order = order
          for (from, to) in zip(group, permuted) { order[from] = to }
          return order
        }
      }
    }
    renamings = orders.dropFirst().map { positions in
      var moved = Array(cluster.nodes.indices)
      for (position, slot) in slots.enumerated() { moved[slot] = slots[positions[position]] }
      return (AcceptorRenaming(acceptors: acceptors, positions: positions), moved)
    }
    nodes = Array(repeating: [], count: renamings.count)
    messages = nodes
    records = nodes
  }

  /// The least fingerprint among the renamings of the state in `words`.
  mutating func fingerprint(
    of words: ArraySlice<UInt32>, layout: StateLayout, tables: inout Tables
  ) -> UInt64 {
    var least = Fingerprint.of(words)
    let base = words.startIndex
    for index in renamings.indices {
      renamed.removeAll(keepingCapacity: true)
      renamed.append(contentsOf: words[base..<(base + layout.network)])
      for slot in 0..<layout.nodeCount {
        let number = words[base + slot]
        renamed[renamings[index].slots[slot]] =
          Self.cached(number, in: nodes[index]) ?? renamedNode(number, by: index, &tables)
      }
      let record = words[base + layout.record]
      renamed[layout.record] =
        Self.cached(record, in: records[index]) ?? renamedRecord(record, by: index, &tables)
      for message in words[(base + layout.network)...] {
        renamed.append(
          Self.cached(message, in: messages[index])
            ?? renamedMessage(message, by: index, &tables))
      }
      renamed[layout.network...].sort()
      least = min(least, Fingerprint.of(renamed))
    }
    return least
  }

  /// The number of the renamed value of `number`, when it was worked out before.
  private static func cached(_ number: UInt32, in cache: [UInt32]) -> UInt32? {
    let index = Int(number)
    return index < cache.count && cache[index] != .max ? cache[index] : nil
  }

  // The first time a value is renamed: rename it, number it, keep its number.

  private mutating func renamedNode(_ number: UInt32, by index: Int, _ tables: inout Tables)
    -> UInt32
  {
    let renamed = tables.number(tables.nodes[number].renamed(renamings[index].renaming))
    Self.keep(renamed, for: number, in: &nodes[index])
    return renamed
  }

  private mutating func renamedRecord(_ number: UInt32, by index: Int, _ tables: inout Tables)
    -> UInt32
  {
    let renamed = tables.number(tables.records[number].renamed(renamings[index].renaming))
    Self.keep(renamed, for: number, in: &records[index])
    return renamed
  }

  private mutating func renamedMessage(_ number: UInt32, by index: Int, _ tables: inout Tables)
    -> UInt32
  {
    let renamed = tables.number(tables.messages[number].renamed(renamings[index].renaming))
    Self.keep(renamed, for: number, in: &messages[index])
    return renamed
  }

  private static func keep(_ renamed: UInt32, for number: UInt32, in cache: inout [UInt32]) {
    let index = Int(number)
    if index >= cache.count {
      cache.append(contentsOf: repeatElement(.max, count: index + 1 - cache.count))
    }
    cache[index] = renamed
  }

  private static func permutations(of elements: [Int]) -> [[Int]] {
    guard elements.count > 1 else { return [elements] }
    return elements.indices.flatMap { index in
      var rest = elements
      let first = rest.remove(at: index)
      return permutations(of: rest).map { [first] + $0 }
    }
  }
}
