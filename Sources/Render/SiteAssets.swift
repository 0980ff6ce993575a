/// The style sheet and the search script every site carries.
enum SiteAssets {
    /// The style sheet: readable text, the kinds' highlights (a tint, and an underline in the
    /// kind's colour and style), sentences set apart by a faint rule and shown on hover.
    static var styleSheet: String {
        var css = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1a1a1a; background: #ffffff; line-height: 1.5; }
            header.site, footer.site { background: #f3f3f3; padding: 0.5rem 1.5rem; }
            header.site a { font-weight: 600; color: #1a1a1a; }
            footer.site { color: #4d4d4d; font-size: 0.85rem; margin-top: 3rem; }
            main { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
            a { color: #0b4f8a; }
            h1 { font-size: 1.6rem; margin-top: 1.2rem; display: flex; align-items: center; gap: 0.5rem; }
            h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #dddddd; }
            h3 { font-size: 1.05rem; }
            dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
            dl.meta dt { font-weight: 600; color: #333333; }
            dl.meta dd { margin: 0; }
            code.iri { word-break: break-all; }
            .text { white-space: pre-wrap; font-family: Georgia, "DejaVu Serif", serif; font-size: 1.05rem; line-height: 1.9;
                max-width: 52rem; background: #fcfcfc; border: 1px solid #e2e2e2; padding: 1rem 1.25rem; overflow-wrap: anywhere; }
            .s { border-left: 1px solid #cfcfcf; padding-left: 2px; border-radius: 2px; }
            .s:hover { background: #f0f0f0; }
            .m { color: #000000; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px;
                padding: 0 1px; border-radius: 2px; }
            a.m:hover, a.m:focus { outline: 2px solid #1a1a1a; }
            .m .m { text-decoration-thickness: 1px; text-underline-offset: 6px; }
            .ctl { font-family: monospace; font-size: 0.8em; color: #8a1f00; background: #fff0e6; border: 1px solid #d9a98f; border-radius: 2px; }
            .legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; }
            .legend .note, .note { color: #444444; font-size: 0.9rem; }
            .swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; margin-right: 0.35em; vertical-align: -0.1em; }
            table { border-collapse: collapse; margin: 0.5rem 0; }
            th, td { text-align: left; padding: 0.25rem 0.6rem; border-bottom: 1px solid #e6e6e6; vertical-align: top; }
            table.kwic td.left { text-align: right; }
            table.kwic td { font-family: Georgia, "DejaVu Serif", serif; }
            table.kwic td.kw mark { background: #fff1a8; color: #000000; font-weight: 600; }
            ol.questions li, ol.answers li, ul.entity-questions li { margin-bottom: 0.6rem; }
            .qn { font-weight: 600; }
            .answer-link { font-weight: 600; }
            .unanswered { color: #555555; font-style: italic; }
            svg.network { max-width: 100%; height: auto; border: 1px solid #e2e2e2; background: #ffffff; }
            svg.network a:focus rect, svg.network a:hover rect { stroke: #000000; }
            #entity-search { font-size: 1rem; padding: 0.3rem 0.5rem; width: min(28rem, 100%); margin-left: 0.5rem; }
            #search-results .kind { color: #555555; font-size: 0.9rem; }
            ul.entity-list { columns: 18rem; list-style: none; padding-left: 0.5rem; }
            ul.entity-list .count { color: #555555; font-size: 0.85rem; }
            details summary { cursor: pointer; font-weight: 600; margin: 0.4rem 0; }

            """
        for category in EntityCategory.all {
            css += ".m-\(category.id) { background-color: \(category.tint); text-decoration-color: \(category.color); "
            css += "text-decoration-style: \(category.lineStyle); }\n"
            css += ".swatch.m-\(category.id) { background-color: \(category.color); }\n"
        }
        return css
    }

    /// The search box's script: finds entity names as the user types (case and accents
    /// ignored) and lists up to 50 as links. It builds the list with DOM calls and
    /// `textContent`, never with HTML strings, so no name can become markup.
    static let searchScript = """
        (function () {
          "use strict";
          var input = document.getElementById("entity-search");
          var list = document.getElementById("search-results");
          var status = document.getElementById("search-status");
          if (!input || !list || !status) { return; }
          var entities = window.TEXTGRAPH_ENTITIES || [];
          function fold(text) { return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase(); }
          var folded = entities.map(function (entry) { return fold(entry[0]); });
          var limit = 50;
          function show() {
            var query = fold(input.value.trim());
            while (list.firstChild) { list.removeChild(list.firstChild); }
            if (query === "") { status.textContent = ""; return; }
            var seen = {};
            var found = 0;
            for (var i = 0; i < entities.length && found < limit; i++) {
              var entry = entities[i];
              if (folded[i].indexOf(query) === -1 || seen[entry[2]]) { continue; }
              seen[entry[2]] = true;
              var item = document.createElement("li");
              var link = document.createElement("a");
              link.href = entry[2];
              link.textContent = entry[0];
              var kind = document.createElement("span");
              kind.className = "kind";
              kind.textContent = " " + entry[1] + ", " + entry[3] + (entry[3] === 1 ? " mention" : " mentions");
              item.appendChild(link);
              item.appendChild(kind);
              list.appendChild(item);
              found++;
            }
            status.textContent = found === 0 ? "No entity matches." : (found === limit ? "The first " + limit + " matches." : found + (found === 1 ? " entity matches." : " entities match."));
          }
          input.addEventListener("input", show);
          show();
        }());

        """
}
