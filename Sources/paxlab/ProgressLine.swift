import Glibc
import PaxosCheck
import PaxosSim
import Synchronization

/// How far a long command (`run`, `compare backoff`, `check`) got, on a terminal only: one line on
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
  /// A check's line holds several counts: redrawn more often, it could not be read.
  private static let checkInterval = Duration.milliseconds(500)
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
      if onTerminal {
        draw(every: Self.interval) { "\(done * 100 / max(total, 1))% (\(done) of \(total))" }
      }
      return Signals.isInterrupted()
    }
  }

  /// For a `check`: draws how deep and wide it got and how fast it goes; false stops it on
  /// Ctrl-C, with what it covered so far.
  var checkProgress: @Sendable (CheckProgress) -> Bool {
    { [self] progress in
      if onTerminal {
        draw(every: Self.checkInterval) {
          let perSecond =
            progress.seconds > 0 ? Int(Double(progress.distinctStates) / progress.seconds) : 0
          return "depth \(progress.depth), \(progress.distinctStates) distinct states,"
            + " \(perSecond) states/s, queue \(progress.queued)"
        }
      }
      return !Signals.isInterrupted()
    }
  }

  /// Draws the line unless the command has just started or the line was drawn less than
  /// `interval` ago; `progress` says how far it got.
  private func draw(every interval: Duration, _ progress: () -> String) {
    let now = ContinuousClock.now
    let label: String? = state.withLock { state in
      guard now - state.started >= Self.delay else { return nil }
      if let drawn = state.drawn, now - drawn < interval { return nil }
      state.drawn = now
      return state.label
    }
    if let label {
      StandardError.text(Self.erase + label + ": " + progress() + "; Ctrl-C stops it")
    }
  }

  /// After the line: erases the progress line, if one was drawn.
  func end() {
    let drawn = state.withLock { $0.drawn != nil }
    if drawn { StandardError.text(Self.erase) }
  }
}
