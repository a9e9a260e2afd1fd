import Testing

@Test("the Charts test target builds") func ChartsPlaceholder() {
  #expect(Bool(true))
}
