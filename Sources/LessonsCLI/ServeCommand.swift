import ArgumentParser
import Dispatch
import Execution
import FlyingSocks
import Foundation
import Lessons
import Preview
import Site
import Synchronization

/// `lessons serve`: build, then preview the site on 127.0.0.1, rebuilding and reloading the open pages when
/// lessons or templates change.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Build the site and preview it on http://127.0.0.1:<port>/, rebuilding on change.",
    discussion: """
      Only files under the site folder are served. Saves under the content and templates folders are noticed \
      with inotify; the site is rebuilt and open pages reload (or show the build's errors) by themselves. \
      The live-reload script exists only in served pages, never in the built site.
      """)

  @OptionGroup var options: SiteOptions

  @Option(help: "The port to listen on (127.0.0.1 only; 0 picks a free one).")
  var port: UInt16 = 4000

  @Option(
    name: .customLong("pass-env"),
    help: "Let cells of lessons without results have this environment variable when env: names it (repeatable).")
  var passEnv: [String] = []

  func run() async throws {
    InterruptHandling.install()
    var execution = ExecutionOptions()
    execution.permittedEnvironment = Set(passEnv)
    let builder = SiteBuilder(configuration: options.configuration(execution: execution))
    let reporter = TerminalReporter(quiet: options.quiet)
    let broadcaster = RebuildBroadcaster()
    let server = PreviewServer(
      port: port,
      responder: PreviewResponder(
        resolver: StaticFileResolver(root: builder.configuration.outputFolder), liveReload: broadcaster))
    // Listen before building, so that a port in use is one line at once instead of after a whole build.
    let socket: Socket
    let boundPort: UInt16
    do {
      socket = try server.listen()
      boundPort = try PreviewServer.boundPort(of: socket)
    } catch {
      reporter.fail(ServeError(port: port, underlying: error), building: false)
      throw ExitCode.failure
    }
    // Watch before the first build, so that a save during it still leads to a rebuild.
    let loop: RebuildLoop
    do {
      loop = try RebuildLoop(
        folders: [builder.configuration.contentFolder, builder.configuration.templatesFolder],
        broadcaster: broadcaster
      ) { changed in rebuild(builder, reporter: reporter, changed: changed) }
    } catch {
      reporter.fail(error, building: false)
      throw ExitCode.failure
    }
    // Connections made during the first build wait in the listen backlog until it is done.
    broadcaster.setInitial(errors: rebuild(builder, reporter: reporter, changed: nil).errors)
    // Builds block (they run lessons on threads of their own), so the loop gets a thread of its own, leaving the
    // concurrency pool to the server.
    let stop = Atomic<Bool>(false)
    let watcher = Thread {
      do {
        try loop.run(until: stop)
      } catch {
        reporter.fail(error, building: false)
      }
    }
    watcher.start()
    defer { stop.store(true, ordering: .relaxed) }
    FileHandle.standardOutput.write(
      Data("Serving \(options.out)/ on http://127.0.0.1:\(boundPort)/ (Ctrl-C to stop)\n".utf8))
    do {
      try await server.run(on: socket)
    } catch {
      reporter.fail(ServeError(port: boundPort, underlying: error), building: false)
      throw ExitCode.failure
    }
  }
}

/// The preview server could not listen or stopped with an error.
struct ServeError: Error, CustomStringConvertible {
  var port: UInt16
  var underlying: any Error
  var description: String {
    "cannot serve on 127.0.0.1:\(port) (\(underlying)); is another server using the port? Try --port"
  }
}

/// Builds and reports; a no-change build says nothing, so the terminal shows only real rebuilds.
private func rebuild(_ builder: SiteBuilder, reporter: TerminalReporter, changed: [String]?) -> RebuildLoop.Result {
  do {
    let report = try builder.build(progress: reporter.progress)
    if changed != nil && report.upToDate { return .unchanged }
    if let changed, !reporter.quiet { FileHandle.standardOutput.write(Data(TerminalText.visibleLines(changeLine(changed)).utf8)) }
    reporter.finish(report, verb: "Built", output: builder.configuration.outputFolder)
    var errors = report.diagnostics.filter { $0.severity == .error }.map(\.description)
    if !report.failed.isEmpty { errors.append("error: lesson(s) not built: \(report.failed.joined(separator: ", "))") }
    return .rebuilt(errors: errors)
  } catch {
    reporter.fail(error)
    return .rebuilt(errors: [error.description])
  }
}

/// `[14:05:31] content/…/tutorial.md changed (and 2 more)`: what a rebuild answers to, and when.
private func changeLine(_ changed: [String]) -> String {
  let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: Date())
  let time = [parts.hour, parts.minute, parts.second].map { String(format: "%02d", $0 ?? 0) }.joined(separator: ":")
  // The watcher leaves hidden files (swap files, atomic writes' temporary files) out already.
  let first = changed.first ?? "a file"
  let more = changed.count > 1 ? " (and \(changed.count - 1) more)" : ""
  return "[\(time)] \(first) changed\(more)\n"
}

extension RebuildLoop.Result {
  /// The errors of a rebuild (none when nothing changed).
  var errors: [String] {
    if case .rebuilt(let errors) = self { errors } else { [] }
  }
}
