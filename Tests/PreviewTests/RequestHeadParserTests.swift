import Foundation
import Testing

@testable import Preview
import TestSupport

/// The preview server's request reading: complete heads in any chunking, limits answered as soon as crossed.
@Suite("Preview server request heads")
struct RequestHeadParserTests {
  static let simple = "GET /topics/a/index.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept:  text/html \r\n\r\n"

  func parse(_ text: String, chunk: Int = 1 << 20) -> RequestHeadParser.Progress {
    var parser = RequestHeadParser()
    var progress = RequestHeadParser.Progress.needMore
    let bytes = Array(text.utf8)
    for start in stride(from: 0, to: bytes.count, by: chunk) {
      progress = parser.append(bytes[start..<min(start + chunk, bytes.count)])
      if progress != .needMore { break }
    }
    return progress
  }

  @Test("a head is read whole, in one piece or byte by byte, with bare line feeds too", arguments: [1, 7, 1 << 20])
  func complete(chunk: Int) {
    let expected = RequestHead(
      method: "GET", target: "/topics/a/index.html?x=1", version: "HTTP/1.1",
      headers: [(name: "Host", value: "127.0.0.1"), (name: "Accept", value: "text/html")])
    #expect(parse(Self.simple, chunk: chunk) == .complete(expected))
    #expect(parse(Self.simple.replacingOccurrences(of: "\r\n", with: "\n"), chunk: chunk) == .complete(expected))
    #expect(parse("GET / HTTP/1.0\r\n\r\n", chunk: chunk) == .complete(RequestHead(method: "GET", target: "/", version: "HTTP/1.0", headers: [])))
  }

  @Test("an unfinished head asks for more")
  func unfinished() {
    #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n") == .needMore)
    #expect(parse("GET /aaaa") == .needMore)
  }

  @Test("a request line over the limit is refused with 414 as soon as the limit is crossed, before its end arrives")
  func longRequestLine() {
    var parser = RequestHeadParser()
    #expect(parser.append(Array("GET /".utf8)) == .needMore)
    #expect(parser.append([UInt8](repeating: UInt8(ascii: "a"), count: RequestHeadParser.maximumRequestLine - 10)) == .needMore)
    #expect(parser.append([UInt8](repeating: UInt8(ascii: "a"), count: 100)) == .rejected(.uriTooLong))
    // And stays refused whatever follows.
    #expect(parser.append(Array(" HTTP/1.1\r\n\r\n".utf8)) == .rejected(.uriTooLong))
    let whole = "GET /" + String(repeating: "a", count: 256 * 1024) + " HTTP/1.1\r\n\r\n"
    #expect(parse(whole, chunk: 4096) == .rejected(.uriTooLong))
  }

  @Test("header fields over the byte limit or the count limit are refused with 431")
  func largeHeaders() {
    let big = "GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 256 * 1024) + "\r\n\r\n"
    #expect(parse(big, chunk: 4096) == .rejected(.headersTooLarge))
    let many = "GET / HTTP/1.1\r\n" + (0...RequestHeadParser.maximumHeaderCount).map { "X-\($0): 1\r\n" }.joined() + "\r\n"
    #expect(parse(many) == .rejected(.headersTooLarge))
    // Under the limits, many short lines are fine.
    let fine = "GET / HTTP/1.1\r\n" + (0..<50).map { "X-\($0): 1\r\n" }.joined() + "\r\n"
    guard case .complete(let head) = parse(fine, chunk: 3) else {
      Issue.record("50 header fields were refused")
      return
    }
    #expect(head.headers.count == 50)
  }

  @Test(
    "malformed heads are refused with 400, other HTTP versions with 505",
    arguments: [
      ("GET\r\n\r\n", PreviewResponse.Status.badRequest), ("GET  / HTTP/1.1\r\n\r\n", .badRequest),
      ("GET http://x/ HTTP/1.1\r\n\r\n", .badRequest), ("GET / HTTP/1.1\r\nno colon\r\n\r\n", .badRequest),
      ("GET / HTTP/1.1\r\nA: 1\r\n folded\r\n\r\n", .badRequest), ("GET / HTTP/2.0\r\n\r\n", .versionNotSupported),
    ])
  func malformed(text: String, status: PreviewResponse.Status) {
    #expect(parse(text) == .rejected(status))
  }

  @Test("the responder answers GET and HEAD with files, other methods with 405, limits with their status")
  func responder() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "preview-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try TestFiles.write("<p>hi</p>", to: folder + "/index.html")
    let responder = PreviewResponder(resolver: StaticFileResolver(root: folder))
    func head(_ method: String, _ target: String) -> RequestHead {
      RequestHead(method: method, target: target, version: "HTTP/1.1", headers: [])
    }
    let get = responder.response(to: head("GET", "/"))
    #expect(get.status == .ok)
    #expect(String(decoding: get.serialized, as: UTF8.self).hasSuffix("\r\n\r\n<p>hi</p>"))
    let headOnly = String(decoding: responder.response(to: head("HEAD", "/index.html")).serialized, as: UTF8.self)
    #expect(headOnly.contains("Content-Length: 9\r\n"))
    #expect(headOnly.hasSuffix("\r\n\r\n"))
    #expect(responder.response(to: head("POST", "/")).status == .methodNotAllowed)
    #expect(responder.response(to: head("GET", "/%2e%2e/x")).status == .forbidden)
    #expect(responder.response(to: .rejected(.uriTooLong))?.serialized.starts(with: Data("HTTP/1.1 414 URI Too Long\r\n".utf8)) == true)
    #expect(responder.response(to: .needMore) == nil)
  }
}
