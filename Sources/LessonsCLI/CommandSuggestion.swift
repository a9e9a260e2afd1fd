/// Recognises a mistyped command before the arguments reach the default command (`build`), which would otherwise
/// take `lessons biuld` for a lesson name and complain about that.
enum CommandSuggestion {
  /// The error for `arguments` (without the program name) when the first one names no command, nil when they
  /// are fine. A first argument that is an option, or a lesson name given to `--refresh`, is left alone.
  static func error(for arguments: [String], commands: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help" else {
      return nil
    }
    // `lessons my-lesson --refresh` runs the default command with a lesson name.
    if arguments.contains("--refresh") { return nil }
    let ranked = commands.map { (name: $0, distance: editDistance(first.lowercased(), $0)) }.min { $0.distance < $1.distance }
    if let ranked, ranked.distance <= max(1, ranked.name.count / 3) || ranked.name.hasPrefix(first.lowercased()) {
      return "unknown command '\(first)'; did you mean '\(ranked.name)'?"
    }
    return "unknown command '\(first)'; the commands are \(commands.joined(separator: ", "))"
  }

  /// The Damerau–Levenshtein distance (insertions, deletions, substitutions and swaps of neighbours, each 1).
  static func editDistance(_ left: String, _ right: String) -> Int {
    let a = Array(left), b = Array(right)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
