import Glibc
import Synchronization

/// Set by the signal handlers, read by the REPL: a handler may only do something this small.
private let interruptFlag = Atomic<Bool>(false)
private let leaveFlag = Atomic<Bool>(false)
private let suspendFlag = Atomic<Bool>(false)

/// Ctrl-C, and the signals that ask the program to end, as flags the REPL polls.
///
/// The handlers are installed without SA_RESTART so that a wait for input returns at once with
/// EINTR: the REPL then abandons the line (Ctrl-C) or leaves cleanly, restoring the terminal.
enum Signals {
  static func install() {
    // Touch the flags first: the handlers must not be the first to initialize them.
    interruptFlag.store(false, ordering: .relaxed)
    leaveFlag.store(false, ordering: .relaxed)
    suspendFlag.store(false, ordering: .relaxed)
    handle(SIGINT) { _ in interruptFlag.store(true, ordering: .relaxed) }
    for leaving in [SIGTERM, SIGHUP] {
      handle(leaving) { _ in
        leaveFlag.store(true, ordering: .relaxed)
        interruptFlag.store(true, ordering: .relaxed)
      }
    }
    // A parent may have blocked them (some test runners and IDEs do); readline needs SIGWINCH.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] {
      sigaddset(&wanted, signal)
    }
    pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
  }

  /// Whether Ctrl-C was pressed since the last call; clears it.
  static func takeInterrupt() -> Bool { interruptFlag.exchange(false, ordering: .relaxed) }

  /// For a long `run`: it stops when this turns true, keeping the steps taken.
  @Sendable static func isInterrupted() -> Bool { interruptFlag.load(ordering: .relaxed) }

  /// Ctrl-Z at the prompt is caught, so that the line editor can give the terminal back before
  /// stopping; while a command runs it stops the program at once, as usual.
  static func catchSuspend(_ catching: Bool) {
    if catching {
      handle(SIGTSTP) { _ in suspendFlag.store(true, ordering: .relaxed) }
    } else {
      signal(SIGTSTP, SIG_DFL)
    }
  }

  /// Whether Ctrl-Z was pressed at the prompt since the last call; clears it.
  static func takeSuspend() -> Bool { suspendFlag.exchange(false, ordering: .relaxed) }

  /// SIGTERM or SIGHUP arrived: the REPL should leave.
  static var leaveRequested: Bool { leaveFlag.load(ordering: .relaxed) }

  private static func handle(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(signal, &action, nil)
  }
}
