import ArgumentParser
import Dispatch
import Execution
import FlyingSocks
import Foundation
import Site
import Synchronization

/// `lessons serve`: build, then preview the site on 127.0.0.1, rebuilding when lessons or templates change.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Build the site and preview it on http://127.0.0.1:<port>/, rebuilding on change.",
    discussion: """
      Only files under the site folder are served. Changes are found by polling file sizes and times once a \
      second (the same check that makes a no-change build instant).
      """)

  @OptionGroup var options: SiteOptions

  @Option(help: "The port to listen on (127.0.0.1 only).")
  var port: UInt16 = 4000

  func run() async throws {
    InterruptHandling.install()
    let builder = SiteBuilder(configuration: options.configuration())
    let reporter = TerminalReporter(quiet: options.quiet)
    rebuild(builder, reporter: reporter, first: true)

    let server = PreviewServer(
      port: port, responder: PreviewResponder(resolver: StaticFileResolver(root: builder.configuration.outputFolder)))
    let socket: Socket
    do {
      socket = try server.listen()
    } catch {
      reporter.fail(ServeError(port: port, underlying: error), building: false)
      throw ExitCode.failure
    }
    // Builds block (they run lessons on threads of their own), so the polling loop gets a thread of its own too,
    // leaving the concurrency pool to the server.
    let stop = Atomic<Bool>(false)
    let watcher = Thread {
      while !stop.load(ordering: .relaxed) {
        Thread.sleep(forTimeInterval: 1)
        rebuild(builder, reporter: reporter, first: false)
      }
    }
    watcher.start()
    defer { stop.store(true, ordering: .relaxed) }
    FileHandle.standardOutput.write(Data("Serving \(options.out)/ on http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n".utf8))
    do {
      try await server.run(on: socket)
    } catch {
      reporter.fail(ServeError(port: port, underlying: error), building: false)
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
private func rebuild(_ builder: SiteBuilder, reporter: TerminalReporter, first: Bool) {
  do {
    let report = try builder.build(progress: reporter.progress)
    if first || !report.upToDate { reporter.finish(report, verb: "Built", output: builder.configuration.outputFolder) }
  } catch {
    reporter.fail(error)
  }
}
