import CReadline
import Glibc
import Synchronization

/// A line readline finished, handed from its C callback back to Swift; nil for Ctrl-D.
private let finishedLine = Mutex<LineInput?>(nil)

/// Called by readline when the user pressed Enter (with the line) or Ctrl-D (with NULL).
private let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { text in
  let input = text.map { LineInput.line(String(cString: $0)) } ?? .end
  free(text)
  // Removed at once, so that readline does not show the prompt again before the answer.
  rl_callback_handler_remove()
  finishedLine.withLock { $0 = input }
}

/// Reads lines at a terminal with GNU readline: editing, history, completion.
///
/// Uses readline's callback interface around our own wait for input, so that Ctrl-C can
/// abandon a line: the SIGINT handler only sets a flag, the wait returns with EINTR, and the
/// line is dropped here, outside any signal handler.
struct LineEditor: LineSource {
  private var history: LineHistory
  private var isReading = false

  init(historyFile: String) {
    paxlab_rl_set_name()
    paxlab_rl_leave_signals_to_caller()
    LineCompletion.install()
    history = LineHistory(file: historyFile)
  }

  mutating func read(prompt: String, completing context: CompletionContext?) -> LineInput {
    // A Ctrl-C that came while a command ran was for that command.
    _ = Signals.takeInterrupt()
    history.load()
    LineCompletion.context = context
    defer { LineCompletion.context = nil }
    finishedLine.withLock { $0 = nil }
    rl_callback_handler_install(prompt, lineHandler)
    isReading = true
    Signals.catchSuspend(true)
    defer {
      Signals.catchSuspend(false)
      stopReading()
    }
    while true {
      if let input = finishedLine.withLock({ $0.take() }) {
        if case .line(let text) = input { history.add(text) }
        if input == .end { Self.write("\n") }
        return input
      }
      var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      if poll(&descriptor, 1, -1) < 0 {
        guard errno == EINTR, !Signals.leaveRequested else { return .end }
        if Signals.takeInterrupt() {
          abandonLine()
          return .interrupted
        }
        if Signals.takeSuspend() { suspend(prompt: prompt) }
        rl_check_signals()  // a window resize: let readline redraw
        continue
      }
      guard descriptor.revents & Int16(POLLNVAL | POLLERR) == 0 else { return .end }
      rl_callback_read_char()
    }
  }

  mutating func close() {
    stopReading()
    history.trim()
  }

  /// Ctrl-C: show it after what was typed, forget the line, and restore the terminal.
  private mutating func abandonLine() {
    rl_callback_sigcleanup()  // ends a search (Ctrl-R) first, restoring the prompt
    rl_end_of_line(1, 0)
    rl_redisplay()
    Self.write("^C")
    rl_free_line_state()
    rl_cleanup_after_signal()
    stopReading()
    Self.write("\n")
  }

  /// Ctrl-Z: give the terminal back and stop; when resumed, show the prompt and the line again.
  private mutating func suspend(prompt: String) {
    let text = paxlab_rl_line_buffer().map { String(cString: $0) } ?? ""
    let point = paxlab_rl_point()
    stopReading()
    Self.write("\n")
    Signals.catchSuspend(false)
    raise(SIGTSTP)  // stops here until `fg`
    Signals.catchSuspend(true)
    rl_callback_handler_install(prompt, lineHandler)
    isReading = true
    rl_insert_text(text)
    paxlab_rl_set_point(point)
    rl_redisplay()
  }

  /// Gives the terminal back in the state readline found it.
  private mutating func stopReading() {
    guard isReading else { return }
    isReading = false
    rl_callback_handler_remove()
  }

  /// Straight to the terminal: readline has flushed what it wrote through stdio.
  private static func write(_ text: String) {
    var bytes = Array(text.utf8)
    _ = Glibc.write(STDOUT_FILENO, &bytes, bytes.count)
  }
}
