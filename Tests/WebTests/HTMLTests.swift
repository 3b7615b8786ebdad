import Testing

@testable import Web

@Suite("HTML builder")
struct HTMLTests {
    @Test("text and attribute values are escaped; nil attributes are left out")
    func escapes() {
        let node = el("a", ["href": "/x?a=1&b=\"2\"", "title": nil]) { "<script>alert('x')</script>" }
        #expect(
            node.render()
                == #"<a href="/x?a=1&amp;b=&quot;2&quot;">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>"#)
    }

    @Test("void elements have no closing tag")
    func voids() {
        #expect(
            void("input", ["type": "text", "required": "required"]).render()
                == #"<input type="text" required="required">"#)
    }

    @Test("a city name with markup is shown as text on the page")
    func layoutEscapesContent() {
        let page = Layout.page(
            title: "<b>x</b>",
            context: PageContext(
                t: Translator(language: .english, catalogs: [:]), actor: nil, csrfToken: "t", path: "/")
        ) { el("p") { "<img src=x>" } }
        #expect(!page.contains("<img src=x>"))
        #expect(page.contains("&lt;img src=x&gt;"))
        #expect(page.contains(##"<a class="skip-link" href="#main">"##))
    }
}
