import Execution

/// Renders the environment stamp of an executed lesson: when its cells ran, on what machine, with which Swift,
/// and how long the lesson took, so that readers know what the numbers on the page mean.
public enum EnvironmentStampRenderer {
  /// A `<p class="environment-stamp">` paragraph for `stamp` (all text escaped).
  public static func render(_ stamp: EnvironmentStamp) -> String {
    let gibibytes = Double(stamp.memoryBytes) / Double(1 << 30)
    let memory = "\((gibibytes * 10).rounded() / 10) GiB"
    var text = "The cells on this page ran on \(stamp.date) on \(stamp.operatingSystem), \(stamp.cpuModel) "
    text += "(\(stamp.logicalCPUs) logical CPUs, \(memory) of memory), with \(stamp.swiftVersion); "
    text += "the lesson's program took \(CellRenderer.duration(stamp.totalSeconds))"
    if let servers = stamp.servers {
      text += servers == "live" ? ", talking to the live servers" : ", talking to local stand-in servers"
    }
    return "<p class=\"environment-stamp\">\(HTMLEscaping.escape(text)).</p>\n"
  }
}
