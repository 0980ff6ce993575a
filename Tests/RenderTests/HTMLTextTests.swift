import Render
import Testing

@Suite struct HTMLTextTests {
    @Test func markupCharactersBecomeReferences() {
        #expect(HTMLText.escape("<b>\"A\" & 'B'</b>") == "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;")
        #expect(HTMLText.attribute("\" onmouseover=\"x") == "&quot; onmouseover=&quot;x")
    }

    @Test func bidirectionalControlsAreShownNotObeyed() {
        let escaped = HTMLText.escape("abc\u{202E}fed")
        #expect(!escaped.unicodeScalars.contains("\u{202E}"))
        #expect(escaped.contains("⟦RLO⟧"))
        #expect(!HTMLText.attribute("a\u{2066}b").unicodeScalars.contains("\u{2066}"))
    }

    @Test func controlCharactersBecomeReplacementCharacters() {
        #expect(HTMLText.escape("a\u{0}b\u{7}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
    }

    @Test func javaScriptStringsCannotCloseAScript() {
        let literal = HTMLText.javaScriptString("</script><script>alert(\"x\")</script>\u{2028}")
        #expect(!literal.contains("<"))
        #expect(!literal.contains("</script"))
        #expect(literal.hasPrefix("\"") && literal.hasSuffix("\""))
        #expect(literal.contains("\\u003C/script\\u003E"))
        #expect(literal.contains("\\u2028"))
    }
}
