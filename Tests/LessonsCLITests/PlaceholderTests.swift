import Testing

@Test("the LessonsCLI test target builds") func LessonsCLIPlaceholder() {
  #expect(Bool(true))
}
