import Testing

@Test("the Multiprocessing test target builds") func MultiprocessingPlaceholder() {
  #expect(Bool(true))
}
