//! compress: what `cargo xtask dist` does to dist/ after trunk — the stylesheets minified
//! (comments and spaces that carry no meaning), the JS glue minified by terser, and a `.gz` (gzip -9) and a `.br` (brotli,
//! quality 11) written beside every text and wasm file, for static hosts that serve
//! precompressed files. Pure text work and files under dist/; nothing else.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The stylesheets trunk copies into dist/ as they are in www/.
pub const STYLESHEETS: [&str; 3] = ["escalation.css", "page.css", "static.css"];

/// Files a host sends compressed: text and wasm (PNG images are compressed already).
const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "mjs", "css", "wasm", "svg", "json", "csv", "txt",
];

/// Around these, spaces never matter in CSS outside strings (`>` only in selectors and
/// media ranges, where the spaces around it are optional too).
const TIGHT: &[char] = &['{', '}', ';', ',', '>'];

/// `css` without comments and without the spaces no rule needs: none around `{ } ; , >`,
/// none after `:` (a space before a colon can be a descendant combinator, `.a :focus`, so it
/// stays), one wherever several were, no `;` before `}`. Quoted strings are kept exactly.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut previous = ' ';
            for inner in chars.by_ref() {
                if previous == '*' && inner == '/' {
                    break;
                }
                previous = inner;
            }
            pending_space = true;
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let last = out.chars().last();
        if pending_space
            && last.is_some_and(|l| !TIGHT.contains(&l) && l != ':')
            && !TIGHT.contains(&c)
        {
            out.push(' ');
        }
        pending_space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        if c == '"' || c == '\'' {
            // A string, escapes and all, as written.
            let mut escaped = false;
            for inner in chars.by_ref() {
                out.push(inner);
                if escaped {
                    escaped = false;
                } else if inner == '\\' {
                    escaped = true;
                } else if inner == c {
                    break;
                }
            }
        }
    }
    out
}

/// Minifies dist/'s stylesheets in place; returns the bytes saved.
pub fn minify_stylesheets(dist: &Path) -> Result<usize, String> {
    let mut saved = 0;
    for name in STYLESHEETS {
        let path = dist.join(name);
        let css =
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read dist/{name}: {e}"))?;
        let small = minify_css(&css);
        saved += css.len().saturating_sub(small.len());
        std::fs::write(&path, small).map_err(|e| format!("cannot write dist/{name}: {e}"))?;
    }
    Ok(saved)
}

/// Minifies wasm-bindgen's JS glue (dist/escalation.js) with terser, as an ES module
/// (compressed, names mangled, its exports kept); returns the bytes saved. The offline file
/// is written before this, from the glue as wasm-bindgen wrote it: its loader calls the
/// glue's `__wbg_init` by name.
pub fn minify_glue(tools: &crate::tools::Tools, dist: &Path) -> Result<usize, String> {
    let glue = dist.join("escalation.js");
    let before = std::fs::metadata(&glue)
        .map_err(|e| format!("cannot read dist/escalation.js: {e}"))?
        .len();
    let mut terser = tools.command("node");
    terser
        .arg(crate::tools::terser_cli(&tools.root))
        .arg(&glue)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(&glue);
    crate::tools::checked(terser, "terser (the JS glue)")?;
    let after = std::fs::metadata(&glue)
        .map_err(|e| format!("cannot read dist/escalation.js: {e}"))?
        .len();
    Ok(before.saturating_sub(after) as usize)
}

/// Whether a host would send `path` compressed (and so whether it gets `.gz` and `.br`).
pub fn is_compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

/// `path` with `suffix` added to its name (`a.js` → `a.js.br`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// `bytes` compressed with gzip -9, without a name or time in the header (so the same
/// input always makes the same file).
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("gzip has no stdin")?;
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("gzip failed: {e}"))?;
    writer
        .join()
        .map_err(|_| "gzip's writer panicked")?
        .map_err(|e| format!("cannot feed gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip failed ({})", out.status));
    }
    Ok(out.stdout)
}

/// `bytes` compressed with brotli at quality 11 and a 4 MB window (what `brotli -q 11`
/// writes by default for files this size).
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("brotli writes into a Vec without failing");
    out
}

/// Writes `<file>.gz` and `<file>.br` beside every compressible file under `dist`; returns
/// how many files it compressed.
pub fn precompress(dist: &Path) -> Result<usize, String> {
    let mut files = Vec::new();
    files_under(dist, &mut files).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    let mut count = 0;
    for file in files.iter().filter(|f| is_compressible(f)) {
        let bytes =
            std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for (suffix, packed) in [(".gz", gzip(&bytes)?), (".br", brotli(&bytes))] {
            let target = with_suffix(file, suffix);
            std::fs::write(&target, packed)
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        }
        count += 1;
    }
    Ok(count)
}

/// Every file under `dir`, in its subfolders too.
pub fn files_under(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files_under(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_needless_spaces_go() {
        let css = "/* the stage */\n.escalation .stage {\n  display: grid;\n  gap: 1rem ;\n}\n\na > b,\nc { color: red }\n";
        assert_eq!(
            minify_css(css),
            ".escalation .stage{display:grid;gap:1rem}a>b,c{color:red}"
        );
    }

    #[test]
    fn a_space_before_a_colon_is_a_combinator_and_stays() {
        assert_eq!(
            minify_css(".a :focus-visible { outline: 0 }"),
            ".a :focus-visible{outline:0}"
        );
    }

    #[test]
    fn strings_are_kept_as_written() {
        let css = ".t::before { content: attr(data-label) \": \"; }\n.q::after { content: ' /* not a comment */ \\' ' }";
        assert_eq!(
            minify_css(css),
            ".t::before{content:attr(data-label) \": \"}.q::after{content:' /* not a comment */ \\' '}"
        );
    }

    #[test]
    fn media_queries_and_values_keep_their_single_spaces() {
        let css = "@media (prefers-color-scheme: dark) and (max-width: 40rem) {\n  .x { margin: 0 auto  calc(1rem + 2px) !important; }\n}";
        assert_eq!(
            minify_css(css),
            "@media (prefers-color-scheme:dark) and (max-width:40rem){.x{margin:0 auto calc(1rem + 2px) !important}}"
        );
    }

    #[test]
    fn the_widgets_stylesheet_keeps_every_rule() {
        let css = include_str!("../../www/escalation.css");
        let small = minify_css(css);
        assert!(
            small.len() < css.len() * 8 / 10,
            "{} of {}",
            small.len(),
            css.len()
        );
        let count = |text: &str, c: char| text.chars().filter(|&x| x == c).count();
        let without_comments = |text: &str| {
            let mut rest = text;
            let mut kept = String::new();
            while let Some(start) = rest.find("/*") {
                kept.push_str(&rest[..start]);
                rest = &rest[start + 2..];
                rest = &rest[rest.find("*/").map_or(rest.len(), |end| end + 2)..];
            }
            kept + rest
        };
        let plain = without_comments(css);
        for c in ['{', '}', '"', '('] {
            assert_eq!(count(&small, c), count(&plain, c), "{c}");
        }
    }

    #[test]
    fn text_and_wasm_are_compressed_images_are_not() {
        for name in [
            "index.html",
            "embed.js",
            "escalation_bg.wasm",
            "data/escalation-data.csv",
            "images/step-07-barrage.svg",
        ] {
            assert!(is_compressible(Path::new(name)), "{name}");
        }
        for name in ["images/share-card.png", "index.html.br", "escalation.js.gz"] {
            assert!(!is_compressible(Path::new(name)), "{name}");
        }
        assert_eq!(
            with_suffix(Path::new("dist/a.js"), ".br"),
            PathBuf::from("dist/a.js.br")
        );
    }

    #[test]
    fn both_encodings_are_smaller_and_brotli_smaller_still() {
        let text = include_str!("../../www/escalation.css").repeat(3);
        let gz = gzip(text.as_bytes()).unwrap();
        let br = brotli(text.as_bytes());
        assert!(gz.len() < text.len() / 3, "{} of {}", gz.len(), text.len());
        assert!(
            br.len() < gz.len(),
            "brotli {} vs gzip {}",
            br.len(),
            gz.len()
        );
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        assert_eq!(
            gzip(text.as_bytes()).unwrap(),
            gz,
            "the same input makes the same file"
        );
    }
}
