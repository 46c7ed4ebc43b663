//! Synthetic content corpus for the scale benchmark (`bench/run.sh`).
//!
//! ```text
//! cargo run --release -p ambit-corpus --bin synth -- --places 20 --actions 450 OUT_DIR
//! cargo run --release -p ambit-corpus --bin synth -- --places 20 --actions 450 --hugo HUGO_DIR OUT_DIR
//! ```
//!
//! Writes a valid content tree (it passes `ambit check`) into `OUT_DIR`: `site.yaml` and, per
//! place, `programme.md`, areas, ambitions (each with an area), strategies, indicators with
//! yearly values and `--actions` actions spread over every status, with every action field
//! (done ones with `completed`; some actions of other places serve `place-01/<ambition>`).
//! Bodies are a few hundred words of Swedish-looking text with headings, lists, a table and
//! links. The output depends only on the arguments (a small inline PRNG, no clock).
//!
//! The defaults (3 areas, 10 ambitions, 22 strategies, 6 indicators per place: 41 entities,
//! plus the programme and 12 list, search, data and follow-up pages) make `--places 20
//! --actions 450` come to about 10,080 pages (20 × 504 + 3 site-wide pages with ambit's
//! default theme as of this writing).
//!
//! `--hugo DIR` also converts the written corpus into a Hugo site in `DIR` (`hugo.yaml` and
//! `content/`; the layouts are in `bench/hugo/`, passed to Hugo with `--themesDir bench
//! --theme hugo`). The conversion reads the content tree back, so `--hugo DIR --convert-only
//! CONTENT_DIR` converts any ambit content folder without generating one.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use clap::Parser;

#[derive(Debug, Parser)]
#[command(about = "Generate a synthetic ambit content corpus (and optionally a Hugo copy)")]
struct Args {
    /// Number of places (place-01 is the municipality)
    #[arg(long, default_value_t = 20)]
    places: usize,
    /// Actions per place
    #[arg(long, default_value_t = 450)]
    actions: usize,
    /// Areas per place
    #[arg(long, default_value_t = 3)]
    areas: usize,
    /// Ambitions per place (each in an area)
    #[arg(long, default_value_t = 10)]
    ambitions: usize,
    /// Strategies per place (each serving an ambition)
    #[arg(long, default_value_t = 22)]
    strategies: usize,
    /// Indicators per place (8 yearly values each)
    #[arg(long, default_value_t = 6)]
    indicators: usize,
    /// Seed of the pseudo-random generator
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Also write a Hugo site with the same pages into this folder
    #[arg(long)]
    hugo: Option<PathBuf>,
    /// Do not generate: OUT_DIR is an existing content folder to convert with --hugo
    #[arg(long)]
    convert_only: bool,
    /// Replace OUT_DIR (and the --hugo folder) if they exist
    #[arg(long)]
    force: bool,
    /// Content folder to write (or, with --convert-only, to read)
    out_dir: PathBuf,
}

fn main() {
    let args = Args::parse();
    if let Err(e) = run(&args) {
        eprintln!("synth: {e}");
        std::process::exit(2);
    }
}

fn run(args: &Args) -> Result<(), String> {
    if !args.convert_only {
        if args.places == 0 || args.ambitions == 0 {
            return Err("--places and --ambitions must be at least 1".into());
        }
        prepare_dir(&args.out_dir, args.force)?;
        let files = generate(args);
        let n = files.len();
        for (rel, text) in files {
            write(&args.out_dir.join(rel), &text)?;
        }
        eprintln!("synth: wrote {n} files into {}", args.out_dir.display());
    }
    if let Some(h) = &args.hugo {
        prepare_dir(h, args.force)?;
        let n = hugo::convert(&args.out_dir, h)?;
        eprintln!(
            "synth: wrote a Hugo site ({n} content files) into {}",
            h.display()
        );
    }
    Ok(())
}

fn prepare_dir(dir: &Path, force: bool) -> Result<(), String> {
    if dir.exists()
        && fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .next()
            .is_some()
    {
        if !force {
            return Err(format!(
                "{} exists and is not empty (use --force to replace it)",
                dir.display()
            ));
        }
        fs::remove_dir_all(dir).map_err(|e| format!("removing {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-random numbers (SplitMix64), one stream per file.

struct Rng(u64);

impl Rng {
    fn new(seed: u64, a: u64, b: u64, c: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
        for x in [a, b, c] {
            r.0 ^= x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
            r.next();
        }
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Swedish-looking text.

const NOUNS: &[&str] = &[
    "kommun",
    "ort",
    "by",
    "stadsdel",
    "samhälle",
    "förening",
    "skola",
    "förskola",
    "bibliotek",
    "park",
    "torg",
    "gata",
    "väg",
    "cykelväg",
    "gångväg",
    "busshållplats",
    "station",
    "hamn",
    "strand",
    "badplats",
    "skog",
    "sjö",
    "å",
    "ängen",
    "lekplats",
    "idrottsplats",
    "sporthall",
    "fritidsgård",
    "mötesplats",
    "bygdegård",
    "kyrka",
    "företag",
    "näringsliv",
    "arbetsplats",
    "bostad",
    "hyresrätt",
    "villa",
    "kvarter",
    "belysning",
    "trygghet",
    "gemenskap",
    "kultur",
    "konst",
    "musik",
    "evenemang",
    "marknad",
    "besökare",
    "invånare",
    "ungdomar",
    "barn",
    "äldre",
    "familjer",
    "nyanlända",
    "företagare",
    "pendlare",
    "kollektivtrafik",
    "service",
    "vårdcentral",
    "apotek",
    "butik",
    "livsmedelsbutik",
    "drivmedel",
    "bredband",
    "elnät",
    "laddstolpe",
    "dagvatten",
    "översvämning",
    "klimat",
    "miljö",
    "natur",
    "friluftsliv",
    "vandringsled",
    "utsiktsplats",
    "brygga",
    "parkering",
    "trafiksäkerhet",
    "hastighet",
    "övergångsställe",
    "skolväg",
    "medborgardialog",
    "samverkan",
    "handlingsplan",
    "utredning",
    "budget",
    "investering",
    "underhåll",
    "skötsel",
    "tillgänglighet",
    "delaktighet",
    "folkhälsa",
    "utbildning",
    "kompetens",
    "arbetsmarknad",
    "sysselsättning",
    "tillväxt",
    "attraktivitet",
    "identitet",
    "historia",
    "kulturmiljö",
    "centrum",
    "handel",
    "turism",
    "besöksnäring",
    "landsbygd",
    "vatten",
    "avlopp",
    "återvinning",
    "energi",
    "solceller",
];

const ADJECTIVES: &[&str] = &[
    "trygg",
    "levande",
    "hållbar",
    "tillgänglig",
    "grön",
    "attraktiv",
    "öppen",
    "gemensam",
    "lokal",
    "regional",
    "ny",
    "befintlig",
    "långsiktig",
    "tydlig",
    "aktiv",
    "säker",
    "bred",
    "inkluderande",
    "digital",
    "modern",
    "vacker",
    "enkel",
    "stark",
    "välskött",
    "belyst",
    "varierad",
    "kreativ",
    "ideell",
    "kommunal",
    "social",
    "ekonomisk",
    "ekologisk",
];

const VERBS: &[&str] = &[
    "utveckla",
    "stärka",
    "förbättra",
    "bygga",
    "rusta upp",
    "planera",
    "genomföra",
    "samordna",
    "främja",
    "skapa",
    "bevara",
    "synliggöra",
    "underlätta",
    "öka",
    "minska",
    "följa upp",
    "kartlägga",
    "anlägga",
    "förnya",
    "möjliggöra",
    "erbjuda",
    "prioritera",
    "involvera",
    "informera",
    "utreda",
    "finansiera",
    "driva",
    "samla",
    "pröva",
    "testa",
];

const FILLERS: &[&str] = &[
    "och",
    "för",
    "med",
    "i",
    "på",
    "av",
    "till",
    "att",
    "som",
    "där",
    "när",
    "under",
    "genom",
    "mellan",
    "runt",
    "efter",
    "både",
    "även",
    "samt",
    "inom",
    "utan",
    "hela",
    "varje",
    "flera",
    "många",
    "fler",
    "mer",
    "bättre",
    "tillsammans",
    "redan",
    "också",
    "nu",
    "snart",
    "länge",
];

const HEADINGS: &[&str] = &[
    "Bakgrund",
    "Varför?",
    "Vad ska lyckas?",
    "Så här gör vi",
    "Nuläge",
    "Mål",
    "Genomförande",
    "Uppföljning",
    "Samverkan",
    "Tidplan",
    "Finansiering",
    "Risker",
    "Erfarenheter",
    "Nästa steg",
];

const PLACE_PARTS: (&[&str], &[&str]) = (
    &[
        "Norr", "Söder", "Väster", "Öster", "Ny", "Gam", "Sjö", "Skogs", "Berg", "Ljung", "Ek",
        "Björk", "Hag", "Mal", "Tor", "Ås", "Lund", "Vik", "Holm", "Dal", "Kvarn", "Stens",
    ],
    &[
        "by", "hult", "stad", "torp", "ås", "vik", "näs", "lund", "dala", "holm", "berga", "sjö",
        "köping", "hamn", "fors", "mark", "ryd", "inge", "erud", "sund",
    ],
);

const ORGS: &[&str] = &[
    "Tekniska förvaltningen",
    "Kultur- och fritidsförvaltningen",
    "Barn- och ungdomsförvaltningen",
    "Samhällsbyggnadskontoret",
    "Kommunledningsförvaltningen",
    "Socialförvaltningen",
    "Samhällsföreningen",
    "Idrottsföreningen",
    "Hyresgästföreningen",
    "Företagarföreningen",
    "Bostadsbolaget",
    "Region Halland",
    "Trafikverket",
    "Länsstyrelsen",
    "Polisen",
    "Räddningstjänsten",
    "Destination Halmstad",
    "Hembygdsföreningen",
    "Studieförbundet",
];

const DECIDERS: &[&str] = &[
    "Kommunstyrelsen",
    "Kommunfullmäktige",
    "Tekniska nämnden",
    "Kultur- och fritidsnämnden",
    "Barn- och ungdomsnämnden",
    "Byggnadsnämnden",
    "Socialnämnden",
    "Styrgruppen",
];

const EFFORTS: &[&str] = &[
    "investering",
    "utredning",
    "evenemang",
    "skötsel",
    "samverkan",
    "information",
    "medborgardialog",
    "upphandling",
    "projekt",
    "företagssamverkan",
];

const ORIGINS: &[&str] = &[
    "Medborgardialog",
    "Byastämma",
    "Idélista",
    "Trygghetsvandring",
    "Enkät",
    "Ungdomsråd",
    "Föreningsmöte",
    "Medborgarförslag",
    "Verksamhetsplan",
];

const UNITS: &[&str] = &[
    "%",
    "antal",
    "index 0-10",
    "kr per invånare",
    "per 1 000 invånare",
    "minuter",
];

const SOURCES: &[&str] = &[
    "SCB",
    "Kolada",
    "Medborgarundersökningen",
    "Skolverket",
    "Polisens trygghetsmätning",
    "Egen mätning",
    "Trafikräkning",
    "Folkhälsomyndigheten",
];

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn word(r: &mut Rng) -> &'static str {
    match r.below(10) {
        0..=3 => r.pick(NOUNS),
        4 => r.pick(ADJECTIVES),
        5 => r.pick(VERBS),
        _ => r.pick(FILLERS),
    }
}

/// A sentence of `lo..=hi` words.
fn sentence(r: &mut Rng, lo: i64, hi: i64) -> String {
    let n = r.range(lo, hi) as usize;
    let mut s = String::new();
    for i in 0..n {
        let w = word(r);
        if i == 0 {
            s.push_str(&capitalize(w));
        } else {
            s.push(' ');
            match r.below(40) {
                0 => write!(s, "**{w}**").unwrap(),
                1 => write!(s, "*{w}*").unwrap(),
                _ => s.push_str(w),
            }
            if i + 1 < n && r.chance(6) {
                s.push(',');
            }
        }
    }
    s.push('.');
    s
}

/// A plain sentence (no emphasis) for titles and summaries.
fn plain(r: &mut Rng, lo: i64, hi: i64) -> String {
    let n = r.range(lo, hi) as usize;
    let mut words = Vec::with_capacity(n);
    for _ in 0..n {
        words.push(word(r));
    }
    capitalize(&words.join(" "))
}

fn title(r: &mut Rng) -> String {
    format!(
        "{} {} {}",
        capitalize(r.pick(VERBS)),
        r.pick(ADJECTIVES),
        r.pick(NOUNS)
    )
}

fn paragraph(r: &mut Rng, sentences: usize) -> String {
    let mut p = String::new();
    for i in 0..sentences {
        if i > 0 {
            p.push(' ');
        }
        p.push_str(&sentence(r, 6, 16));
    }
    wrap(&p)
}

/// Wraps text at about 100 columns, as editors do.
fn wrap(text: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for w in text.split(' ') {
        if col > 0 && col + w.len() > 100 {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.chars().count();
    }
    out
}

/// YAML double-quoted scalar.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// ASCII slug as ambit's `slugify` makes it.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ó' => 'o',
            'é' | 'è' => 'e',
            'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Links an entity's body may carry: (text, target).
struct BodyLinks<'a> {
    internal: Vec<(&'a str, String)>,
}

/// A body of roughly `words` words: headings, paragraphs, a list, a table and links.
fn body(r: &mut Rng, words: usize, links: &BodyLinks) -> String {
    let mut b = String::new();
    let mut count = 0;
    let mut section = 0;
    let mut heads: Vec<&str> = Vec::new();
    while count < words {
        let mut h = r.pick(HEADINGS);
        while heads.contains(&h) && heads.len() < HEADINGS.len() {
            h = r.pick(HEADINGS);
        }
        heads.push(h);
        writeln!(b, "## {h}\n").unwrap();
        let n = r.range(3, 5) as usize;
        let p = paragraph(r, n);
        count += p.split_whitespace().count();
        writeln!(b, "{p}\n").unwrap();
        match section % 4 {
            0 => {
                for _ in 0..r.range(3, 5) {
                    let item = plain(r, 4, 9);
                    count += item.split_whitespace().count();
                    writeln!(b, "- {item}").unwrap();
                }
                b.push('\n');
            }
            1 => {
                writeln!(b, "| Del | Ansvar | År |\n| --- | --- | ---: |").unwrap();
                for _ in 0..r.range(3, 5) {
                    writeln!(
                        b,
                        "| {} | {} | {} |",
                        title(r),
                        r.pick(ORGS),
                        r.range(2021, 2030)
                    )
                    .unwrap();
                    count += 6;
                }
                b.push('\n');
            }
            2 => {
                let mut p = sentence(r, 6, 12);
                p.pop();
                write!(
                    p,
                    " – läs mer på [kommunens webbplats](https://example.org/{}/{}).",
                    slug(r.pick(NOUNS)),
                    r.below(1000)
                )
                .unwrap();
                if let Some((text, target)) =
                    links.internal.get(r.below(links.internal.len().max(1)))
                {
                    write!(p, " Se även [{text}]({target}).").unwrap();
                }
                count += p.split_whitespace().count();
                writeln!(b, "{}\n", wrap(&p)).unwrap();
            }
            _ => {
                let n = r.range(2, 4) as usize;
                let p = paragraph(r, n);
                count += p.split_whitespace().count();
                writeln!(b, "{p}\n").unwrap();
            }
        }
        section += 1;
    }
    b.truncate(b.trim_end().len());
    b.push('\n');
    b
}

// ---------------------------------------------------------------------------------------------
// The corpus.

const STATUSES: [(&str, usize); 6] = [
    ("idea", 15),
    ("prioritised", 10),
    ("planned", 20),
    ("ongoing", 20),
    ("done", 30),
    ("cancelled", 5),
];

struct Place {
    id: String,
    name: String,
    areas: Vec<String>,
    ambitions: Vec<String>,
    /// Strategy ids with the index of the ambition they serve.
    strategies: Vec<(String, usize)>,
}

fn place_id(p: usize) -> String {
    format!("place-{:02}", p + 1)
}

fn plan(args: &Args) -> Vec<Place> {
    (0..args.places)
        .map(|p| {
            let mut r = Rng::new(args.seed, p as u64, 99, 0);
            let name = if p == 0 {
                "Storköping".to_string()
            } else {
                format!("{}{}", r.pick(PLACE_PARTS.0), r.pick(PLACE_PARTS.1))
            };
            let id_of = |r: &mut Rng, prefix: &str, i: usize| {
                format!(
                    "{prefix}{:02}-{}-{}",
                    i + 1,
                    slug(r.pick(ADJECTIVES)),
                    slug(r.pick(NOUNS))
                )
            };
            let areas = (0..args.areas)
                .map(|i| id_of(&mut r, "omrade-", i))
                .collect();
            let ambitions = (0..args.ambitions).map(|i| id_of(&mut r, "a", i)).collect();
            let strategies = (0..args.strategies)
                .map(|i| (id_of(&mut r, "s", i), i % args.ambitions))
                .collect();
            Place {
                id: place_id(p),
                name,
                areas,
                ambitions,
                strategies,
            }
        })
        .collect()
}

fn generate(args: &Args) -> Vec<(PathBuf, String)> {
    let places = plan(args);
    let mut files = vec![(
        PathBuf::from("site.yaml"),
        "title: Utvecklingsprogram i Storköpings kommun\nlanguage: sv\nbase_url: https://example.org/utvecklingsprogram/\n\
         description: Syntetiskt testmaterial för prestandamätning av ambit.\nrepository:\n  url: https://github.com/example/utvecklingsprogram\n  \
         branch: main\n  content_dir: content\naccessibility:\n  contact: webb@example.org\n  reviewed: 2026-10-01\n"
            .to_string(),
    )];
    for (p, place) in places.iter().enumerate() {
        let dir = PathBuf::from(&place.id);
        files.push((dir.join("programme.md"), programme(args, p, place)));
        for (i, id) in place.areas.iter().enumerate() {
            files.push((
                dir.join("areas").join(format!("{id}.md")),
                area(args, p, i, place),
            ));
        }
        for (i, id) in place.ambitions.iter().enumerate() {
            files.push((
                dir.join("ambitions").join(format!("{id}.md")),
                ambition(args, p, i, place),
            ));
        }
        for (i, (id, _)) in place.strategies.iter().enumerate() {
            files.push((
                dir.join("strategies").join(format!("{id}.md")),
                strategy(args, p, i, place),
            ));
        }
        for i in 0..args.indicators {
            let (id, text) = indicator(args, p, i, place);
            files.push((dir.join("indicators").join(format!("{id}.md")), text));
        }
        for i in 0..args.actions {
            let (id, text) = action(args, p, i, place, &places[0]);
            files.push((dir.join("actions").join(format!("{id}.md")), text));
        }
    }
    files
}

fn programme(args: &Args, p: usize, place: &Place) -> String {
    let mut r = Rng::new(args.seed, p as u64, 100, 0);
    let kind = if p == 0 {
        "municipality"
    } else {
        ["town", "district", "village"][p % 3]
    };
    let from = 2020 + (p % 4) as i64;
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}",
        q(&format!("Utvecklingsprogram för {}", place.name))
    )
    .unwrap();
    writeln!(s, "summary: {}", q(&format!("{}.", plain(&mut r, 10, 18)))).unwrap();
    writeln!(
        s,
        "place: {}\nplace_kind: {kind}\nmunicipality: Storköpings kommun",
        q(&place.name)
    )
    .unwrap();
    writeln!(
        s,
        "adopted:\n  by: {}\n  on: {from}-0{}-1{}",
        r.pick(DECIDERS),
        r.range(1, 9),
        r.range(0, 9)
    )
    .unwrap();
    writeln!(s, "period:\n  from: {from}\n  to: {}", from + 4).unwrap();
    writeln!(s, "review: {}", q(&format!("{}.", plain(&mut r, 8, 14)))).unwrap();
    writeln!(
        s,
        "partners:\n  - {}\n  - {}\n  - {}",
        r.pick(ORGS),
        r.pick(ORGS),
        r.pick(DECIDERS)
    )
    .unwrap();
    writeln!(
        s,
        "contact:\n  name: {}\n  email: {}@example.org\n  url: https://example.org/{}",
        r.pick(ORGS),
        place.id,
        place.id
    )
    .unwrap();
    writeln!(
        s,
        "ideas:\n  url: https://example.org/ideer/{}\n  text: {}",
        place.id,
        q(&format!("{}.", plain(&mut r, 8, 14)))
    )
    .unwrap();
    writeln!(s, "tags:\n  - {}\n  - {}", r.pick(NOUNS), r.pick(NOUNS)).unwrap();
    s.push_str("---\n\n");
    let links = BodyLinks {
        internal: place
            .ambitions
            .iter()
            .take(3)
            .map(|a| ("ambitionen", format!("ambitions/{a}.md")))
            .collect(),
    };
    s.push_str(&body(&mut r, 700, &links));
    s
}

fn area(args: &Args, p: usize, i: usize, place: &Place) -> String {
    let mut r = Rng::new(args.seed, p as u64, 0, i as u64);
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}\nsummary: {}\norder: {}",
        q(&title(&mut r)),
        q(&format!("{}.", plain(&mut r, 8, 16))),
        i + 1
    )
    .unwrap();
    s.push_str("---\n\n");
    let links = BodyLinks {
        internal: vec![("programmet", "../programme.md".into())],
    };
    s.push_str(&body(&mut r, 220, &links));
    let _ = place;
    s
}

fn ambition(args: &Args, p: usize, i: usize, place: &Place) -> String {
    let mut r = Rng::new(args.seed, p as u64, 1, i as u64);
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}\nsummary: {}",
        q(&title(&mut r)),
        q(&format!("{}.", plain(&mut r, 10, 18)))
    )
    .unwrap();
    let area = (!place.areas.is_empty()).then(|| i % place.areas.len());
    match area {
        Some(a) => writeln!(
            s,
            "order: \"{}.{}\"\narea: {}",
            a + 1,
            i / place.areas.len() + 1,
            place.areas[a]
        )
        .unwrap(),
        None => writeln!(s, "order: {}", i + 1).unwrap(),
    }
    if r.chance(50) {
        writeln!(s, "tags:\n  - {}\n  - {}", r.pick(NOUNS), r.pick(NOUNS)).unwrap();
    }
    s.push_str("---\n\n");
    let mut internal = Vec::new();
    if let Some(a) = area {
        internal.push(("området", format!("../areas/{}.md", place.areas[a])));
    }
    s.push_str(&body(&mut r, 320, &BodyLinks { internal }));
    s
}

fn strategy(args: &Args, p: usize, i: usize, place: &Place) -> String {
    let mut r = Rng::new(args.seed, p as u64, 2, i as u64);
    let (_, amb) = &place.strategies[i];
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}\nsummary: {}\norder: {}",
        q(&title(&mut r)),
        q(&format!("{}.", plain(&mut r, 8, 16))),
        i + 1
    )
    .unwrap();
    writeln!(s, "ambition: {}", place.ambitions[*amb]).unwrap();
    s.push_str("---\n\n");
    let internal = vec![(
        "ambitionen",
        format!("../ambitions/{}.md", place.ambitions[*amb]),
    )];
    s.push_str(&body(&mut r, 250, &BodyLinks { internal }));
    s
}

fn indicator(args: &Args, p: usize, i: usize, place: &Place) -> (String, String) {
    let mut r = Rng::new(args.seed, p as u64, 3, i as u64);
    let t = title(&mut r);
    let id = format!("i{:02}-{}", i + 1, slug(r.pick(NOUNS)));
    let unit = r.pick(UNITS);
    let up = r.chance(70);
    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}\nsummary: {}\norder: {}",
        q(&t),
        q(&format!("{}.", plain(&mut r, 8, 16))),
        i + 1
    )
    .unwrap();
    let a = i % place.ambitions.len();
    s.push_str("measures:\n");
    writeln!(s, "  - {}", place.ambitions[a]).unwrap();
    if let Some((sid, _)) = place.strategies.iter().find(|(_, sa)| *sa == a) {
        writeln!(s, "  - {sid}").unwrap();
    }
    writeln!(
        s,
        "unit: {}\nsource: {}",
        q(unit),
        q(&format!("{}, {}", r.pick(SOURCES), r.pick(NOUNS)))
    )
    .unwrap();
    writeln!(s, "direction: {}", if up { "up" } else { "down" }).unwrap();
    let mut v = r.range(200, 800) as f64 / 10.0;
    writeln!(
        s,
        "target:\n  value: {}\n  year: 2026",
        (v * if up { 1.2 } else { 0.8 }).round()
    )
    .unwrap();
    s.push_str("values:\n");
    for y in 2018..2026 {
        writeln!(s, "  - year: {y}\n    value: {v:.1}").unwrap();
        if r.chance(20) {
            writeln!(s, "    note: {}", q(&format!("{}.", plain(&mut r, 4, 9)))).unwrap();
        }
        v = (v + r.range(-30, 40) as f64 / 10.0).max(0.5);
    }
    s.push_str("---\n\n");
    let internal = vec![(
        "ambitionen",
        format!("../ambitions/{}.md", place.ambitions[a]),
    )];
    s.push_str(&body(&mut r, 180, &BodyLinks { internal }));
    (id, s)
}

fn action(
    args: &Args,
    p: usize,
    i: usize,
    place: &Place,
    municipality: &Place,
) -> (String, String) {
    let mut r = Rng::new(args.seed, p as u64, 4, i as u64);
    let t = title(&mut r);
    let id = format!("{}-{}", slug(&t), i + 1);
    // Statuses in fixed shares, spread over the list.
    let mut roll = (i * 37 + p * 11) % 100;
    let mut status = "idea";
    for (st, share) in STATUSES {
        if roll < share {
            status = st;
            break;
        }
        roll -= share;
    }
    // Every ambition of the place gets actions; about one in eight actions of the other
    // places serves an ambition of the municipality.
    let cross = p > 0 && i >= place.ambitions.len() && r.chance(12);
    let (owner, qual) = if cross {
        (municipality, format!("{}/", municipality.id))
    } else {
        (place, String::new())
    };
    let amb = if cross {
        r.below(owner.ambitions.len())
    } else {
        i % owner.ambitions.len()
    };
    let strategy = owner
        .strategies
        .iter()
        .filter(|(_, a)| *a == amb)
        .map(|(s, _)| s.clone())
        .collect::<Vec<_>>();

    let mut s = String::from("---\n");
    writeln!(
        s,
        "title: {}\nsummary: {}",
        q(&t),
        q(&format!("{}.", plain(&mut r, 10, 20)))
    )
    .unwrap();
    writeln!(s, "ambition: {qual}{}", owner.ambitions[amb]).unwrap();
    if !strategy.is_empty() && r.chance(85) {
        writeln!(s, "strategy: {qual}{}", strategy[r.below(strategy.len())]).unwrap();
    }
    writeln!(s, "status: {status}\neffort: {}", r.pick(EFFORTS)).unwrap();
    if r.chance(50) {
        writeln!(s, "responsible: {}", r.pick(ORGS)).unwrap();
    } else {
        writeln!(
            s,
            "responsible:\n  - {}\n  - {}",
            r.pick(ORGS),
            r.pick(ORGS)
        )
        .unwrap();
    }
    if r.chance(60) {
        writeln!(s, "funded_by: {}", r.pick(ORGS)).unwrap();
    } else {
        writeln!(
            s,
            "funded_by:\n  - Storköpings kommun\n  - {}",
            r.pick(ORGS)
        )
        .unwrap();
    }
    // Open actions are due from 2030 so that no build reports them late.
    let (listed, due_year) = match status {
        "done" | "cancelled" => {
            let l = r.range(2019, 2024);
            (l, l + r.range(0, 2))
        }
        _ => (r.range(2022, 2026), r.range(2030, 2034)),
    };
    match r.below(3) {
        0 => writeln!(s, "due: {due_year}").unwrap(),
        1 => writeln!(s, "due: \"{due_year}-{:02}\"", r.range(1, 12)).unwrap(),
        _ => writeln!(
            s,
            "due: {due_year}-{:02}-{:02}",
            r.range(1, 12),
            r.range(1, 28)
        )
        .unwrap(),
    }
    writeln!(s, "listed: {listed}").unwrap();
    if status == "done" {
        writeln!(
            s,
            "completed: {}-{:02}-{:02}",
            due_year.min(2025),
            r.range(1, 12),
            r.range(1, 28)
        )
        .unwrap();
    }
    writeln!(s, "decided_by: {}", r.pick(DECIDERS)).unwrap();
    writeln!(
        s,
        "budget:\n  amount: {}\n  currency: SEK",
        r.range(1, 400) * 5000
    )
    .unwrap();
    writeln!(s, "origin: {} {}", r.pick(ORIGINS), listed - r.range(0, 1)).unwrap();
    let progress = match status {
        "done" => Some(100),
        "ongoing" => Some(r.range(5, 95)),
        "planned" => Some(r.range(0, 10)),
        _ => None,
    };
    if let Some(pr) = progress {
        writeln!(s, "progress: {pr}").unwrap();
    }
    if r.chance(60) {
        writeln!(s, "tags:\n  - {}\n  - {}", r.pick(NOUNS), r.pick(NOUNS)).unwrap();
    }
    s.push_str("---\n\n");
    let amb_link = if cross {
        format!(
            "../../{}/ambitions/{}.md",
            municipality.id, owner.ambitions[amb]
        )
    } else {
        format!("../ambitions/{}.md", owner.ambitions[amb])
    };
    let internal = vec![("ambitionen", amb_link)];
    let words = r.range(220, 380) as usize;
    s.push_str(&body(&mut r, words, &BodyLinks { internal }));
    (id, s)
}

// ---------------------------------------------------------------------------------------------
// Conversion into a Hugo site.

mod hugo {
    use super::*;

    const FOLDERS: [(&str, &str, &str); 5] = [
        ("areas", "area", "Områden"),
        ("ambitions", "ambition", "Ambitioner"),
        ("strategies", "strategy", "Strategier"),
        ("indicators", "indicator", "Indikatorer"),
        ("actions", "action", "Åtgärder"),
    ];

    /// The front matter with `extra` lines added after the opening `---`.
    fn with_front(text: &str, extra: &str) -> Result<String, String> {
        let rest = text
            .strip_prefix("---\n")
            .ok_or("file does not start with front matter")?;
        Ok(format!("---\n{extra}{rest}"))
    }

    fn site_value(site: &str, key: &str) -> Option<String> {
        site.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}:")))
            .map(|v| v.trim().trim_matches('"').to_string())
    }

    /// Converts the content folder `content` into a Hugo site in `out`; returns the number of
    /// content files written.
    pub fn convert(content: &Path, out: &Path) -> Result<usize, String> {
        let read = |p: &Path| fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
        let site = read(&content.join("site.yaml"))?;
        let title = site_value(&site, "title").unwrap_or_default();
        let base_url = site_value(&site, "base_url").unwrap_or_else(|| "/".into());
        let lang = site_value(&site, "language").unwrap_or_else(|| "sv".into());
        let c = out.join("content");
        write(
            &out.join("hugo.yaml"),
            &format!(
                "baseURL: {base_url}\nlanguageCode: {lang}\ntitle: {}\ndisableKinds: [taxonomy, term]\n\
                 taxonomies: {{}}\nenableRobotsTXT: false\noutputs:\n  home: [HTML]\n  section: [HTML]\n  page: [HTML]\n\
                 markup:\n  goldmark:\n    extensions:\n      table: true\n      strikethrough: true\n      taskList: true\n      footnote: true\n    \
                 renderer:\n      unsafe: false\n\
                 params:\n  statuses: [idea, prioritised, planned, ongoing, done, cancelled]\n  status_labels:\n    idea: Idé\n    \
                 prioritised: Prioriterad\n    planned: Planerad\n    ongoing: Pågår\n    done: Genomförd\n    cancelled: Avbruten\n",
                q(&title)
            ),
        )?;
        let mut n = 0;
        let mut page = |rel: String, text: String| -> Result<(), String> {
            n += 1;
            write(&c.join(rel), &text)
        };
        page(
            "_index.md".into(),
            format!("---\ntitle: {}\n---\n", q(&title)),
        )?;
        page(
            "search.md".into(),
            "---\ntitle: Sök\ntype: search\n---\n".into(),
        )?;
        page(
            "accessibility.md".into(),
            "---\ntitle: Tillgänglighetsredogörelse\ntype: accessibility\n---\n".into(),
        )?;
        let mut places: Vec<PathBuf> = fs::read_dir(content)
            .map_err(|e| format!("{}: {e}", content.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("programme.md").is_file())
            .collect();
        places.sort();
        for dir in places {
            let id = dir.file_name().unwrap().to_string_lossy().to_string();
            let prog = read(&dir.join("programme.md"))?;
            page(
                format!("{id}/_index.md"),
                with_front(&prog, "type: programme\noutputs: [HTML, JSON, RSS]\n")?,
            )?;
            page(
                format!("{id}/search.md"),
                "---\ntitle: Sök\ntype: search\n---\n".into(),
            )?;
            page(
                format!("{id}/data.md"),
                "---\ntitle: Öppna data\ntype: data\noutputs: [HTML, JSON, CSV]\n---\n".into(),
            )?;
            page(
                format!("{id}/changes.md"),
                "---\ntitle: Förändringar\ntype: changes\n---\n".into(),
            )?;
            page(
                format!("{id}/follow-up.md"),
                "---\ntitle: Uppföljning\ntype: followup\n---\n".into(),
            )?;
            for (folder, kind, heading) in FOLDERS {
                let list_type = if kind == "action" {
                    "actionlist"
                } else {
                    "kindlist"
                };
                page(
                    format!("{id}/{folder}/_index.md"),
                    format!("---\ntitle: {heading}\ntype: {list_type}\nentity: {kind}\n---\n"),
                )?;
                if kind == "action" {
                    for (view, label) in [
                        ("year", "År"),
                        ("ambition", "Ambition"),
                        ("responsible", "Ansvarig"),
                    ] {
                        page(format!("{id}/actions/by-{view}.md"), format!("---\ntitle: {heading} per {label}\ntype: actionview\nview: {view}\n---\n"))?;
                    }
                }
                let Ok(entries) = fs::read_dir(dir.join(folder)) else {
                    continue;
                };
                let mut files: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "md"))
                    .collect();
                files.sort();
                for f in files {
                    let name = f.file_name().unwrap().to_string_lossy().to_string();
                    page(
                        format!("{id}/{folder}/{name}"),
                        with_front(&read(&f)?, &format!("type: {kind}\n"))?,
                    )?;
                }
            }
        }
        Ok(n)
    }
}
