//! The article body of a page.
//!
//! One iterative walk over the parsed tree ([`walk`]) turns the page into text
//! blocks (a block ends wherever a block-level tag opens or closes; table cells
//! join into one line per row) and records, for every element, its parent and the
//! range of blocks it holds. Then, readability-style:
//!
//! 1. Each block gets a weight ([`weight`]): its length, minus twice its link
//!    text, plus a bonus for sentence punctuation, minus a constant, so that
//!    prose weighs and menus, link lists, share bars and bylines do not.
//! 2. Blocks with positive weight vote for the element that holds their
//!    paragraph, half as much for its parent, a sixth for the next one up. An
//!    element's score is its votes, times one minus its link density, times its
//!    class hint (`article-body` up, `share-bar` down).
//! 3. The winner gets a second look ([`promote`]): the common ancestor of several
//!    near-winners, an ancestor whose score rises, or the parent of an only child
//!    takes its place.
//! 4. The winner's siblings join when they score well too, or are one long
//!    paragraph with few links.
//! 5. Inside, link lists, blocks under a boilerplate class word (`related`,
//!    `comments`, `share`...), the headline and page-furniture lines go.
//!
//! A class word is only believed when the element holds at most half the page's
//! prose: `has-sidebar` on a page-wide wrapper is the template's, not a box's.
//! Everything is linear in the page size (prefix sums for ranges, one stack sweep
//! for hints) and nothing recurses, so deeply nested pages cannot overflow the
//! stack.

use super::hints::{BLOCK_TAGS, BOILERPLATE_WORDS, CONTENT_WORDS, DROP_TAGS, HEADING_TAGS, HIDDEN_CLASSES};
use crate::normalize::furniture_rule;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// What kind of element holds a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Heading,
    Item,
    Other,
}

/// A line of text.
#[derive(Debug)]
pub(super) struct Block {
    /// The innermost element holding the block, `usize::MAX` for none.
    owner: usize,
    pub(super) text: String,
    chars: usize,
    link_chars: usize,
    kind: Kind,
    /// Inside the page's first `<h1>`.
    pub(super) h1: bool,
}

/// An element and the blocks `[first, end)` inside it.
#[derive(Debug, Clone, Copy)]
struct Element {
    /// The enclosing element, `usize::MAX` for none.
    parent: usize,
    first: usize,
    end: usize,
    depth: usize,
    hint: Hint,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    None,
    Boilerplate,
    Content,
}

/// Weights of a block ([`weight`]): link characters count against it this many
/// times, each sentence mark (up to [`MAX_MARKS`]) adds this much, and every
/// block pays a fixed cost, so a short line weighs nothing.
const LINK_COST: f64 = 2.0;
const MARK_BONUS: f64 = 10.0;
const MAX_MARKS: usize = 10;
const BLOCK_COST: f64 = 25.0;

/// Score multipliers of the class hints.
const CONTENT_HINT: f64 = 1.25;
const BOILERPLATE_HINT: f64 = 0.75;

/// A sibling of the winner joins the article when it scores this share of the
/// winner's score (and at least [`SIBLING_MIN_SCORE`]), or when it is one
/// paragraph longer than [`SIBLING_PARAGRAPH_CHARS`] with links under a quarter
/// of its text.
const SIBLING_SHARE: f64 = 0.2;
const SIBLING_MIN_SCORE: f64 = 10.0;
const SIBLING_PARAGRAPH_CHARS: usize = 80;

/// Hinted boilerplate is kept out unless it holds more than this share of the
/// page's prose (then the hint is wrong: a page template's class, not a box).
const HINT_VETO_SHARE: f64 = 0.5;

/// Shares of a paragraph's weight that go to its container and the containers
/// above it (readability's parent, grandparent, then a third).
const VOTE_SHARES: [f64; 3] = [1.0, 0.5, 1.0 / 6.0];

/// The main text, one block per line, and the index of the block where the
/// article starts: blocks weighed, votes cast, the winner found and
/// promoted, its siblings joined, and the kept blocks of these joined.
pub(super) fn main_text(walk: &Walk) -> (String, Option<usize>) {
    if walk.blocks.is_empty() {
        return (String::new(), None);
    }
    let raw: Vec<f64> = walk.blocks.iter().map(weight).collect();
    let hinted = hinted_depths(walk, &raw);
    let scores = Scores::new(walk, votes(walk, &raw, &hinted));
    let score = |i: usize| scores.score(i);
    let Some((best, best_score)) = scores.winner() else {
        // No prose anywhere: keep all visible text that is not a link list.
        return (join(walk.blocks.iter().filter(|b| !is_link_list(b))), None);
    };
    let best = promote(&walk.elements, best, best_score, &scores.votes, &score);
    let parts = article_parts(walk, best, &score);
    let start = parts.first().map(|&p| walk.elements[p].first);
    (join(kept_blocks(walk, &parts, &hinted).into_iter()), start)
}

/// Paragraphs vote for the elements that hold them: a block of positive
/// weight outside hinted boilerplate gives its weight to the element above
/// its paragraph, and shares of it ([`VOTE_SHARES`]) to the next ones up.
fn votes(walk: &Walk, raw: &[f64], hinted: &[Option<usize>]) -> Vec<f64> {
    let mut votes = vec![0.0f64; walk.elements.len()];
    for (i, b) in walk.blocks.iter().enumerate() {
        if raw[i] <= 0.0 || hinted[i].is_some() || b.owner == usize::MAX {
            continue;
        }
        let mut at = b.owner;
        if matches!(b.kind, Kind::Paragraph | Kind::Item | Kind::Heading) {
            at = walk.elements[at].parent;
        }
        for share in VOTE_SHARES {
            if at == usize::MAX {
                break;
            }
            votes[at] += raw[i] * share;
            at = walk.elements[at].parent;
        }
    }
    votes
}

/// Elements' scores: their votes, times one minus their link density, times
/// their class hint.
struct Scores<'w> {
    walk: &'w Walk,
    votes: Vec<f64>,
    /// Prefix sums of the blocks' characters and link characters.
    chars: Vec<usize>,
    links: Vec<usize>,
}

impl<'w> Scores<'w> {
    fn new(walk: &'w Walk, votes: Vec<f64>) -> Self {
        let mut chars = Vec::with_capacity(walk.blocks.len() + 1);
        let mut links = Vec::with_capacity(walk.blocks.len() + 1);
        chars.push(0usize);
        links.push(0usize);
        for b in &walk.blocks {
            chars.push(chars.last().unwrap_or(&0) + b.chars);
            links.push(links.last().unwrap_or(&0) + b.link_chars);
        }
        Scores {
            walk,
            votes,
            chars,
            links,
        }
    }

    /// The score of element `i`.
    fn score(&self, i: usize) -> f64 {
        let el = &self.walk.elements[i];
        let total = self.chars[el.end] - self.chars[el.first];
        let density = if total > 0 {
            (self.links[el.end] - self.links[el.first]) as f64 / total as f64
        } else {
            0.0
        };
        let hint = match el.hint {
            Hint::Content => CONTENT_HINT,
            Hint::Boilerplate => BOILERPLATE_HINT,
            Hint::None => 1.0,
        };
        self.votes[i] * (1.0 - density) * hint
    }

    /// The first element of the highest score among those with votes, and
    /// its score.
    fn winner(&self) -> Option<(usize, f64)> {
        let mut best: Option<(usize, f64)> = None;
        for (i, &v) in self.votes.iter().enumerate() {
            if v <= 0.0 {
                continue;
            }
            let s = self.score(i);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best
    }
}

/// The winner `best` and its siblings that hold prose too: those that score
/// a share of its score, and lone paragraphs, hinted boilerplate aside.
fn article_parts(walk: &Walk, best: usize, score: &dyn Fn(usize) -> f64) -> Vec<usize> {
    let best_score = score(best);
    let parent = walk.elements[best].parent;
    let threshold = (best_score * SIBLING_SHARE).max(SIBLING_MIN_SCORE);
    let mut parts: Vec<usize> = Vec::new();
    if parent == usize::MAX {
        parts.push(best);
        return parts;
    }
    let parent_end = walk.elements[parent].end;
    for (i, el) in walk.elements.iter().enumerate().skip(parent + 1) {
        if el.first >= parent_end && el.first > walk.elements[best].first {
            break;
        }
        if el.parent != parent || el.first >= el.end {
            continue;
        }
        let keep = i == best
            || (el.hint != Hint::Boilerplate
                && (score(i) >= threshold || is_lone_paragraph(&walk.blocks[el.first..el.end])));
        if keep {
            parts.push(i);
        }
    }
    parts
}

/// The blocks of the article's parts, without those inside hinted
/// boilerplate, the headline, link lists and page-furniture lines.
fn kept_blocks<'w>(walk: &'w Walk, parts: &[usize], hinted: &[Option<usize>]) -> Vec<&'w Block> {
    let mut kept = Vec::new();
    for &part in parts {
        let el = walk.elements[part];
        for (b, hint_depth) in walk.blocks[el.first..el.end].iter().zip(&hinted[el.first..el.end]) {
            let inside_hint = hint_depth.is_some_and(|depth| depth > el.depth);
            if !inside_hint && !b.h1 && !is_link_list(b) && furniture_rule(&b.text).is_none() {
                kept.push(b);
            }
        }
    }
    kept
}

/// One paragraph of prose with few links.
fn is_lone_paragraph(blocks: &[Block]) -> bool {
    match blocks {
        [b] => b.kind == Kind::Paragraph && b.chars > SIBLING_PARAGRAPH_CHARS && b.link_chars * 4 < b.chars,
        _ => false,
    }
}

/// A block that is mostly link text.
fn is_link_list(b: &Block) -> bool {
    b.link_chars * 2 > b.chars
}

/// Readability's second look at the winner: an ancestor shared by several
/// near-winners holds the article they split; an ancestor whose score rises on
/// the way up gathers more of it; an only child stands for its parent.
fn promote(elements: &[Element], best: usize, best_score: f64, votes: &[f64], score: &dyn Fn(usize) -> f64) -> usize {
    let ancestors = |mut at: usize| {
        std::iter::from_fn(move || {
            at = elements.get(at)?.parent;
            (at != usize::MAX).then_some(at)
        })
    };
    // Near-winners (three or more) under one ancestor.
    let mut ranked: Vec<(f64, usize)> = (0..elements.len())
        .filter(|&i| i != best && votes[i] > 0.0)
        .map(|i| (score(i), i))
        .filter(|(s, _)| *s >= 0.75 * best_score)
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked.truncate(4);
    let mut top = best;
    if ranked.len() >= MIN_NEAR_WINNERS {
        // Count, for every ancestor, the near-winners below it: one walk each.
        let mut sharing: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for &(_, i) in &ranked {
            for ancestor in ancestors(i) {
                *sharing.entry(ancestor).or_insert(0) += 1;
            }
        }
        if let Some(ancestor) = ancestors(best).find(|a| sharing.get(a).copied().unwrap_or(0) >= MIN_NEAR_WINNERS) {
            top = ancestor;
        }
    }
    // A score that rises on the way up.
    let mut last = score(top);
    for ancestor in ancestors(top) {
        if elements[ancestor].parent == usize::MAX {
            break;
        }
        if votes[ancestor] <= 0.0 {
            continue;
        }
        let s = score(ancestor);
        if s < last / 3.0 {
            break;
        }
        if s > last {
            top = ancestor;
            break;
        }
        last = s;
    }
    // An only child.
    let mut children = vec![0usize; elements.len()];
    for el in elements {
        if el.parent != usize::MAX && el.first < el.end {
            children[el.parent] += 1;
        }
    }
    loop {
        let parent = elements[top].parent;
        if parent == usize::MAX || elements[parent].parent == usize::MAX || children[parent] != 1 {
            break;
        }
        top = parent;
    }
    top
}

/// Near-winners needed to make their common ancestor the article.
const MIN_NEAR_WINNERS: usize = 3;

fn join<'a>(blocks: impl Iterator<Item = &'a Block>) -> String {
    let mut out = String::new();
    for b in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&b.text);
    }
    out
}

/// How much a block says "article prose"; headings weigh nothing either way.
fn weight(b: &Block) -> f64 {
    let chars = b.chars as f64;
    let links = b.link_chars as f64;
    match b.kind {
        Kind::Heading => 0.0,
        _ => {
            let marks = b.text.matches([',', '.', '!', '?', ';']).take(MAX_MARKS).count() as f64;
            chars - LINK_COST * links + MARK_BONUS * marks - BLOCK_COST
        }
    }
}

/// For each block, the depth of the innermost boilerplate-hinted element above
/// it, among the hinted elements that are kept (not vetoed).
fn hinted_depths(walk: &Walk, raw: &[f64]) -> Vec<Option<usize>> {
    let total: f64 = raw.iter().filter(|w| **w > 0.0).sum();
    let mut positive = Vec::with_capacity(raw.len() + 1);
    positive.push(0.0);
    for w in raw {
        positive.push(positive.last().unwrap_or(&0.0) + w.max(0.0));
    }
    let mut depths = vec![None; walk.blocks.len()];
    // Elements come in document (opening) order and nest, so a stack sweep finds
    // each block's innermost hinted ancestor in linear time.
    let mut stack: Vec<Element> = Vec::new();
    let mut next = 0;
    let hinted: Vec<Element> = walk
        .elements
        .iter()
        .filter(|el| {
            el.hint == Hint::Boilerplate
                && el.first < el.end
                && positive[el.end] - positive[el.first] <= HINT_VETO_SHARE * total
        })
        .copied()
        .collect();
    for (i, depth) in depths.iter_mut().enumerate() {
        while next < hinted.len() && hinted[next].first <= i {
            let el = hinted[next];
            while stack.last().is_some_and(|top| top.end <= el.first) {
                stack.pop();
            }
            stack.push(el);
            next += 1;
        }
        while stack.last().is_some_and(|top| top.end <= i) {
            stack.pop();
        }
        *depth = stack.last().map(|el| el.depth);
    }
    depths
}

/// The page as text blocks in document order, with what the date finder needs.
pub(super) struct Walk {
    pub(super) blocks: Vec<Block>,
    elements: Vec<Element>,
    /// `<time datetime>` values, with the index of the block that follows them.
    pub(super) times: Vec<(usize, String)>,
    /// The `lang` attribute of `<html>`.
    pub(super) lang: Option<String>,
}

/// Walks the parsed page once, in document order, into text blocks and
/// elements (see [`Walker`]).
pub(super) fn walk(doc: &Html) -> Walk {
    let mut walker = Walker::default();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => walker.open(el),
                Node::Text(text) if walker.excluded_depth == 0 => walker.text(text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    walker.close(el);
                }
            }
        }
    }
    walker.finish()
}

/// The state of [`walk`]: the blocks and elements so far, the text of the
/// block being read, and what is open around it.
struct Walker {
    blocks: Vec<Block>,
    elements: Vec<Element>,
    /// Open elements: index into `elements`, and whether the element is a block.
    open: Vec<(usize, bool)>,
    /// Kinds of the open block elements, innermost last.
    kinds: Vec<(Kind, usize)>,
    /// The text of the block being read, and how much of it is link text.
    buffer: String,
    link_chars: usize,
    /// The depth inside a dropped or hidden element (0 outside any).
    excluded_depth: usize,
    /// The depth inside links.
    link_depth: usize,
    times: Vec<(usize, String)>,
    lang: Option<String>,
    /// 0 before the first <h1>, 1 inside it, 2 after.
    h1_state: u8,
}

impl Default for Walker {
    fn default() -> Self {
        Walker {
            blocks: Vec::new(),
            elements: Vec::new(),
            open: Vec::new(),
            kinds: vec![(Kind::Other, usize::MAX)],
            buffer: String::new(),
            link_chars: 0,
            excluded_depth: 0,
            link_depth: 0,
            times: Vec::new(),
            lang: None,
            h1_state: 0,
        }
    }
}

impl Walker {
    /// An element opens: noted if it is `<html lang>` or `<time datetime>`;
    /// dropped with all inside it if it is a dropped tag or hidden; else a
    /// block element ends the block before it, and it becomes an element
    /// (`<br>`, `<hr>` aside).
    fn open(&mut self, el: &scraper::node::Element) {
        if self.excluded_depth > 0 {
            self.excluded_depth += 1;
            return;
        }
        let name = el.name();
        match name {
            "html" => self.lang = el.attr("lang").map(str::to_ascii_lowercase),
            "time" => {
                if let Some(datetime) = el.attr("datetime") {
                    self.times.push((self.blocks.len(), datetime.to_string()));
                }
            }
            _ => {}
        }
        if DROP_TAGS.contains(&name) || is_hidden(el) {
            self.excluded_depth = 1;
            return;
        }
        let is_block = BLOCK_TAGS.contains(&name);
        if is_block {
            self.flush_open_block();
        }
        if name == "br" || name == "hr" {
            return;
        }
        if matches!(name, "td" | "th") && !self.buffer.ends_with(' ') {
            // Cells of a row share its line.
            self.buffer.push(' ');
        }
        if name == "h1" && self.h1_state == 0 {
            self.h1_state = 1;
        }
        if is_block {
            let kind = match name {
                "p" | "blockquote" | "pre" | "dd" => Kind::Paragraph,
                "li" | "dt" => Kind::Item,
                _ if HEADING_TAGS.contains(&name) => Kind::Heading,
                _ => Kind::Other,
            };
            self.kinds.push((kind, self.elements.len()));
        } else if name == "a" {
            self.link_depth += 1;
        }
        self.elements.push(Element {
            parent: self.open.last().map_or(usize::MAX, |o| o.0),
            first: self.blocks.len(),
            end: self.blocks.len(),
            depth: self.open.len() + 1,
            hint: hint(el),
        });
        self.open.push((self.elements.len() - 1, is_block));
    }

    /// Text, outside dropped elements: appended to the block, whitespace
    /// collapsed, counted as link text inside a link.
    fn text(&mut self, text: &str) {
        let before = self.buffer.len();
        push_collapsed(&mut self.buffer, text);
        if self.link_depth > 0 {
            self.link_chars += self.buffer[before..].chars().count();
        }
    }

    /// An element closes: inside a block element it ends the block; the
    /// element's range of blocks ends here.
    fn close(&mut self, el: &scraper::node::Element) {
        if self.excluded_depth > 0 {
            self.excluded_depth -= 1;
            return;
        }
        let name = el.name();
        if name == "br" || name == "hr" {
            return;
        }
        if is_block_open(&self.open) {
            self.flush_open_block();
        }
        if name == "h1" && self.h1_state == 1 {
            self.h1_state = 2;
        }
        let Some((index, is_block)) = self.open.pop() else {
            return;
        };
        if is_block {
            self.kinds.pop();
        } else if name == "a" {
            self.link_depth = self.link_depth.saturating_sub(1);
        }
        self.elements[index].end = self.blocks.len();
    }

    /// Ends the block being read, owned by the innermost open block element.
    fn flush_open_block(&mut self) {
        let kind = self.kinds.last().map_or(Kind::Other, |k| k.0);
        let owner = self.kinds.last().map_or(usize::MAX, |k| k.1);
        self.flush(kind, owner, self.h1_state == 1);
    }

    /// Ends the block being read: kept as a [`Block`] if it has a letter or
    /// digit.
    fn flush(&mut self, kind: Kind, owner: usize, h1: bool) {
        let text = self.buffer.trim();
        if text.chars().any(char::is_alphanumeric) {
            let chars = text.chars().count();
            self.blocks.push(Block {
                owner,
                text: text.to_string(),
                chars,
                link_chars: self.link_chars.min(chars),
                kind,
                h1,
            });
        }
        self.buffer.clear();
        self.link_chars = 0;
    }

    /// The end of the page ends the last block.
    fn finish(mut self) -> Walk {
        self.flush(Kind::Other, usize::MAX, false);
        Walk {
            blocks: self.blocks,
            elements: self.elements,
            times: self.times,
            lang: self.lang,
        }
    }
}

fn is_block_open(open: &[(usize, bool)]) -> bool {
    open.last().is_some_and(|o| o.1)
}

/// Appends text with every run of whitespace turned into one space.
pub fn push_collapsed(buffer: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !buffer.is_empty() && !buffer.ends_with(' ') {
                buffer.push(' ');
            }
        } else {
            buffer.push(c);
        }
    }
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        let style = style.to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    el.classes()
        .any(|c| HIDDEN_CLASSES.iter().any(|h| c.eq_ignore_ascii_case(h)))
}

/// What the class and id words of an element say about it.
fn hint(el: &scraper::node::Element) -> Hint {
    if matches!(el.name(), "html" | "body" | "article" | "main") {
        return Hint::None;
    }
    let (mut boilerplate, mut content) = (false, false);
    for word in el
        .classes()
        .chain(el.id())
        .flat_map(|n| n.split(|c: char| !c.is_ascii_alphanumeric()))
    {
        if word.is_empty() || word.len() > 20 {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        boilerplate |= BOILERPLATE_WORDS.contains(&lower.as_str());
        content |= CONTENT_WORDS.contains(&lower.as_str());
    }
    // `footer-text`, `related-content`: the boilerplate word says what the box
    // is, the content word only that it holds text. A wrong boilerplate hint on a
    // page-wide wrapper is undone by the veto in `hinted_depths`.
    match (boilerplate, content) {
        (true, _) => Hint::Boilerplate,
        (false, true) => Hint::Content,
        _ => Hint::None,
    }
}
