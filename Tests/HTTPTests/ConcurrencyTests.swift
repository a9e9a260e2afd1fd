import Foundation
import GalaxyStandIn
import HTTP
import Synchronization
import Testing

/// Many requests at once from plain threads: every easy handle is private to its request.
@Suite("HTTP from many threads", .timeLimit(.minutes(1)))
struct ConcurrencyTests {
  @Test("64 requests from 8 threads all succeed with the right answer")
  func manyThreads() async throws {
    let servers = (0..<4).map {
      GalaxyStandIns.Server(url: "https://galaxy\($0).example", version: "24.\($0)", latency: 0.01)
    }
    let standIns = GalaxyStandIns(servers: servers)
    let client = HTTPClient(timeout: 20, urlMap: URLMap(try await standIns.start()))
    let answers = Mutex<[Int: String]>([:])
    let failures = Mutex<[String]>([])
    // Plain threads, not Dispatch: the blocking calls must not occupy the shared pool the servers run on.
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
      let remaining = Mutex(8)
      for thread in 0..<8 {
        Thread {
          for request in 0..<8 {
            let index = thread * 8 + request
            do {
              let version = try client.get("https://galaxy\(index % 4).example/api/version").requireSuccess()
                .json(as: [String: String].self)
              answers.withLock { $0[index] = version["version_major"] }
            } catch {
              failures.withLock { $0.append("\(error)") }
            }
          }
          if remaining.withLock({ count in
            count -= 1
            return count == 0
          }) {
            done.resume()
          }
        }.start()
      }
    }
    await standIns.stop()
    #expect(failures.withLock { $0 } == [])
    let result = answers.withLock { $0 }
    #expect(result.count == 64)
    #expect(result.allSatisfy { $0.value == "24.\($0.key % 4)" })
  }
}
