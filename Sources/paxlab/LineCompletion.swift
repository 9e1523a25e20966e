import CReadline
import Glibc
import PaxosScript
import PaxosSession
import PaxosSim
import Synchronization

/// The state completion reads: a copy of the cluster and its history while a prompt is shown.
struct CompletionContext: Sendable {
  var cluster: Cluster
  var timeline: Timeline
}

/// Held only while the prompt is shown: a copy kept during a command would make the command
/// copy the whole cluster the first time it changed it.
private let shownContext = Mutex<CompletionContext?>(nil)

/// Tab completion: readline's glue around `Completion`, which knows the language.
enum LineCompletion {
  static func install() {
    paxlab_rl_set_word_breaks()
    paxlab_rl_set_sort_completion_matches(0)
    paxlab_rl_set_completion_function(complete)
  }

  static var context: CompletionContext? {
    get { shownContext.withLock { $0 } }
    set { shownContext.withLock { $0 = newValue } }
  }

  /// A C array of C strings, as readline takes completions.
  typealias CStrings = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

  /// Readline asks for the matches of the word from `start` to `end` (byte offsets).
  private static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> CStrings? = {
    text, start, end in
    // Never fall back to file names, except where a file is expected (below).
    paxlab_rl_set_attempted_completion_over(1)
    guard let buffer = paxlab_rl_line_buffer(), end >= 0, let context = LineCompletion.context
    else { return nil }
    let before = String(
      decoding: UnsafeRawBufferPointer(start: UnsafeRawPointer(buffer), count: Int(end)),
      as: UTF8.self)
    let cursor = before.utf8.count
    if Completion.expectsPath(line: before, cursor: cursor) {
      return text.flatMap { paxlab_rl_filename_matches($0) }
    }
    if let command = Completion.expectsName(line: before, cursor: cursor) {
      let partial = text.map { String(cString: $0) } ?? ""
      let names =
        command == .lesson
        ? LessonCatalogue.keys(in: Classroom.defaultFolder) : SessionPlace().siblings
      return matches(names.filter { $0.hasPrefix(partial) })
    }
    let candidates = Completion.candidates(
      line: before, cursor: cursor, cluster: context.cluster, timeline: context.timeline)
    // `steps=` wants its number right after it, not a space.
    if candidates.count == 1, candidates[0].hasSuffix("=") {
      paxlab_rl_set_completion_append_character(0)
    }
    return matches(candidates)
  }

  /// The array readline wants, which it frees: the common prefix to insert, then each
  /// candidate, then NULL; a single candidate is the whole array.
  static func matches(_ candidates: [String]) -> CStrings? {
    guard !candidates.isEmpty else { return nil }
    let words = candidates.count == 1 ? candidates : [commonPrefix(candidates)] + candidates
    let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (words.count + 1)
    guard let raw = malloc(size) else { return nil }
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: words.count + 1)
    for (index, word) in words.enumerated() { array[index] = strdup(word) }
    array[words.count] = nil
    return array
  }

  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
      let characters = Array(word)
      var length = 0
      while length < min(prefix.count, characters.count), prefix[length] == characters[length] {
        length += 1
      }
      prefix.removeSubrange(length...)
    }
    return String(prefix)
  }
}
