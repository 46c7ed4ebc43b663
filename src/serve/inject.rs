//! The live-reload client: a small script added before `</body>` of every
//! HTML response (the files on disk are never changed). It listens to
//! `/__ambit/events` (server-sent events), reloads the page when a newer
//! build is there, and shows the errors of a failed build in an element with
//! id `ambit-error-overlay`. Also the page served while nothing could be
//! built yet.

/// Path of the server-sent events stream.
pub const EVENTS_PATH: &str = "/__ambit/events";

/// Id of the element that shows build errors.
pub const OVERLAY_ID: &str = "ambit-error-overlay";

const OVERLAY_STYLE: &str = "position:fixed;top:0;left:0;right:0;max-height:70vh;overflow:auto;z-index:2147483647;\
margin:0;padding:1rem 1.25rem;background:#3b0a0a;color:#fff;border-bottom:4px solid #e5484d;\
font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left;box-shadow:0 4px 16px rgba(0,0,0,.4)";

const CLIENT: &str = r#"(function () {
  var version = __VERSION__, id = __OVERLAY_ID__, style = __STYLE__;
  function hide() {
    var o = document.getElementById(id);
    if (o) o.parentNode.removeChild(o);
  }
  function show(s) {
    var o = document.getElementById(id);
    if (!o) {
      o = document.createElement('div');
      o.id = id;
      o.setAttribute('role', 'alert');
      o.style.cssText = style;
      (document.body || document.documentElement).appendChild(o);
    }
    o.textContent = '';
    var h = document.createElement('p');
    h.style.cssText = 'margin:0 0 .5rem;font-weight:bold';
    h.textContent = s.built ? 'ambit: the build failed. This is the last good version of the site; fix the files and it reloads.'
      : 'ambit: the site could not be built. Fix the files and this page reloads.';
    var pre = document.createElement('pre');
    pre.style.cssText = 'margin:0;white-space:pre-wrap;font:inherit';
    pre.textContent = s.errors.join('\n');
    o.appendChild(h);
    o.appendChild(pre);
  }
  if (!window.EventSource) return;
  var es = new EventSource(__EVENTS__);
  es.addEventListener('state', function (e) {
    var s;
    try { s = JSON.parse(e.data); } catch (_) { return; }
    if (!s.ok) show(s);
    else if (s.version !== version) { es.close(); location.reload(); }
    else hide();
  });
  window.addEventListener('pagehide', function () { es.close(); });
})();"#;

/// The `<script>` element for a page served from site `version`.
pub fn script(version: &str) -> String {
    let js = CLIENT
        .replace("__VERSION__", &js_string(version))
        .replace("__OVERLAY_ID__", &js_string(OVERLAY_ID))
        .replace("__STYLE__", &js_string(OVERLAY_STYLE))
        .replace("__EVENTS__", &js_string(EVENTS_PATH));
    format!("<script id=\"ambit-live-reload\">\n{js}\n</script>\n")
}

/// A JavaScript string literal that is also safe inside `<script>`.
fn js_string(s: &str) -> String {
    serde_json::to_string(s)
        .unwrap_or_else(|_| "\"\"".into())
        .replace("</", "<\\/")
}

/// `html` with the script inserted before its last `</body>` (or appended).
pub fn inject(html: &[u8], version: &str) -> Vec<u8> {
    let script = script(version);
    let at = find_last_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if haystack.len() < needle.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The page served for every path while no build has succeeded yet.
pub fn error_page(errors: &[String]) -> String {
    let lines = escape_html(&errors.join("\n"));
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Build failed · ambit serve</title>\n</head>\n<body>\n\
<div id=\"{OVERLAY_ID}\" role=\"alert\" style=\"{OVERLAY_STYLE}\"><p style=\"margin:0 0 .5rem;font-weight:bold\">\
ambit: the site could not be built. Fix the files and this page reloads.</p>\
<pre style=\"margin:0;white-space:pre-wrap;font:inherit\">{lines}</pre></div>\n{}</body>\n</html>\n",
        script("")
    )
}

use crate::util::escape::html as escape_html;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_last_body_end() {
        let html = b"<html><body><p>`</body>` in text</p>\n</BODY></html>";
        let out = String::from_utf8(inject(html, "v-1")).unwrap();
        let at = out.find("<script id=\"ambit-live-reload\">").unwrap();
        assert!(out[at..].contains("</BODY></html>"));
        assert!(out[..at].contains("in text</p>"));
        assert!(out.contains("var version = \"v-1\""));
        assert!(out.contains("\"/__ambit/events\""));
    }

    #[test]
    fn script_is_appended_without_body() {
        let out = String::from_utf8(inject(b"<p>hi</p>", "v")).unwrap();
        assert!(out.starts_with("<p>hi</p><script"));
    }

    #[test]
    fn error_page_escapes_errors() {
        let page = error_page(&["c/x.md:2:1: error: bad <script>alert(1)</script> & \"q\"".into()]);
        assert!(page.contains("id=\"ambit-error-overlay\""));
        assert!(page.contains(
            "c/x.md:2:1: error: bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"
        ));
        assert!(!page.contains("<script>alert"));
    }

    #[test]
    fn js_strings_cannot_close_the_script() {
        assert_eq!(js_string("a</script>"), "\"a<\\/script>\"");
    }
}
