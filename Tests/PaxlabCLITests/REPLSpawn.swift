import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a short-lived program for the terminal tests, the way a shell would: default signal
/// dispositions, nothing blocked, no descriptors but stdin, stdout and stderr.
///
/// Foundation's `Process` is not used here: a test runner may block or ignore signals, and its
/// children inherit that, so a tmux server started through it could not be stopped; and it
/// watches for a child's exit through a socket that a daemon such as the tmux server inherits
/// and keeps open, so waiting for the tmux client never ends.
enum REPLSpawn {
  /// Runs `executable` and returns its standard output, or nil if it could not start or ran
  /// over `timeout` seconds (it is then killed).
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String], timeout: Double
  ) -> String? {
    let outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("paxlab-spawn-" + UUID().uuidString).path
    defer { unlink(outputPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    closeOtherDescriptors(&actions)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var nothing = sigset_t()
    sigemptyset(&nothing)
    var every = sigset_t()
    sigfillset(&every)
    posix_spawnattr_setsigmask(&attributes, &nothing)
    posix_spawnattr_setsigdefault(&attributes, &every)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid = pid_t()
    guard posix_spawn(&pid, executable, &actions, &attributes, argv, envp) == 0 else { return nil }

    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(timeout)
    while waitpid(pid, &status, WNOHANG) == 0 {
      guard Date() < deadline else {
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return nil
      }
      usleep(2000)
    }
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }

  /// glibc 2.34 and later can close every descriptor from 3 up in the child; found at run time,
  /// as Swift does not see its declaration.
  private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) {
    typealias CloseFrom =
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32)
      -> Int32
    guard
      let symbol = dlsym(
        UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
    else { return }
    _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
  }
}
