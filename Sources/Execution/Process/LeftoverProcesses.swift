import Glibc
import LessonProtocol
import SystemCalls

/// Finds and stops what a lesson program left running: processes of its group, and processes that carry its
/// run's working folder in their environment wherever they moved (`setsid`, `setpgid`, a double fork).
///
/// The builder is the child subreaper of everything it starts (`PR_SET_CHILD_SUBREAPER`): a process whose parent
/// ends is re-parented to the builder, not to init, so the builder must reap those it adopts. It never calls
/// `waitpid(-1)`, which would take the exit status of a program another thread is waiting for: it reaps only the
/// processes it stopped, by pid, once they are zombies whose parent is the builder.
enum LeftoverProcesses {
  /// Makes the builder the subreaper of its descendants, once.
  static func adoptOrphans() {
    _ = subreaper
  }

  private static let subreaper: Bool = (try? ProcessCalls.becomeChildSubreaper()) != nil

  /// A lesson run's leftovers: what marks them, and the program itself (not a leftover: its runner reaps it; 0
  /// when unknown, and then its process group is not looked at).
  struct Run {
    /// The environment line its processes inherit (`LESSONS_WORK_FOLDER=<folder>`).
    let marker: String
    /// The lesson program's pid, also its process group.
    let program: pid_t
    /// Processes started after this (clock ticks after boot) can belong to the run.
    let startTime: UInt64
  }

  /// The processes of `run` alive now, besides the program itself.
  static func alive(of run: Run) -> [ProcessTable.Entry] {
    ProcessTable.alive(group: run.program, marker: run.marker, since: run.startTime, excluding: [run.program, getpid()])
  }

  /// Each process of `run` alive now that is not in `seen` yet, added to it with `cell` (where it was first seen).
  static func note(_ run: Run, cell: Int, in seen: inout [ProcessTable.Entry: Int]) {
    for entry in alive(of: run) where seen[entry] == nil { seen[entry] = cell }
  }

  /// Stops every process of `run` (SIGKILL, again for any they start meanwhile) and reaps those the builder
  /// adopted; returns those that were alive. Gives up waiting after `patience` seconds (a process stuck in the
  /// kernel), leaving it to the kernel's SIGKILL.
  @discardableResult
  static func stop(_ run: Run, patience: Double = 2) -> Set<ProcessTable.Entry> {
    var stopped = Set<ProcessTable.Entry>()
    let deadline = ProgramRunner.now() + patience
    repeat {
      let found = alive(of: run).filter { !stopped.contains($0) }
      for entry in found where ProcessTable.entry(of: entry.pid)?.startTime == entry.startTime {
        kill(entry.pid, SIGKILL)
      }
      stopped.formUnion(found)
      reapAdopted(stopped)
      let waiting = stopped.filter { ProcessTable.entry(of: $0.pid)?.startTime == $0.startTime }
      if found.isEmpty && waiting.isEmpty { break }
      usleep(10_000)
    } while ProgramRunner.now() < deadline
    return stopped
  }

  /// Reaps the processes of `entries` that are zombies whose parent is the builder.
  private static func reapAdopted(_ entries: Set<ProcessTable.Entry>) {
    let builder = getpid()
    for entry in entries {
      guard let now = ProcessTable.entry(of: entry.pid), now.startTime == entry.startTime, now.parent == builder,
        !now.isAlive
      else { continue }
      _ = try? ProcessCalls.wait(for: entry.pid, options: WNOHANG)
    }
  }
}
