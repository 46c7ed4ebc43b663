//! A site's own `themes/<name>/` beside `content/` overrides the built-in
//! theme file by file (spec section 2).

use crate::common;

/// The multi-place fixture in a temporary folder, its site.yaml naming the theme `kommun`;
/// with the site.yaml as it was.
fn site_with_theme() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::copy_dir(&common::fixture("multi"), &content);
    let site = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        format!("{site}\ntheme: kommun\n"),
    )
    .unwrap();
    (tmp, content, site)
}

#[test]
fn a_site_theme_overrides_single_files() {
    let (tmp, content, site) = site_with_theme();
    let theme = tmp.path().join("themes/kommun");
    std::fs::create_dir_all(theme.join("static")).unwrap();
    std::fs::write(
        theme.join("static/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    std::fs::write(
        theme.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block main %}<h1>Sidan är borta</h1>{% endblock main %}",
    )
    .unwrap();
    std::fs::create_dir_all(theme.join("i18n")).unwrap();
    let sv = std::fs::read_to_string("themes/default/i18n/sv.yaml").unwrap();
    std::fs::write(
        theme.join("i18n/sv.yaml"),
        sv.replace("ideas_heading: Har du en idé?", "ideas_heading: Tyck till!"),
    )
    .unwrap();

    let out = tmp.path().join("out");
    let o = common::build(&content, &out, None);
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
    assert!(
        out.join("static/logo.svg").is_file(),
        "the site's own file is added"
    );
    assert!(
        out.join("static/style.css").is_file(),
        "the default theme's files stay"
    );
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(
        not_found.contains("<h1>Sidan är borta</h1>"),
        "the site's template replaces the default one"
    );
    assert!(
        not_found.contains("class=\"site-header\""),
        "and still extends the default base template"
    );
    let page = std::fs::read_to_string(out.join("kommun/index.html")).unwrap();
    assert!(
        page.contains("<h2 id=\"ideas-heading\">Tyck till!</h2>"),
        "overridden string used"
    );

    // A theme named in site.yaml that does not exist is an error, and nothing is written.
    std::fs::write(
        content.join("site.yaml"),
        format!("{site}\ntheme: saknas\n"),
    )
    .unwrap();
    let before = common::snapshot(&out);
    let o = common::build(&content, &out, None);
    assert_ne!(common::code(&o), 0);
    assert!(
        common::both(&o).contains("theme `saknas` not found"),
        "{}",
        common::both(&o)
    );
    assert_eq!(common::snapshot(&out), before);
}

/// The Atom feed and the sitemap come from theme templates, so a site's theme can change them.
#[test]
fn a_site_theme_overrides_the_feed_and_the_sitemap() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    common::copy_dir(&common::fixture("multi"), &content);
    let site = std::fs::read_to_string(content.join("site.yaml")).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        format!("{site}\ntheme: kommun\n"),
    )
    .unwrap();
    let templates = tmp.path().join("themes/kommun/templates");
    std::fs::create_dir_all(&templates).unwrap();
    let feed = std::fs::read_to_string("themes/default/templates/feed.xml").unwrap();
    std::fs::write(
        templates.join("feed.xml"),
        feed.replace("<author>", "<rights>Kommunen</rights><author>"),
    )
    .unwrap();
    std::fs::write(
        templates.join("sitemap.xml"),
        "<urls>{% for url in data.urls %}<u>{{ url }}</u>{% endfor %}</urls>\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = common::build(&content, &out, None);
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
    let feed = std::fs::read_to_string(out.join("kommun/feed.xml")).unwrap();
    assert!(feed.contains("<rights>Kommunen</rights><author>"), "{feed}");
    assert!(feed.contains("<entry>"), "the entries are still there");
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.starts_with("<urls><u>https://"), "{sitemap}");
    assert!(sitemap.contains("/kommun/</u>"), "{sitemap}");
}

/// Every list item of the site comes from the theme's `item.html`: a site's theme restyles the
/// action lists, the lists on entity pages and the year pages with one file. A template that
/// fails while rendering is an error, and the site is not written.
#[test]
fn a_site_theme_restyles_every_list_item() {
    let (tmp, content, _) = site_with_theme();
    let templates = tmp.path().join("themes/kommun/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("item.html"),
        "<li class=\"rad\" lang=\"{{ lang }}\"><a href=\"{{ l.url }}\">{{ l.title }}</a>\
         {% if l.status %} <em>{{ l.status_label }}</em>{% endif %}</li>\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = common::build(&content, &out, None);
    assert_eq!(common::code(&o), 0, "{}", common::both(&o));
    let actions = std::fs::read_to_string(out.join("kommun/actions/index.html")).unwrap();
    assert!(
        actions.contains("<li class=\"rad\" lang=\"sv\"><a href=\"/progs/kommun/actions/"),
        "{actions}"
    );
    assert!(actions.contains("</a> <em>"), "the status label is shown");
    assert!(
        !actions.contains("<li class=\"item"),
        "no list item of the default theme is left"
    );
    // The lists of links to entities: action lists, entity pages, bodies, tags, a year's standing.
    for page in [
        "kommun/actions/by-year",
        "kommun/actions/by-ambition",
        "kommun/actions/by-responsible",
        "kommun/responsible/tekniska-forvaltningen",
        "tags/skola",
    ] {
        let html = std::fs::read_to_string(out.join(page).join("index.html")).unwrap();
        assert!(html.contains("<li class=\"rad\""), "{page} lists links");
        assert!(
            !html.contains("<li class=\"item"),
            "{page} still has a default list item"
        );
    }
    // Pages that also have lists of their own templates (indicators with their values, changes).
    for page in [
        "kommun/ambitions/hallbara-resor",
        "kommun/strategies/cykelvagar",
        "kommun/follow-up/2024",
    ] {
        let html = std::fs::read_to_string(out.join(page).join("index.html")).unwrap();
        assert!(html.contains("<li class=\"rad\""), "{page} lists links");
    }

    std::fs::write(
        templates.join("item.html"),
        "<li>{{ l.no_such_field }}</li>\n",
    )
    .unwrap();
    let before = common::snapshot(&out);
    let o = common::build(&content, &out, None);
    assert_ne!(common::code(&o), 0, "{}", common::both(&o));
    assert!(
        common::both(&o).contains("item.html"),
        "the error names the template: {}",
        common::both(&o)
    );
    assert_eq!(common::snapshot(&out), before, "nothing is written");
}
