import Execution
import Lessons

/// How the pages say times, sizes and paths, in one place so that every page says them alike.
public enum PageFormatting {
  /// A time estimation as GTN shows it: `1 hour 30 minutes`, `45 minutes`, `2 hours`.
  public static func duration(minutes: Int) -> String {
    TimeEstimation(minutes: minutes).description
  }

  /// The prefix that leads from a page in `folder` (relative to the site root, `""` for the root) back to the
  /// root: `""`, `"../"`, `"../../../../"`. Every link on a page starts with it, so the site works from `file://`
  /// and under any sub-path.
  public static func root(fromFolder folder: String) -> String {
    String(repeating: "../", count: depth(folder))
  }

  /// How many non-empty path components `folder` has (`split(separator: "/").count`), counted on the bytes of
  /// ASCII paths (a `/` followed by a combining mark is no separator to `split`, so other paths go by characters).
  static func depth(_ folder: String) -> Int {
    guard folder.utf8.allSatisfy({ $0 < 0x80 }) else { return folder.split(separator: "/").count }
    var depth = 0
    var previous = UInt8(ascii: "/")
    for byte in folder.utf8 {
      if byte != UInt8(ascii: "/") && previous == UInt8(ascii: "/") { depth += 1 }
      previous = byte
    }
    return depth
  }

  /// Seconds, rounded for a reader: `0.42 s`, `12.3 s`, `2 min 5 s`; "unknown" for a time no run takes
  /// (negative, NaN, infinite, over a year: results files are untrusted).
  public static func seconds(_ value: Double) -> String {
    guard value.isFinite, value >= 0, value <= CellResult.plausibleSeconds else { return "unknown" }
    if value < 10 { return "\(rounded(value, places: 2)) s" }
    if value < 60 { return "\(rounded(value, places: 1)) s" }
    let whole = Int(value.rounded())
    return "\(whole / 60) min \(whole % 60) s"
  }

  /// Bytes in GiB with one decimal (any UInt64 fits: at most 1.7e10 GiB).
  public static func gibibytes(_ bytes: UInt64) -> String {
    "\(rounded(Double(bytes) / 1_073_741_824, places: 1)) GiB"
  }

  private static func rounded(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = scaled / Int(scale)
    let fraction = String(scaled % Int(scale))
    return "\(whole).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
  }
}
