import Lessons
import Testing

/// Front matter fields, as real GTN files write them.
struct FrontMatterTests {
  @Test(
    "time_estimation forms become minutes",
    arguments: [
      ("30M", 30), ("1H", 60), ("\"30m\"", 30), ("1H30M", 90), ("5H", 300), ("\"1h\"", 60), ("40M", 40),
      ("1h 15m", 75), ("45", 45),
    ])
  func timeEstimation(text: String, minutes: Int) {
    let lesson = LessonTestSupport.parse("", frontMatter: "title: T\ntime_estimation: \(text)")
    #expect(lesson.frontMatter.timeEstimation?.minutes == minutes)
    #expect(lesson.diagnostics.isEmpty)
  }

  @Test("a time_estimation that is not a duration is a warning on its line", arguments: ["soon", "H", "1X"])
  func badTimeEstimation(text: String) {
    let lesson = LessonTestSupport.parse("", frontMatter: "title: T\nlevel: Advanced\ntime_estimation: \(text)")
    #expect(lesson.frontMatter.timeEstimation == nil)
    #expect(lesson.diagnostics.contains { $0.severity == .warning && $0.line == 4 })
  }

  @Test("env: names the builder's variables a lesson program may see; what is not a name is a warning")
  func environmentNames() {
    let lesson = LessonTestSupport.parse("", frontMatter: "title: T\nenv: [GALAXY_API_KEY, _X1, 1BAD, \"A B\"]")
    #expect(lesson.frontMatter.environment == ["GALAXY_API_KEY", "_X1"])
    #expect(lesson.diagnostics.filter { $0.severity == .warning }.count == 2)
    #expect(LessonTestSupport.parse("", frontMatter: "title: T\nenv: TOKEN").frontMatter.environment == ["TOKEN"])
  }

  @Test("time shows as GTN writes it")
  func timeDescription() {
    #expect(TimeEstimation(minutes: 90).description == "1 hour 30 minutes")
    #expect(TimeEstimation(minutes: 120).description == "2 hours")
    #expect(TimeEstimation(minutes: 45).description == "45 minutes")
  }

  @Test("every field is read: lists, contributions, abbreviations in order, notebook, stand-ins, unknown keys")
  func allFields() throws {
    let yaml = """
      layout: tutorial_hands_on
      title: "Python - Multiprocessing"
      level: Advanced
      zenodo_link: https://zenodo.org/x
      questions:
      - How?
      - "Why `this`?"
      objectives: [One, Two]
      key_points:
        # a comment inside a list
        - Point
      time_estimation: 1H30M
      requirements:
        - type: internal
          topic_name: data-science
          tutorials: [python-basics, python-flow]
      follow_up_training: []
      contributions:
        authorship: [hexylena]
        editing: [dirowa, bazante1]
        funding: [avans-atgm]
      abbreviations:
        GIL: Global Interpreter Lock
        API: Application Programming Interface
      notebook:
        language: python
      tags: [python, parallel]
      enable: false
      draft: true
      subtopic: python-modular
      priority: 20
      galaxy_stand_ins:
        - url: https://usegalaxy.org
          version: "24.1"
          latency: 0.3
        - url: https://usegalaxy.eu
      """
    let front = LessonTestSupport.parse("", frontMatter: yaml).frontMatter
    #expect(front.layout == "tutorial_hands_on")
    #expect(front.title == "Python - Multiprocessing")
    #expect(front.level == "Advanced")
    #expect(front.zenodoLink == "https://zenodo.org/x")
    #expect(front.questions == ["How?", "Why `this`?"])
    #expect(front.objectives == ["One", "Two"])
    #expect(front.keyPoints == ["Point"])
    #expect(front.timeEstimation?.minutes == 90)
    let requirement = try #require(front.requirements.first)
    #expect(requirement.type == "internal" && requirement.topicName == "data-science")
    #expect(requirement.tutorials == ["python-basics", "python-flow"])
    #expect(front.followUpTraining.isEmpty)
    #expect(front.contributions["editing"] == ["dirowa", "bazante1"])
    #expect(front.contributors == ["hexylena", "dirowa", "bazante1", "avans-atgm"])
    #expect(front.abbreviations.map(\.short) == ["GIL", "API"])
    #expect(front.abbreviations.first?.expansion == "Global Interpreter Lock")
    #expect(front.notebookLanguage == "python")
    #expect(front.tags == ["python", "parallel"])
    #expect(front.enabled == false)
    #expect(front.draft == true)
    #expect(front.extra["subtopic"] == "python-modular")
    #expect(front.extra["priority"] == "20")
    #expect(front.standInServers.count == 2)
    #expect(front.standInServers.first == StandInServer(url: "https://usegalaxy.org", version: "24.1", latency: 0.3))
  }

  @Test("contributors: wins over contributions for the list of people")
  func contributorsList() {
    let front = LessonTestSupport.parse("", frontMatter: "title: T\ncontributors:\n  - annasyme\n  - bebatut").frontMatter
    #expect(front.contributors == ["annasyme", "bebatut"])
  }

  @Test("broken YAML is an error at the file line of the problem")
  func brokenYAML() throws {
    let lesson = LessonTestSupport.parse("# Body\n", frontMatter: "title: T\nquestions:\n  - [unclosed\nlevel: x")
    let error = try #require(lesson.diagnostics.first { $0.severity == .error })
    #expect(error.file == "/tmp/lesson/tutorial.md")
    let line = try #require(error.line)
    #expect((4...6).contains(line), "YAML line mapped to the file: \(error)")
    #expect(error.description.hasPrefix("/tmp/lesson/tutorial.md:\(line)"))
  }

  @Test("a front matter that is never closed is an error; none at all is a warning")
  func missingFrontMatter() {
    let unclosed = LessonParser.parse(text: "---\ntitle: x\n# Body", file: "f.md", relativePath: "topics/t/tutorials/s")
    #expect(unclosed.diagnostics.contains { $0.severity == .error && $0.line == 1 })
    let none = LessonParser.parse(text: "# Body", file: "f.md", relativePath: "topics/t/tutorials/s")
    #expect(none.diagnostics.contains { $0.severity == .warning })
    #expect(none.frontMatter.title == "s")
    #expect(none.topic == "t")
  }
}
