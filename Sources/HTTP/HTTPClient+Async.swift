internal import Foundation

extension HTTPClient {
  /// `get(_:headers:)` for async code: the blocking transfer runs on a thread of its own, so it never holds one
  /// of Swift's shared concurrency threads (there is one per CPU; blocking them starves every other task).
  /// - Throws: as `get(_:headers:)`.
  public func get(_ url: String, headers: [String: String] = [:]) async throws(HTTPError) -> HTTPResponse {
    try await Self.onOwnThread { () throws(HTTPError) in try self.get(url, headers: headers) }
  }

  /// `post(_:body:contentType:headers:)` for async code, on a thread of its own like the async `get`.
  /// - Throws: as `get(_:headers:)`.
  public func post(
    _ url: String, body: [UInt8], contentType: String = "application/json", headers: [String: String] = [:]
  ) async throws(HTTPError) -> HTTPResponse {
    try await Self.onOwnThread { () throws(HTTPError) in
      try self.post(url, body: body, contentType: contentType, headers: headers)
    }
  }

  /// `post(_:text:contentType:headers:)` for async code, on a thread of its own like the async `get`.
  /// - Throws: as `get(_:headers:)`.
  public func post(
    _ url: String, text: String, contentType: String = "application/json", headers: [String: String] = [:]
  ) async throws(HTTPError) -> HTTPResponse {
    try await post(url, body: Array(text.utf8), contentType: contentType, headers: headers)
  }

  private static func onOwnThread(
    _ work: @escaping @Sendable () throws(HTTPError) -> HTTPResponse
  ) async throws(HTTPError) -> HTTPResponse {
    let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, HTTPError>, Never>) in
      let thread = Thread {
        do throws(HTTPError) {
          continuation.resume(returning: .success(try work()))
        } catch {
          continuation.resume(returning: .failure(error))
        }
      }
      thread.name = "HTTPClient transfer"
      thread.start()
    }
    return try result.get()
  }
}
