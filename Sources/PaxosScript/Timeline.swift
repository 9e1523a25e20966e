import PaxosSim

/// The commands that built the cluster, with snapshots along the way, so that `undo`, `redo`
/// and `goto` can rebuild any earlier moment by replaying a few commands instead of all.
///
/// Replaying works because the cluster is deterministic: the same commands from the same
/// snapshot give the same cluster, random streams included.
public struct Timeline: Sendable {
  public struct Entry: Sendable {
    public let text: String
    public let command: Command
    /// The trace entries the command added, in the cluster as it then was: a later `reset`
    /// empties the trace, and these positions then name nothing.
    public let events: Range<Int>

    public init(text: String, command: Command, events: Range<Int> = 0..<0) {
      self.text = text
      self.command = command
      self.events = events
    }
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

  /// A snapshot every so many commands or events bounds what a rewind replays, whether the
  /// history holds many small commands or a few long runs.
  static let commandsPerSnapshot = 64
  static let eventsPerSnapshot = 50_000

  public init() {}

  /// Adds a command that just ran; a new command ends what `redo` could bring back.
  mutating func append(_ entry: Entry, resulting cluster: Cluster, keepingRedo: Bool = false) {
    entries.append(entry)
    if !keepingRedo { undone.removeAll() }
    let last = snapshots[snapshots.count - 1]
    if entries.count - last.count >= Self.commandsPerSnapshot
      || cluster.trace.entries.count - eventsAtSnapshot >= Self.eventsPerSnapshot
    {
      snapshots.append((entries.count, cluster))
      eventsAtSnapshot = cluster.trace.entries.count
    }
  }

  /// Moves the last `count` commands to the redo stack and returns the cluster before them.
  mutating func rewind(_ count: Int, replay: (inout Cluster, Command) -> Void) -> Cluster {
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
