import PaxosSim

/// The commands that built the cluster, with snapshots along the way, so that `undo`, `redo`
/// and `goto` can rebuild any earlier moment by replaying a few commands instead of all.
///
/// Replaying works because the cluster is deterministic: the same commands from the same
/// snapshot give the same cluster, random streams included.
public struct Timeline: Sendable {
  public struct Entry: Sendable {
    /// The command as typed (an interrupted run as the steps it took). Kept as text only: a
    /// history holds every command of a session, and the text is a third of the parsed form.
    public let text: String
    /// The trace entries the command added, in the cluster as it then was: a later `reset`
    /// empties the trace, and these positions then name nothing.
    public let events: Range<Int>

    public init(text: String, events: Range<Int> = 0..<0) {
      self.text = text
      self.events = events
    }

    /// The command, parsed again: it parsed when it ran, so it parses now.
    public var command: Command? { try? Parser.parse(text) }
  }

  /// The commands in effect, oldest first: command `#n` is `entries[n - 1]`.
  public private(set) var entries: [Entry] = []
  /// Commands taken back, the most recently undone last: what `redo` brings back.
  public private(set) var undone: [Entry] = []
  public private(set) var bookmarks: [String: Int] = [:]
  /// The cluster after the first `count` entries, at growing counts; the first is the empty
  /// cluster, so every moment has a snapshot at or before it.
  private var snapshots: [(count: Int, cluster: Cluster)] = [(0, Cluster())]
  private var eventsAtSnapshot = 0
  /// Commands between snapshots: doubles each time old snapshots are thinned out.
  private var spacing = 64

  /// A snapshot every `spacing` commands or so many events bounds what a rewind replays,
  /// whether the history holds many small commands or a few long runs.
  static let eventsPerSnapshot = 50_000
  /// Beyond this, every other snapshot goes: memory stays bounded and a rewind replays at most
  /// a fixed share of the history.
  static let maxSnapshots = 128

  public init() {}

  /// Adds a command that just ran. A new command ends what `redo` could bring back, and with it
  /// the bookmarks set there, whose moments no longer exist: returns their names.
  @discardableResult
  mutating func append(_ entry: Entry, resulting cluster: Cluster, keepingRedo: Bool = false)
    -> [String]
  {
    var dropped: [String] = []
    // Only a redo stack holds moments a bookmark could name past the present.
    if !keepingRedo && !undone.isEmpty {
      undone.removeAll()
      dropped = bookmarks.filter { $0.value > entries.count }.keys.sorted()
      for name in dropped { bookmarks[name] = nil }
    }
    entries.append(entry)
    let events = cluster.trace.entries.count
    // After a reset the trace starts again from nothing.
    let eventsSince = events >= eventsAtSnapshot ? events - eventsAtSnapshot : events
    let commandsSince = entries.count - snapshots[snapshots.count - 1].count
    // A snapshot shares the cluster's storage, so the next change copies the tables that grow
    // with the history (choices, values, a log's slots): waiting for as many events as they
    // hold keeps that copying a constant share of the work, however long the run.
    let copyCost = cluster.sharedStorageSize
    guard commandsSince >= spacing || eventsSince >= Self.eventsPerSnapshot,
      eventsSince >= copyCost
    else { return dropped }
    snapshots.append((entries.count, cluster))
    eventsAtSnapshot = events
    if snapshots.count > Self.maxSnapshots {
      snapshots = snapshots.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
      spacing *= 2
    }
    return dropped
  }

  /// Moves the last `count` commands to the redo stack and returns the cluster before them.
  mutating func rewind(_ count: Int, replay: (inout Cluster, Command?) -> Void) -> Cluster {
    let target = entries.count - count
    undone.append(contentsOf: entries[target...].reversed())
    entries.removeSubrange(target...)
    snapshots.removeAll { $0.count > target }
    let base = snapshots[snapshots.count - 1]
    var cluster = base.cluster
    for entry in entries[base.count...] { replay(&cluster, entry.command) }
    eventsAtSnapshot = base.cluster.trace.entries.count
    return cluster
  }

  /// Takes the most recently undone command off the redo stack.
  mutating func popUndone() -> Entry? { undone.popLast() }

  mutating func bookmark(_ name: String) { bookmarks[name] = entries.count }
}
