import PaxosCore
import PaxosSim

/// A learner of a log cluster in a few words: how far it applied, what it waits for, its store.
/// A crashed learner is read from its disk, as the `expect applied` and `expect kv` checks do.
struct ReplicaText {
  let node: Node

  var replica: Replica { node.disk.replica }

  /// What it learned: its memory when up, else its disk (the same, as it learns durably).
  var learned: ChunkedLog<SlotVote?> {
    node.isUp ? node.learner?.slots ?? ChunkedLog() : node.disk.learned
  }

  /// The slots it applied: `1-4`, `1`, `none`, with how many `skip-gaps` applied past the gap.
  var applied: String {
    let index = replica.appliedIndex
    let prefix = index == 0 ? "none" : index == 1 ? "1" : "1-\(index)"
    let above = replica.appliedAbove.count
    return above == 0 ? prefix : prefix + " and \(above) past the gap at \(index + 1)"
  }

  /// The slot it must apply next while it has learned a higher one: it is blocked there.
  var missing: Int? {
    let next = replica.appliedIndex + 1
    guard learned.count > next, learned[next - 1] == nil else { return nil }
    return next
  }

  /// `slot 3 (it learned [5])`, or nil when nothing blocks it.
  var waits: String? {
    missing.map { "slot \($0) (it learned [\(learned.count)])" }
  }

  /// A store with more keys than this is only counted: sorting them all to show a few would
  /// make a view cost what the store holds.
  static let keysSorted = 64

  /// `x = 12, y = 3` in key order, as many keys as fit in about `width` columns, then how many
  /// more; or `empty`.
  func store(width: Int) -> String {
    let store = replica.store
    guard !store.isEmpty else { return "empty" }
    guard store.count <= Self.keysSorted else {
      return "\(store.count) keys ('expect kv \(node.id) KEY VALUE' checks one)"
    }
    var text = ""
    var shown = 0
    for key in store.keys.sorted() {
      let pair =
        ValueTable.literal(key).withVisibleControls.truncated(toWidth: Cluster.shortValueWidth)
        + " = "
        + ValueTable.literal(store[key] ?? "").withVisibleControls.truncated(
          toWidth: Cluster.shortValueWidth)
      guard shown == 0 || text.displayWidth + pair.displayWidth + 2 <= width else { break }
      text += (shown == 0 ? "" : ", ") + pair
      shown += 1
    }
    let more = store.count - shown
    return text + (more > 0 ? " and \(more) more" : "")
  }
}
