import Glibc
import PaxosSim
import Synchronization

/// How far a long command (`run`, `compare backoff`) got, on a terminal only: one line on
/// standard error, redrawn in place a few times a second once the command has taken a moment,
/// and erased when it ends, so that what is left on the screen is the transcript alone.
final class ProgressLine: Sendable {
  private struct State {
    var label = ""
    var started = ContinuousClock.now
    var drawn: ContinuousClock.Instant?
  }

  private let state = Mutex(State())
  private let onTerminal = isatty(STDERR_FILENO) == 1
  /// A command that ends sooner shows nothing.
  private static let delay = Duration.milliseconds(300)
  private static let interval = Duration.milliseconds(100)
  private static let erase = "\r\u{1B}[K"
  private static let labelLength = 32

  /// Before a line runs: the progress line names it, cut short to stay on one line.
  func begin(_ line: String) {
    let words = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let label = words.count > Self.labelLength ? words.prefix(Self.labelLength) + "..." : words
    state.withLock { $0 = State(label: label) }
  }

  /// The checkpoint for the line running: draws how far it got, and tells it to stop on Ctrl-C.
  var checkpoint: Checkpoint {
    { [self] done, total in
      if onTerminal { draw(done, of: total) }
      return Signals.isInterrupted()
    }
  }

  private func draw(_ done: Int, of total: Int) {
    let now = ContinuousClock.now
    let text: String? = state.withLock { state in
      guard now - state.started >= Self.delay else { return nil }
      if let drawn = state.drawn, now - drawn < Self.interval { return nil }
      state.drawn = now
      let percent = done * 100 / max(total, 1)
      return Self.erase + state.label + ": \(percent)% (\(done) of \(total)); Ctrl-C stops it"
    }
    if let text { StandardError.text(text) }
  }

  /// After the line: erases the progress line, if one was drawn.
  func end() {
    let drawn = state.withLock { $0.drawn != nil }
    if drawn { StandardError.text(Self.erase) }
  }
}
