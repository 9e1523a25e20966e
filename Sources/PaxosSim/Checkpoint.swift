/// Asked now and then by a long command (`run`, `compare backoff`) with how far it got: `done`
/// of at most `total` steps or seeds. True stops it there, keeping what it did (Ctrl-C).
public typealias Checkpoint = @Sendable (_ done: Int, _ total: Int) -> Bool
