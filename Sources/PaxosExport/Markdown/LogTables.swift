import PaxosCore
import PaxosSim

/// A log cluster's outcome as Markdown tables, every cell escaped: the final log, each
/// learner's progress and store, and each request's reply.
enum LogTables {
  static func logLines(_ outcome: LogOutcome, _ cluster: Cluster) -> [String] {
    let slots = outcome.slots
    guard !slots.isEmpty else { return ["Nothing chosen or applied yet."] }
    return ["| Slot | Chosen | Request | Applied by |", "| --- | --- | --- | --- |"]
      + slots.map { slot in
        let choice = outcome.chosen[slot]
        let chosen = choice.map {
          command($0.vote.command, cluster) + " (ballot "
            + MarkdownText.inline($0.vote.ballot.description) + ", time \($0.time))"
        }
        let request = choice.map { $0.vote.command.isNoop ? "—" : $0.vote.command.requestName }
        let appliedBy = (outcome.applied[slot] ?? []).map { application in
          MarkdownText.inline(application.learner.name)
            + (application.duplicateOf.map { " (skipped: a duplicate of slot \($0))" } ?? "")
        }
        return "| \(slot) | \(chosen ?? "not chosen") | \(request ?? "—") | "
          + (appliedBy.isEmpty ? "nobody" : appliedBy.joined(separator: ", ")) + " |"
      }
  }

  /// Each learner's applied prefix, and at the end of the run its store (read from its disk,
  /// where it lives, also while the learner is down).
  static func learnerLines(_ outcome: LogOutcome, _ cluster: Cluster, atEnd: Bool) -> [String] {
    let learners = cluster.nodesInRoleOrder.filter { $0.roles.contains(.learner) }
    guard !learners.isEmpty else { return ["No learners."] }
    let header = atEnd ? "| Learner | Applied | Store |" : "| Learner | Applied |"
    return [header, atEnd ? "| --- | --- | --- |" : "| --- | --- |"]
      + learners.map { node in
        let prefix = outcome.appliedPrefix(of: node.id)
        let beyond = (outcome.appliedSlots[node.id] ?? []).filter { $0 > prefix + 1 }.sorted()
        var applied = prefix == 0 ? "nothing" : prefix == 1 ? "slot 1" : "slots 1–\(prefix)"
        if !beyond.isEmpty {
          applied += "; past a gap, " + beyond.map(String.init).joined(separator: ", ")
        }
        let row = "| \(MarkdownText.inline(node.id.name)) | \(applied) |"
        return atEnd ? row + " \(store(node.disk.replica.store)) |" : row
      }
  }

  static func requestLines(_ outcome: LogOutcome, _ cluster: Cluster) -> [String] {
    guard !cluster.requests.isEmpty else { return ["No requests."] }
    return ["| Request | Command | Reply |", "| --- | --- | --- |"]
      + cluster.requests.enumerated().map { index, request in
        let id = ValueID(raw: UInt32(index))
        // A reply, once set, never changes: it is the one the window's end would show too.
        let reply = outcome.answered.contains(id) ? request.reply?.description : nil
        return "| \(id.requestName) | \(MarkdownText.inline(request.command.text)) | "
          + MarkdownText.inline(reply ?? "pending") + " |"
      }
  }

  private static func command(_ id: ValueID, _ cluster: Cluster) -> String {
    guard id.isNoop || cluster.values.contains(id) else { return "?" }
    return MarkdownText.inline(cluster.values.display(id))
  }

  /// `x = 12, y = "two words"`, keys in order; `empty`.
  private static func store(_ store: [String: String]) -> String {
    guard !store.isEmpty else { return "empty" }
    return store.keys.sorted().map { key in
      MarkdownText.inline(ValueTable.literal(key) + " = " + ValueTable.literal(store[key] ?? ""))
    }.joined(separator: ", ")
  }
}
