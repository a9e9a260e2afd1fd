import HTTP
import Testing

@Test("libcurl is linked") func curlIsLinked() {
  #expect(HTTP.curlVersion.contains("libcurl"))
}
