import Testing

@Test("the Site test target builds") func SitePlaceholder() {
  #expect(Bool(true))
}
