import Foundation
import Glibc

/// Reads what the environment stamp reports about this machine: OS, kernel, CPU model, logical CPUs, memory and
/// the Swift compiler; read once per builder run.
enum EnvironmentProbe {
  /// The machine's description, computed once.
  static let machine: (os: String, cpu: String, cpus: Int, memory: UInt64) = {
    let osRelease = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
    let pretty = value(of: "PRETTY_NAME", in: osRelease, separator: "=").map { $0.trimmingCharacters(in: ["\""]) }
    var names = utsname()
    uname(&names)
    let kernel = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let system = withUnsafeBytes(of: &names.sysname) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let os = "\(pretty ?? system), \(system) \(kernel)"
    let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let cpu = value(of: "model name", in: cpuInfo, separator: ":") ?? "unknown CPU"
    let memInfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
    let kilobytes = value(of: "MemTotal", in: memInfo, separator: ":")
      .flatMap { UInt64($0.split(separator: " ").first ?? "") } ?? 0
    return (os, cpu, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), kilobytes * 1024)
  }()

  /// A stamp for a run that took `totalSeconds`, made now.
  static func stamp(totalSeconds: Double, servers: String?) -> EnvironmentStamp {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return EnvironmentStamp(
      date: formatter.string(from: Date()), operatingSystem: machine.os, cpuModel: machine.cpu,
      logicalCPUs: machine.cpus, memoryBytes: machine.memory, swiftVersion: Toolchain.compilerVersion ?? "unknown",
      totalSeconds: totalSeconds, servers: servers)
  }

  /// The value of the first `key<separator>value` line in `text`, trimmed.
  private static func value(of key: String, in text: String, separator: Character) -> String? {
    for line in text.split(separator: "\n") {
      guard let split = line.firstIndex(of: separator) else { continue }
      if line[..<split].trimmingCharacters(in: .whitespaces) == key {
        return line[line.index(after: split)...].trimmingCharacters(in: .whitespaces)
      }
    }
    return nil
  }
}
