import ArgumentParser
import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import Execution
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

    let resolver = StaticFileResolver(root: builder.configuration.outputFolder)
    let server = HTTPServer(
      address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled,
      handler: PreviewHandler(resolver: resolver))
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
    let out = options.out
    let announcement = Task {
      try? await server.waitUntilListening(timeout: 30)
      if await server.listeningAddress != nil {
        FileHandle.standardOutput.write(Data("Serving \(out)/ on http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n".utf8))
      }
    }
    defer { announcement.cancel() }
    do {
      try await server.run()
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

/// Answers GET requests with files of the site folder, with the right content type; 403 for paths that try to
/// leave it, 404 for the rest.
struct PreviewHandler: HTTPHandler {
  let resolver: StaticFileResolver

  func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    guard request.method == .GET || request.method == .HEAD else {
      return HTTPResponse(statusCode: .methodNotAllowed, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("method not allowed\n".utf8))
    }
    let raw = request.target.path(percentEncoded: false)
    if raw.split(separator: "/").contains(where: { $0 == ".." }) { return Self.forbidden }
    switch resolver.resolve(request.path) {
    case .forbidden:
      return Self.forbidden
    case .notFound:
      return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("not found\n".utf8))
    case .file(let path, let contentType):
      guard let data = FileManager.default.contents(atPath: path) else {
        return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("not found\n".utf8))
      }
      return HTTPResponse(
        statusCode: .ok, headers: HTTPHeaders([.contentType: contentType, HTTPHeader("Cache-Control"): "no-cache"]),
        body: request.method == .HEAD ? Data() : data)
    }
  }

  private static var forbidden: HTTPResponse {
    HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("forbidden\n".utf8))
  }
}
