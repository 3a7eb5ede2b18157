//! Which attribute lines (committed `.gitattributes`, `.git/info/attributes`, the user's
//! attributes file) keep the check-off merge driver or UTF-8 text from the folder's briefings.

use std::cell::Cell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{GitError, Repo, read_no_follow};
use crate::i18n;
use crate::model::Lang;
use crate::terminal_text::one_line;

/// The attributes a briefing must have, or must not have.
const CHECKED: [&str; 2] = ["merge", "working-tree-encoding"];
/// How many wrong briefings are traced back to a line (the rest are counted).
const TRACED: usize = 64;
/// Attribute files larger than this are not read to find a line (git reads up to 100 MiB).
const MAX_ATTRIBUTES_FILE: u64 = 1 << 20;
/// How many (pattern, text) positions all the pattern matches of one check may visit.
const MATCH_BUDGET: usize = 1 << 24;
/// Lines longer than this are ignored by git (2048 bytes), and so here.
const MAX_LINE: usize = 2048;

/// A briefing attribute that keeps the check-off merge driver or UTF-8 text away, where it
/// comes from (when a line was found), and how many briefings it touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Defeat {
    /// The attribute as git states it: `merge=binary`, `-merge`, `!merge`,
    /// `working-tree-encoding=UTF-16`.
    pub setting: String,
    /// One briefing it applies to (below the top of the work tree).
    pub example: String,
    /// The example is not a file yet: a briefing added at the top of the folder.
    pub new: bool,
    /// How many briefings of the folder it applies to (the example included).
    pub files: usize,
    pub source: Option<Source>,
}

/// A line of an attributes (or ignore) file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Source {
    /// The file, below the top of the work tree when it is inside it, else as a full path.
    pub file: String,
    /// 1-based.
    pub line: usize,
    pub text: String,
}

impl Source {
    /// That this ignore line keeps git from ignoring check-off temporary files, in `lang`.
    pub(crate) fn keeps_temp_files(&self, lang: Lang) -> String {
        i18n::strings(lang).ignore_kept_line(
            &one_line(&self.file),
            &self.line,
            &one_line(&self.text),
        )
    }
}

impl Defeat {
    /// What is wrong, where, and what to change, in `lang`.
    pub(crate) fn message(&self, lang: Lang) -> String {
        let t = i18n::strings(lang);
        let more = match self.files {
            0 | 1 => String::new(),
            n => t.attr_more_files(&(n - 1)),
        };
        let path = one_line(&self.example);
        let path = match self.new {
            true => t.attr_new_briefing(&path),
            false => path.into_owned(),
        };
        let encoding = self.setting.starts_with("working-tree-encoding");
        let setting = &self.setting;
        match &self.source {
            Some(s) => {
                let (file, line, text) = (one_line(&s.file), &s.line, &s.text);
                match encoding {
                    false => t.attr_merge_line(&file, line, text, &path, &more, setting),
                    true => t.attr_encoding_line(&file, line, text, &path, &more, setting),
                }
            }
            None => match encoding {
                false => t.attr_merge_unknown(&path, &more, setting),
                true => t.attr_encoding_unknown(&path, &more, setting),
            },
        }
    }
}

/// The attributes that defeat the check-off merge driver or UTF-8 text for the briefings of
/// the folder (every tracked one, and a new one at its top), each with the line that sets it.
/// `merge` left unspecified by every line is not here: that is `--setup` not having run.
pub(crate) fn defeats(repo: &Repo) -> Result<Vec<Defeat>, GitError> {
    let mut paths = briefings(repo)?;
    let probe = repo.path_of("briefing");
    let probe_is_new = !paths.contains(&probe);
    if probe_is_new {
        paths.push(probe.clone());
    }
    let values = check_attr(repo, &paths)?;
    let mut sources = Sources::new(repo);
    let mut found: Vec<Defeat> = Vec::new();
    let mut traced = 0;
    for (path, attribute, value) in values {
        let Some(setting) = wrong(&attribute, &value) else {
            continue;
        };
        if traced >= TRACED {
            if let Some(d) = found.iter_mut().find(|d| d.setting == setting) {
                d.files += 1;
            }
            continue;
        }
        traced += 1;
        let source = sources
            .blame(&path, &attribute)
            .filter(|s| !s.text.split_whitespace().any(|w| w == "merge=briefing"));
        if source.is_none() && value == "unspecified" {
            continue;
        }
        match (found.iter_mut()).find(|d| d.setting == setting && d.source == source) {
            Some(d) => d.files += 1,
            None => found.push(Defeat {
                setting,
                new: probe_is_new && path == probe,
                example: path,
                files: 1,
                source,
            }),
        }
    }
    Ok(found)
}

/// The attribute as written in a line, when its value defeats the briefings.
fn wrong(attribute: &str, value: &str) -> Option<String> {
    let setting = match value {
        "set" => attribute.to_string(),
        "unset" => format!("-{attribute}"),
        "unspecified" => format!("!{attribute}"),
        v => format!("{attribute}={v}"),
    };
    let bad = match attribute {
        "merge" => value != "briefing",
        _ => value != "unspecified" && value != "unset",
    };
    bad.then_some(setting)
}

/// The briefing files git tracks in the folder, below the top.
fn briefings(repo: &Repo) -> Result<Vec<String>, GitError> {
    let scope = if repo.prefix.is_empty() {
        ":(top)".to_string()
    } else {
        format!(":(top,literal){}", repo.prefix)
    };
    let out = repo.ok(["ls-files", "-z", "--", &scope])?;
    Ok(out
        .split('\0')
        .filter(|p| repo.session_of(p).is_some())
        .map(str::to_string)
        .collect())
}

/// `(path, attribute, value)` of each checked attribute of each path, as git sees them.
fn check_attr(repo: &Repo, paths: &[String]) -> Result<Vec<(String, String, String)>, GitError> {
    let mut args = vec!["check-attr", "-z", "--stdin"];
    args.extend(CHECKED);
    let input: Vec<u8> = paths
        .iter()
        .flat_map(|p| [p.as_bytes(), b"\0"])
        .flatten()
        .copied()
        .collect();
    let out = repo.ok_with_input(&args, input)?;
    let mut fields = out.split('\0');
    let mut all = Vec::new();
    while let (Some(path), Some(attribute), Some(value)) =
        (fields.next(), fields.next(), fields.next())
    {
        all.push((path.to_string(), attribute.to_string(), value.to_string()));
    }
    Ok(all)
}

/// One attributes file, read once.
struct AttrFile {
    /// As shown to the user.
    name: String,
    /// The directory its patterns are relative to, below the top (`""`, `"2024/"`); `""` for
    /// files outside the work tree too, whose patterns are relative to the top.
    base: String,
    lines: Vec<String>,
}

/// The attributes files of the repository, read as they are needed.
struct Sources<'a> {
    repo: &'a Repo,
    /// `.gitattributes` of a directory below the top (`""`, `"2024/"`): its lines, if any.
    in_tree: HashMap<String, Option<AttrFile>>,
    info: Option<AttrFile>,
    global: Option<AttrFile>,
    macros: HashMap<String, Vec<String>>,
    /// What is left of the work all pattern matches may do (see [`pattern_matches`]).
    budget: Cell<usize>,
}

impl<'a> Sources<'a> {
    fn new(repo: &'a Repo) -> Self {
        let info = repo
            .ok(["rev-parse", "--git-path", "info/attributes"])
            .ok()
            .map(|p| repo.top.join(p.trim_end_matches('\n')))
            .and_then(|p| outside_file(&p));
        let global = global_attributes(repo).and_then(|p| outside_file(&p));
        let mut sources = Sources {
            repo,
            in_tree: HashMap::new(),
            info,
            global,
            macros: HashMap::new(),
            budget: Cell::new(MATCH_BUDGET),
        };
        sources.macros.insert(
            "binary".to_string(),
            vec!["-diff".into(), "-merge".into(), "-text".into()],
        );
        sources.load("");
        let top = sources.in_tree.get("").and_then(Option::as_ref);
        let files = (sources.global.iter())
            .chain(sources.info.iter())
            .chain(top);
        let lines = files.flat_map(|f| f.lines.iter());
        let defined: Vec<(String, Vec<String>)> = lines.filter_map(|l| macro_of(l)).collect();
        sources.macros.extend(defined);
        sources
    }

    /// Reads the `.gitattributes` of `dir` (below the top, ending in `/` or empty), once.
    fn load(&mut self, dir: &str) {
        let repo = self.repo;
        self.in_tree.entry(dir.to_string()).or_insert_with(|| {
            let name = format!("{dir}.gitattributes");
            let text = read_no_follow(&repo.top.join(&name), MAX_ATTRIBUTES_FILE).ok()??;
            Some(AttrFile {
                name,
                base: dir.to_string(),
                lines: text.lines().map(str::to_string).collect(),
            })
        });
    }

    /// The line that gives `path` its `attribute`: the last matching line of the file that
    /// weighs most (`.git/info/attributes`, then `.gitattributes` from the deepest folder up,
    /// then the user's attributes file).
    fn blame(&mut self, path: &str, attribute: &str) -> Option<Source> {
        let dirs = parent_dirs(path);
        for dir in &dirs {
            self.load(dir);
        }
        let in_tree = dirs
            .iter()
            .rev()
            .filter_map(|d| self.in_tree.get(d).and_then(Option::as_ref));
        let files = (self.info.iter()).chain(in_tree).chain(self.global.iter());
        files
            .into_iter()
            .find_map(|f| self.find(f, path, attribute))
    }

    /// The last line of `file` whose pattern matches `path` and that names `attribute`.
    fn find(&self, file: &AttrFile, path: &str, attribute: &str) -> Option<Source> {
        let rel = path.strip_prefix(&file.base)?;
        file.lines.iter().enumerate().rev().find_map(|(i, line)| {
            let (pattern, attrs) = split_line(line)?;
            let names = attrs.iter().any(|a| self.names(a, attribute, 0));
            (names && pattern_matches(&pattern, rel, &self.budget)).then(|| Source {
                file: file.name.clone(),
                line: i + 1,
                text: line.trim().to_string(),
            })
        })
    }

    /// Whether a line's `word` (`merge=x`, `-merge`, `!merge`, `binary`) touches `attribute`.
    fn names(&self, word: &str, attribute: &str, depth: usize) -> bool {
        let bare = word.trim_start_matches(['-', '!']);
        let name = bare.split('=').next().unwrap_or(bare);
        if name == attribute {
            return true;
        }
        depth < 4
            && !word.starts_with(['-', '!'])
            && (self.macros.get(name))
                .is_some_and(|body| body.iter().any(|w| self.names(w, attribute, depth + 1)))
    }
}

/// A `[attr]NAME WORDS…` line's macro.
fn macro_of(line: &str) -> Option<(String, Vec<String>)> {
    let rest = line.trim_start().strip_prefix("[attr]")?;
    let mut words = rest.split_whitespace();
    let name = words.next()?.to_string();
    Some((name, words.map(str::to_string).collect()))
}

/// The directories of `path` from the top down: `""`, `"2024/"`, `"2024/q1/"`.
fn parent_dirs(path: &str) -> Vec<String> {
    let mut dirs = vec![String::new()];
    let mut at = 0;
    while let Some(slash) = path[at..].find('/') {
        at += slash + 1;
        dirs.push(path[..at].to_string());
    }
    dirs
}

/// An attributes file outside the work tree, when it can be read.
fn outside_file(path: &Path) -> Option<AttrFile> {
    let text = read_no_follow(path, MAX_ATTRIBUTES_FILE).ok()??;
    Some(AttrFile {
        name: path.display().to_string(),
        base: String::new(),
        lines: text.lines().map(str::to_string).collect(),
    })
}

/// `core.attributesFile`, else `$XDG_CONFIG_HOME/git/attributes` (or `~/.config/…`).
fn global_attributes(repo: &Repo) -> Option<PathBuf> {
    if let Ok(path) = repo.ok(["config", "--path", "--get", "core.attributesFile"]) {
        let path = path.trim_end_matches('\n');
        if !path.is_empty() {
            return Some(repo.top.join(path));
        }
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(config.join("git/attributes"))
}

/// A line's pattern (unquoted) and its attribute words; `None` for comments, macros, blank,
/// negative or directory patterns and overlong lines, which git leaves out too.
fn split_line(line: &str) -> Option<(String, Vec<&str>)> {
    if line.len() > MAX_LINE {
        return None;
    }
    let line = line.trim_start();
    if line.is_empty() || line.starts_with('#') || line.starts_with("[attr]") {
        return None;
    }
    let (pattern, rest) = if let Some(quoted) = line.strip_prefix('"') {
        unquote(quoted)?
    } else {
        let end = line.find([' ', '\t']).unwrap_or(line.len());
        (line[..end].to_string(), &line[end..])
    };
    if pattern.starts_with('!') || pattern.ends_with('/') {
        return None;
    }
    Some((pattern, rest.split_whitespace().collect()))
}

/// A C-quoted pattern up to its closing quote, and what follows it.
fn unquote(s: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &s[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// Whether a gitattributes pattern matches `path` (relative to the file's directory): without a
/// `/` it matches the last part of the path, with one the whole path (`*` stays within a
/// folder, `**` crosses folders).
/// `budget` bounds the work of every match of a run together: a match that would need more
/// than is left counts as none (the line is then not named, never wrongly named).
fn pattern_matches(pattern: &str, path: &str, budget: &Cell<usize>) -> bool {
    let text = if pattern.contains('/') {
        path
    } else {
        path.rsplit('/').next().unwrap_or(path)
    };
    let pattern = pattern.strip_prefix('/').unwrap_or(pattern);
    if !pattern.contains(['*', '?', '[', '\\']) {
        return pattern == text;
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let cells = (p.len() + 1) * (t.len() + 1);
    let Some(left) = budget.get().checked_sub(cells) else {
        return false;
    };
    budget.set(left);
    wildmatch(&p, &t)
}

/// Whether `p` matches all of `t`: every (pattern, text) position decided once, from the ends
/// backwards, without recursion, so no pattern is slow or deep.
fn wildmatch(p: &[char], t: &[char]) -> bool {
    let width = t.len() + 1;
    let mut ok = vec![false; (p.len() + 1) * width];
    ok[p.len() * width + t.len()] = true;
    for pi in (0..p.len()).rev() {
        let class = (p[pi] == '[').then(|| class(p, pi + 1)).flatten();
        for ti in (0..=t.len()).rev() {
            let at = |pi: usize, ti: usize| ok[pi * width + ti];
            let next_char = t.get(ti).copied();
            let not_slash = next_char.is_some_and(|c| c != '/');
            let matched = match p[pi] {
                '*' if p.get(pi + 1) == Some(&'*') => {
                    let rest = pi + 2;
                    (p.get(rest) == Some(&'/') && at(rest + 1, ti))
                        || at(rest, ti)
                        || (ti < t.len() && at(pi, ti + 1))
                }
                '*' => at(pi + 1, ti) || (not_slash && at(pi, ti + 1)),
                '?' => not_slash && at(pi + 1, ti + 1),
                '[' => match (&class, next_char) {
                    (Some((matches, next)), Some(c)) => c != '/' && matches(c) && at(*next, ti + 1),
                    (None, Some(c)) => c == '[' && at(pi + 1, ti + 1),
                    _ => false,
                },
                '\\' if pi + 1 < p.len() => next_char == Some(p[pi + 1]) && at(pi + 2, ti + 1),
                c => next_char == Some(c) && at(pi + 1, ti + 1),
            };
            ok[pi * width + ti] = matched;
        }
    }
    ok[0]
}

/// A `[…]` class starting after its `[`: what it matches and where the pattern goes on.
fn class(p: &[char], start: usize) -> Option<(impl Fn(char) -> bool, usize)> {
    let mut i = start;
    let negated = matches!(p.get(i), Some('!' | '^'));
    if negated {
        i += 1;
    }
    let mut ranges: Vec<(char, char)> = Vec::new();
    let first = i;
    loop {
        let c = *p.get(i)?;
        if c == ']' && i > first {
            break;
        }
        if p.get(i + 1) == Some(&'-') && p.get(i + 2).is_some_and(|&e| e != ']') {
            ranges.push((c, p[i + 2]));
            i += 3;
        } else {
            ranges.push((c, c));
            i += 1;
        }
    }
    let matches = move |x: char| ranges.iter().any(|&(a, b)| a <= x && x <= b) != negated;
    Some((matches, i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_as_git_matches_them() {
        let yes = [
            ("*.toml", "2024/a.toml"),
            ("*.toml", "a.toml"),
            ("/2024/*.toml", "2024/a.toml"),
            ("2024/*.toml", "2024/a.toml"),
            ("**/a.toml", "a.toml"),
            ("**/a.toml", "x/y/a.toml"),
            ("2024/**", "2024/x/a.toml"),
            ("a/**/b.toml", "a/b.toml"),
            ("[a-c]?.toml", "bx.toml"),
            ("[!x].toml", "a.toml"),
            ("y 1 *", "y 1 999999999999 .toml"),
        ];
        let budget = Cell::new(MATCH_BUDGET);
        for (p, t) in yes {
            assert!(pattern_matches(p, t, &budget), "{p} {t}");
        }
        let no = [
            ("2024/*.toml", "2024/q/a.toml"),
            ("/a.toml", "2024/a.toml"),
            ("*.md", "a.toml"),
            ("[!a].toml", "a.toml"),
            ("?", "/"),
        ];
        for (p, t) in no {
            assert!(!pattern_matches(p, t, &budget), "{p} {t}");
        }
    }

    #[test]
    fn a_hostile_pattern_is_not_slow() {
        let p = "*a".repeat(200) + "b";
        let budget = Cell::new(MATCH_BUDGET);
        assert!(!pattern_matches(&p, &"a".repeat(2000), &budget));
        let (p, t) = ("*a".repeat(1000) + "b", "a".repeat(4000));
        for _ in 0..10_000 {
            assert!(!pattern_matches(&p, &t, &budget), "the budget runs out");
        }
        assert!(pattern_matches("*.toml", "a.toml", &Cell::new(100)));
        assert!(!pattern_matches("*.toml", "a.toml", &Cell::new(10)));
    }

    #[test]
    fn lines_split_into_pattern_and_words() {
        assert_eq!(
            split_line("*.toml merge=binary -text"),
            Some(("*.toml".to_string(), vec!["merge=binary", "-text"]))
        );
        assert_eq!(
            split_line("\"a b.toml\" -merge"),
            Some(("a b.toml".to_string(), vec!["-merge"]))
        );
        for skipped in ["# c", "", "[attr]x -merge", "!a.toml merge", "dir/ -merge"] {
            assert_eq!(split_line(skipped), None, "{skipped}");
        }
    }

    #[test]
    fn settings_that_defeat_the_briefings() {
        assert_eq!(wrong("merge", "binary").as_deref(), Some("merge=binary"));
        assert_eq!(wrong("merge", "unset").as_deref(), Some("-merge"));
        assert_eq!(wrong("merge", "unspecified").as_deref(), Some("!merge"));
        assert_eq!(wrong("merge", "briefing"), None);
        assert_eq!(
            wrong("working-tree-encoding", "UTF-16").as_deref(),
            Some("working-tree-encoding=UTF-16")
        );
        assert_eq!(wrong("working-tree-encoding", "unspecified"), None);
    }
}
