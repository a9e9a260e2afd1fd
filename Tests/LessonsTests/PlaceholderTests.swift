import Testing

@Test("the Lessons test target builds") func LessonsPlaceholder() {
  #expect(Bool(true))
}
