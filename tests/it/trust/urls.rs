//! Script through URL fields: every address from site.yaml, front matter and bodies is parsed as
//! a URL and only http, https and mailto (with an address) pass; anything else is an error at
//! its line, and nothing is built.

use super::assert_at;
use crate::common::Content;

#[test]
fn script_in_every_url_field_is_an_error_at_its_line() {
    let p = Content::fixture("multi");
    p.replace(
        "site.yaml",
        "description:",
        "repository:\n  url: javascript:alert(document.cookie)\n  branch: main\n\
         accessibility:\n  contact: \"x@example.org\\\"><script>\"\n\
         cms:\n  script: \"https://cdn.example/decap.js\\\" onload=\\\"alert(1)\"\ndescription:",
    );
    let prog = "kommun/programme.md";
    p.replace(
        prog,
        "url: https://example.org/kontakt",
        "url: \" JavaScript:alert(2)\"",
    );
    p.replace(
        prog,
        "email: ideer@example.org",
        "email: \"ideer@example.org?cc=x\"\n  url: \"data:text/html,<b>\"",
    );
    p.replace(
        prog,
        "## Framtidsbild",
        "## Framtidsbild\n\n[a](javascript:alert(1)) <a href=\"vbscript:x\">b</a>\n\n\
         [c](jav&#x09;ascript:alert(1))\n\n<a href=\"https://exa mple.org/\">d</a> [e](https://example.org/ok)",
    );
    let action = "kommun/actions/belysning.md";
    let text = p.read(action);
    let text = text.replacen(
        "---\n",
        "---\ndocuments:\n  - {title: Plan, url: \"ftp://example.org/plan.pdf\"}\n",
        1,
    );
    p.write(action, text);

    let (code, report) = p.check();
    assert_eq!(code, 1, "{report}");
    assert_at(
        &p,
        &report,
        "error",
        "site.yaml",
        "url: javascript",
        "`repository.url`",
    );
    assert_at(
        &p,
        &report,
        "error",
        "site.yaml",
        "contact: ",
        "`accessibility.contact`",
    );
    assert_at(
        &p,
        &report,
        "error",
        "site.yaml",
        "script: ",
        "`cms.script`",
    );
    assert_at(
        &p,
        &report,
        "error",
        prog,
        "url: \" JavaScript",
        "`contact.url`",
    );
    assert_at(
        &p,
        &report,
        "error",
        prog,
        "email: \"ideer",
        "`ideas.email`",
    );
    assert_at(&p, &report, "error", prog, "url: \"data:", "`ideas.url`");
    assert_at(
        &p,
        &report,
        "error",
        prog,
        "[a](javascript",
        "link `javascript:alert(1)`",
    );
    assert_at(
        &p,
        &report,
        "error",
        prog,
        "[a](javascript",
        "link `vbscript:x`",
    );
    assert_at(&p, &report, "error", prog, "[c](jav", "control character");
    assert_at(
        &p,
        &report,
        "error",
        prog,
        "<a href=\"https://exa",
        "link `https://exa mple.org/`",
    );
    assert_at(
        &p,
        &report,
        "error",
        action,
        "url: \"ftp:",
        "not a web address",
    );
    assert!(
        !report.contains("example.org/ok"),
        "a good link was refused:\n{report}"
    );

    // `build` refuses the same content and writes nothing.
    let o = p.run(&["build", "--content", "content", "--output", "out"]);
    assert_eq!(crate::common::code(&o), 1);
    assert!(!p.tmp.path().join("out").exists());
}

#[test]
fn web_and_mail_addresses_still_build() {
    let p = Content::fixture("multi");
    p.replace(
        "site.yaml",
        "description:",
        "repository:\n  url: https://github.com/example/program\n\
         accessibility:\n  contact: webb@example.org\ndescription:",
    );
    p.replace(
        "kommun/programme.md",
        "url: https://example.org/kontakt",
        "url: \"mailto:kommun@example.org?subject=Hej\"",
    );
    let o = p.run(&["build", "--content", "content", "--output", "out"]);
    assert_eq!(crate::common::code(&o), 0, "{}", crate::common::both(&o));
    let page = std::fs::read_to_string(p.tmp.path().join("out/kommun/index.html")).unwrap();
    assert!(page.contains("mailto:kommun@example.org?subject=Hej"));
}
