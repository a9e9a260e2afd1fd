/// The YAML front matter of a GTN lesson: what the page says about itself before its body.
///
/// Every field is optional in real files; missing lists are empty. Fields the builder does not know are kept in
/// `extra` (as YAML text) so that nothing an author wrote is lost.
public struct FrontMatter: Sendable, Hashable, Codable {
  /// GTN's page layout, e.g. `tutorial_hands_on`.
  public var layout: String?
  /// The page title; the tutorial folder's name when the front matter has none.
  public var title: String
  /// Introductory, Intermediate or Advanced.
  public var level: String?
  /// Questions the lesson answers (overview box).
  public var questions: [String]
  /// Learning objectives (overview box).
  public var objectives: [String]
  /// Key points shown at the end of the page.
  public var keyPoints: [String]
  /// Estimated time to follow the lesson, parsed from `30M`, `1H`, `"30m"`, `1H30M`.
  public var timeEstimation: TimeEstimation?
  /// What to follow first.
  public var requirements: [Requirement]
  /// What to follow next.
  public var followUpTraining: [Requirement]
  /// Contributor ids from `contributors:` or from every role of `contributions:`, in order, without repeats.
  public var contributors: [String]
  /// Roles from `contributions:` (authorship, editing, testing, funding, …) to contributor ids.
  public var contributions: [String: [String]]
  /// Abbreviation to expansion (`GIL: Global Interpreter Lock`), in the order written.
  public var abbreviations: [Abbreviation]
  /// Free tags.
  public var tags: [String]
  /// `notebook.language`, e.g. `python` or `swift`.
  public var notebookLanguage: String?
  /// The lesson's data on Zenodo, for `{{ page.zenodo_link }}`.
  public var zenodoLink: String?
  /// `enable: false` hides the lesson from the site.
  public var enabled: Bool
  /// `draft: true` builds the page but leaves it out of the index and sitemap.
  public var draft: Bool
  /// Stand-in servers the builder starts while it executes the lesson (`galaxy_stand_ins:`), see GalaxyStandIn.
  public var standInServers: [StandInServer]
  /// Names of the builder's environment variables the lesson's program may see (`env: [GALAXY_API_KEY]`), beyond
  /// the small set every lesson program gets; see docs/executed-lessons.md for the risk.
  public var environment: [String] = []
  /// `exclusive: true`: the lesson measures time, so the builder runs it alone (no other lesson compiles or runs
  /// meanwhile, whatever `--jobs` says). Not part of the results key: changing it keeps frozen results fresh.
  public var exclusive: Bool = false
  /// `optimize: true`: the lesson's program is compiled with `-O` (a lesson that measures speed), else `-Onone`
  /// (about a third of the compile time). The level joins the results key: it can change what the cells print.
  public var optimize: Bool = false
  /// `description:`, the page's summary for search engines and link previews (`<meta name="description">`).
  public var description: String?
  /// `lang:`, the language the lesson is written in (a BCP 47 tag such as `en`, `pt-BR`), for `<html lang>`; nil
  /// when absent or not a language tag (then a warning).
  public var language: String?
  /// Files the lesson's cells read (`data: [data/input.csv]`), relative to the lesson's folder: their contents join
  /// the results key, so that changing them makes the frozen results stale.
  public var dataFiles: [String] = []
  /// Keys the builder does not interpret (`subtopic`, `priority`, `redirect_from`, …), each with its value as
  /// YAML text, so that nothing an author wrote is lost.
  public var extra: [String: String] = [:]

  /// A front matter with only a title; lists empty, enabled, not a draft.
  public init(title: String) {
    self.title = title
    questions = []
    objectives = []
    keyPoints = []
    requirements = []
    followUpTraining = []
    contributors = []
    contributions = [:]
    abbreviations = []
    tags = []
    enabled = true
    draft = false
    standInServers = []
  }
}

/// A lesson's time estimation, kept as minutes and shown as GTN does ("1 hour 30 minutes").
public struct TimeEstimation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The estimation in minutes.
  public var minutes: Int
  /// Creates an estimation of `minutes`.
  public init(minutes: Int) { self.minutes = minutes }

  /// Parses GTN's forms: `30M`, `1H`, `"30m"`, `1H30M`, `5H`, `1h 30m`, and a bare number of minutes.
  /// Returns nil for anything else.
  public init?(parsing text: String) {
    var total = 0
    var number: Int?
    var sawUnit = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "0"..."9":
        let digit = Int(scalar.value - 48)
        let (times, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times.addingReportingOverflow(digit)
        guard !overflow1, !overflow2, sum < 1_000_000 else { return nil }
        number = sum
      case "h", "H", "m", "M":
        guard let value = number else { return nil }
        total += scalar == "h" || scalar == "H" ? value * 60 : value
        number = nil
        sawUnit = true
      case " ", "\t":
        continue
      default:
        return nil
      }
    }
    if let number {
      guard !sawUnit else { return nil }
      total += number
    } else if !sawUnit {
      return nil
    }
    minutes = total
  }

  /// "1 hour 30 minutes", "45 minutes", "2 hours", as GTN shows it.
  public var description: String {
    let hours = minutes / 60
    let rest = minutes % 60
    var parts: [String] = []
    if hours > 0 { parts.append(hours == 1 ? "1 hour" : "\(hours) hours") }
    if rest > 0 || hours == 0 { parts.append(rest == 1 ? "1 minute" : "\(rest) minutes") }
    return parts.joined(separator: " ")
  }
}

/// An entry of `requirements` or `follow_up_training`.
public struct Requirement: Sendable, Hashable, Codable {
  /// `internal` (another GTN tutorial), `external` (a link) or `none` (free text).
  public var type: String
  /// The topic of an internal requirement.
  public var topicName: String?
  /// Tutorial folder names within that topic.
  public var tutorials: [String]
  /// The title of an external or free-text requirement.
  public var title: String?
  /// The link of an external requirement.
  public var link: String?
  /// Creates a requirement.
  public init(type: String, topicName: String? = nil, tutorials: [String] = [], title: String? = nil, link: String? = nil) {
    self.type = type
    self.topicName = topicName
    self.tutorials = tutorials
    self.title = title
    self.link = link
  }
}

/// One entry of `abbreviations:`.
public struct Abbreviation: Sendable, Hashable, Codable {
  /// The abbreviation, e.g. `GIL`.
  public var short: String
  /// What it stands for.
  public var expansion: String
  /// Creates an abbreviation.
  public init(short: String, expansion: String) {
    self.short = short
    self.expansion = expansion
  }
}

/// A local HTTP server that stands in for a remote one while the lesson's cells run.
///
/// Front matter form:
/// ```yaml
/// galaxy_stand_ins:
///   - url: https://usegalaxy.org
///     version: "24.1"
///     latency: 0.3      # seconds before the answer
/// ```
public struct StandInServer: Sendable, Hashable, Codable {
  /// The real server's address the lesson code calls, e.g. `https://usegalaxy.org`.
  public var url: String
  /// The Galaxy version the stand-in reports.
  public var version: String
  /// Seconds the stand-in waits before answering.
  public var latency: Double
  /// Creates a stand-in description.
  public init(url: String, version: String, latency: Double) {
    self.url = url
    self.version = version
    self.latency = latency
  }
}
