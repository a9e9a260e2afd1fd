import Testing

@Test("the Execution test target builds") func ExecutionPlaceholder() {
  #expect(Bool(true))
}
