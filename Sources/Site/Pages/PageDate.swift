#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A lesson's last-modified date as the pages, the sitemap and the feed say it: ISO 8601 / RFC 3339 text
/// (`2026-11-29T18:07:34+01:00` from git, `2026-11-29T17:07:34Z` from a file's time), which `<time datetime>`,
/// sitemap `<lastmod>` and Atom `<updated>` all accept as is.
enum PageDate {
  /// A file modification time (nanoseconds since 1970) in UTC, to the second.
  static func iso(nanosecondsSince1970 nanoseconds: Int64) -> String {
    var seconds = time_t(nanoseconds / 1_000_000_000)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let year = String(Int(parts.tm_year) + 1900)
    return "\(year)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  /// Whether `text` starts like an ISO 8601 date and time (`YYYY-MM-DDThh:mm`) and holds nothing else than
  /// digits, `-+:.TZ`: dates reach the pages from git's output, so they are checked before use.
  static func isValid(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count >= 16, bytes.count <= 40, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T")
    else { return false }
    return bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || "-+:.TZ".utf8.contains($0) }
  }

  /// The day of `iso` as readers see it: `2026-11-29`.
  static func day(_ iso: String) -> String { String(iso.prefix(10)) }

  /// Seconds since 1970 of an ISO 8601 date and time with seconds and an offset (`…T18:07:34+01:00`, `…Z`), to
  /// order dates written with different offsets; nil when `iso` is not one.
  static func seconds(_ iso: String) -> Int64? {
    // By hand rather than with a Regex: the feed and the sitemap compare a date per lesson, and Swift's Regex costs
    // microseconds a match.
    let bytes = Array(iso.utf8)
    func number(_ start: Int, _ count: Int) -> Int32? {
      guard start + count <= bytes.count else { return nil }
      var value: Int32 = 0
      for byte in bytes[start..<start + count] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int32(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
      bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
      let minute = number(14, 2), let second = number(17, 2)
    else { return nil }
    var index = 19
    if bytes[index] == UInt8(ascii: ".") {
      index += 1
      let digits = bytes[index...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
      guard digits > 0 else { return nil }
      index += digits
    }
    var offset: Int64 = 0
    if index == bytes.count - 1, bytes[index] == UInt8(ascii: "Z") {
    } else if index == bytes.count - 6, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
      bytes[index + 3] == UInt8(ascii: ":"), let hours = number(index + 1, 2), let minutes = number(index + 4, 2)
    {
      offset = Int64(hours * 60 + minutes) * 60 * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
    } else {
      return nil
    }
    var parts = tm()
    parts.tm_year = year - 1900
    parts.tm_mon = month - 1
    parts.tm_mday = day
    parts.tm_hour = hour
    parts.tm_min = minute
    parts.tm_sec = second
    return Int64(timegm(&parts)) - offset
  }
}
