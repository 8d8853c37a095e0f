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
/// article starts.
pub(super) fn main_text(walk: &Walk) -> (String, Option<usize>) {
    if walk.blocks.is_empty() {
        return (String::new(), None);
    }
    let raw: Vec<f64> = walk.blocks.iter().map(weight).collect();
    let hinted = hinted_depths(walk, &raw);
    let mut chars = Vec::with_capacity(raw.len() + 1);
    let mut links = Vec::with_capacity(raw.len() + 1);
    chars.push(0usize);
    links.push(0usize);
    for b in &walk.blocks {
        chars.push(chars.last().unwrap_or(&0) + b.chars);
        links.push(links.last().unwrap_or(&0) + b.link_chars);
    }

    // Paragraphs vote for the elements that hold them.
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
    let score = |i: usize| {
        let el = &walk.elements[i];
        let total = chars[el.end] - chars[el.first];
        let density = if total > 0 {
            (links[el.end] - links[el.first]) as f64 / total as f64
        } else {
            0.0
        };
        let hint = match el.hint {
            Hint::Content => CONTENT_HINT,
            Hint::Boilerplate => BOILERPLATE_HINT,
            Hint::None => 1.0,
        };
        votes[i] * (1.0 - density) * hint
    };
    let mut best: Option<(usize, f64)> = None;
    for (i, &v) in votes.iter().enumerate() {
        if v <= 0.0 {
            continue;
        }
        let s = score(i);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    let Some((best, best_score)) = best else {
        // No prose anywhere: keep all visible text that is not a link list.
        return (join(walk.blocks.iter().filter(|b| !is_link_list(b))), None);
    };

    let best = promote(&walk.elements, best, best_score, &votes, &score);
    let best_score = score(best);

    // Siblings that hold prose too join the article.
    let parent = walk.elements[best].parent;
    let threshold = (best_score * SIBLING_SHARE).max(SIBLING_MIN_SCORE);
    let mut parts: Vec<usize> = Vec::new();
    if parent == usize::MAX {
        parts.push(best);
    } else {
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
    }

    let start = parts.first().map(|&p| walk.elements[p].first);
    let mut kept = Vec::new();
    for part in parts {
        let el = walk.elements[part];
        for (b, hint_depth) in walk.blocks[el.first..el.end].iter().zip(&hinted[el.first..el.end]) {
            let inside_hint = hint_depth.is_some_and(|depth| depth > el.depth);
            if !inside_hint && !b.h1 && !is_link_list(b) && furniture_rule(&b.text).is_none() {
                kept.push(b);
            }
        }
    }
    (join(kept.into_iter()), start)
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

pub(super) fn walk(doc: &Html) -> Walk {
    let mut blocks: Vec<Block> = Vec::new();
    let mut elements: Vec<Element> = Vec::new();
    // Open elements: index into `elements`, and whether the element is a block.
    let mut open: Vec<(usize, bool)> = Vec::new();
    // Kinds of the open block elements, innermost last.
    let mut kinds: Vec<(Kind, usize)> = vec![(Kind::Other, usize::MAX)];
    let mut buffer = String::new();
    let mut link_chars = 0usize;
    let mut excluded_depth = 0usize;
    let mut link_depth = 0usize;
    let mut times = Vec::new();
    let mut lang = None;
    // 0 before the first <h1>, 1 inside it, 2 after.
    let mut h1_state = 0u8;

    let flush =
        |buffer: &mut String, link_chars: &mut usize, kind: Kind, owner: usize, h1: bool, blocks: &mut Vec<Block>| {
            let text = buffer.trim();
            if text.chars().any(char::is_alphanumeric) {
                let chars = text.chars().count();
                blocks.push(Block {
                    owner,
                    text: text.to_string(),
                    chars,
                    link_chars: (*link_chars).min(chars),
                    kind,
                    h1,
                });
            }
            buffer.clear();
            *link_chars = 0;
        };

    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if excluded_depth > 0 {
                        excluded_depth += 1;
                        continue;
                    }
                    let name = el.name();
                    match name {
                        "html" => lang = el.attr("lang").map(str::to_ascii_lowercase),
                        "time" => {
                            if let Some(datetime) = el.attr("datetime") {
                                times.push((blocks.len(), datetime.to_string()));
                            }
                        }
                        _ => {}
                    }
                    if DROP_TAGS.contains(&name) || is_hidden(el) {
                        excluded_depth = 1;
                        continue;
                    }
                    let is_block = BLOCK_TAGS.contains(&name);
                    if is_block {
                        flush(
                            &mut buffer,
                            &mut link_chars,
                            kinds.last().map_or(Kind::Other, |k| k.0),
                            kinds.last().map_or(usize::MAX, |k| k.1),
                            h1_state == 1,
                            &mut blocks,
                        );
                    }
                    if name == "br" || name == "hr" {
                        continue;
                    }
                    if matches!(name, "td" | "th") && !buffer.ends_with(' ') {
                        // Cells of a row share its line.
                        buffer.push(' ');
                    }
                    if name == "h1" && h1_state == 0 {
                        h1_state = 1;
                    }
                    if is_block {
                        let kind = match name {
                            "p" | "blockquote" | "pre" | "dd" => Kind::Paragraph,
                            "li" | "dt" => Kind::Item,
                            _ if HEADING_TAGS.contains(&name) => Kind::Heading,
                            _ => Kind::Other,
                        };
                        kinds.push((kind, elements.len()));
                    } else if name == "a" {
                        link_depth += 1;
                    }
                    elements.push(Element {
                        parent: open.last().map_or(usize::MAX, |o| o.0),
                        first: blocks.len(),
                        end: blocks.len(),
                        depth: open.len() + 1,
                        hint: hint(el),
                    });
                    open.push((elements.len() - 1, is_block));
                }
                Node::Text(text) if excluded_depth == 0 => {
                    let before = buffer.len();
                    push_collapsed(&mut buffer, text);
                    if link_depth > 0 {
                        link_chars += buffer[before..].chars().count();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else { continue };
                if excluded_depth > 0 {
                    excluded_depth -= 1;
                    continue;
                }
                let name = el.name();
                if name == "br" || name == "hr" {
                    continue;
                }
                if is_block_open(&open) {
                    flush(
                        &mut buffer,
                        &mut link_chars,
                        kinds.last().map_or(Kind::Other, |k| k.0),
                        kinds.last().map_or(usize::MAX, |k| k.1),
                        h1_state == 1,
                        &mut blocks,
                    );
                }
                if name == "h1" && h1_state == 1 {
                    h1_state = 2;
                }
                let Some((index, is_block)) = open.pop() else { continue };
                if is_block {
                    kinds.pop();
                } else if name == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                elements[index].end = blocks.len();
            }
        }
    }
    flush(
        &mut buffer,
        &mut link_chars,
        Kind::Other,
        usize::MAX,
        false,
        &mut blocks,
    );
    Walk {
        blocks,
        elements,
        times,
        lang,
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
