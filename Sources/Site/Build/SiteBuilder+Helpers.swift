import Dispatch
import Execution
import Lessons
import Synchronization

/// Steps shared by `build` and `check`: topic metadata, running lessons in parallel with progress, ordering
/// diagnostics, timing.
extension SiteBuilder {
  /// `site.yaml` with `--base-url` applied; a broken file is reported and the defaults are used. A `site.yaml`
  /// the scan did not take (a link leaving the content folder) is not read.
  func siteSettings(_ inventory: ContentInventory, diagnostics: inout [Diagnostic]) -> SiteSettings {
    var site = SiteSettings()
    do {
      if inventory.settings != nil {
        site = try SiteSettings.load(contentRoot: configuration.contentFolder)
        diagnostics += site.droppingInvalidValues(file: configuration.contentFolder + "/site.yaml")
      }
    } catch {
      diagnostics.append(error.diagnostic)
    }
    if let baseURL = configuration.baseURL { site.baseURL = baseURL }
    return site
  }

  /// Every topic's metadata; a broken metadata.yaml is an error diagnostic and the topic keeps its folder name.
  static func topicMetadata(
    _ inventory: ContentInventory, diagnostics: inout [Diagnostic]
  ) -> [String: TopicMetadata] {
    var result: [String: TopicMetadata] = [:]
    for topic in inventory.topics {
      do {
        result[topic.name] = try TopicMetadata.load(topic)
      } catch {
        diagnostics.append(error.diagnostic)
        result[topic.name] = TopicMetadata(title: topic.name)
      }
    }
    return result
  }

  /// The warnings for links the scan skipped (errors with `--strict`).
  func refusedLinks(_ inventory: ContentInventory) -> [Diagnostic] {
    configuration.strict ? LessonProcessor.strict(inventory.refused) : inventory.refused
  }

  static func process<Result: Sendable>(
    _ sources: [TutorialSource], jobs: Int, progress: @escaping @Sendable (BuildEvent) -> Void,
    _ work: @escaping @Sendable (TutorialSource, _ onStep: @escaping @Sendable (ExecutionStep) -> Void) -> Result
  ) -> [Result] {
    progress(.started(total: sources.count))
    // Events go out one at a time (under `done`'s lock), whichever thread runs the lesson.
    let done = Mutex(0)
    let started = Mutex(0)
    return parallelMap(sources, jobs: jobs) { source in
      let lesson = started.withLock { count in
        count += 1
        return count
      }
      let outcome = work(source) { step in
        done.withLock { _ in
          progress(.lessonStep(relativePath: source.relativePath, step: step, lesson: lesson, total: sources.count))
        }
      }
      done.withLock { count in
        count += 1
        progress(.lessonFinished(relativePath: source.relativePath, done: count, total: sources.count))
      }
      return outcome
    }
  }

  static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { left, right in
      if left.element.file != right.element.file { return left.element.file < right.element.file }
      if (left.element.line ?? 0) != (right.element.line ?? 0) {
        return (left.element.line ?? 0) < (right.element.line ?? 0)
      }
      return left.offset < right.offset
    }.map(\.element)
  }

  static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }
}
