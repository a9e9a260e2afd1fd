import Glibc
internal import Synchronization
internal import SystemCalls

/// What the generated `main.swift` of a lesson calls around its cells (see Execution's `LessonProgram`): the
/// program's side of the protocol, kept here so that the generated file holds no secret and stays small (it
/// compiles faster).
public enum LessonRuntime {
  /// The program's first statement: ends at once when the builder is already gone, asks the kernel to end the
  /// program when the builder ends (`PR_SET_PDEATHSIG`; `posix_spawn` cannot set it, so the program does it
  /// itself, then checks that its parent is still the builder), reads the channel's greeting, hides the channel's
  /// variable from programs the cells run, line-buffers stdout and changes to the working folder.
  public static func start() {
    if let text = getenv(ControlChannel.builderVariable), let builder = Int32(String(cString: text)) {
      ProcessCalls.setParentDeathSignal(SIGKILL)
      if getppid() != builder {
        try? FileDescriptorIO.writeAll(2, "the builder that started this lesson program has ended\n")
        _exit(125)
      }
    }
    _ = ProgramChannel.current
    _ = run
    unsetenv(ControlChannel.descriptorVariable)
    StandardStreams.lineBufferStandardOutput()
    if let folder = getenv(ControlChannel.workFolderVariable) { _ = chdir(folder) }
  }

  /// Marks the start of cell `index` on stdout, stderr and the channel; returns the start time.
  public static func cellBegin(_ index: Int) -> Double {
    fflush(nil)
    if let channel = ProgramChannel.current {
      let marker = channel.marker(index: index)
      try? FileDescriptorIO.writeAll(1, marker)
      try? FileDescriptorIO.writeAll(2, marker)
      channel.send(.cellBegin(index))
    }
    return monotonicSeconds()
  }

  /// Reports that cell `index`, begun at `start`, ended, with the processes of the run alive now (those it or an
  /// earlier cell started: the builder stops them when the program ends and says which cell started them).
  public static func cellEnd(_ index: Int, since start: Double) {
    let seconds = monotonicSeconds() - start
    fflush(nil)
    guard let channel = ProgramChannel.current else { return }
    if let run = Self.run, mayHaveStartedProcesses() {
      let alive = ProcessTable.alive(group: getpgrp(), marker: run.marker, since: run.since, excluding: [getpid()])
      if !alive.isEmpty { channel.send(.cellProcesses(index, identities: alive.prefix(1000).map(\.identity))) }
    }
    channel.send(.cellEnd(index, seconds: seconds))
  }

  /// False when the program has started nothing since the last look: it has no child (running or ended), and no
  /// child was reaped meanwhile (the children's resource usage is unchanged). Saves the look through `/proc`
  /// (a few milliseconds) after the many cells that start no process.
  private static func mayHaveStartedProcesses() -> Bool {
    var info = siginfo_t()
    let hasChildren = waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let children = [usage.ru_minflt, usage.ru_majflt, usage.ru_nvcsw, usage.ru_nivcsw, usage.ru_utime.tv_usec]
    return childrenUsage.withLock { last in
      defer { last = children }
      return hasChildren || last != children
    }
  }

  private static let childrenUsage = Mutex<[Int]>([])

  /// What marks the run's processes (the working folder in their environment) and when the program started.
  private static let run: (marker: String, since: UInt64)? = {
    guard let folder = getenv(ControlChannel.workFolderVariable), let me = ProcessTable.entry(of: getpid()) else {
      return nil
    }
    return ("\(ControlChannel.workFolderVariable)=\(String(cString: folder))", me.startTime)
  }()

  /// Reports the error a cell marked `error: expected` threw.
  public static func cellThrew(_ index: Int, _ error: any Error) {
    fflush(nil)
    ProgramChannel.current?.send(.cellThrew(index, message: "\(error)"))
  }

  /// Reports that every cell has run.
  public static func finish() {
    fflush(nil)
    guard let channel = ProgramChannel.current else { return }
    let marker = CellMarker.doneLine(secret: channel.secret)
    try? FileDescriptorIO.writeAll(1, marker)
    try? FileDescriptorIO.writeAll(2, marker)
    channel.send(.done)
  }

  private static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}
