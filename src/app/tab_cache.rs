//! The open tab's blocks, wrapped paragraphs and heights, kept between keys so a key costs the same for any summary length.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::NaiveDate;

use super::doc::{self, Block, GUTTER};
use crate::model::filter::DirectiveFilter;
use crate::model::{Lang, Session};

/// What the layout of a tab depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    revision: u64,
    sessions: (usize, usize),
    session: usize,
    tab: usize,
    filter: DirectiveFilter,
    today: NaiveDate,
    lang: Lang,
    width: usize,
}

/// One tab laid out at one width.
#[derive(Debug)]
pub struct TabLayout {
    pub blocks: Vec<Block>,
    /// Height of each block when it is not selected.
    pub heights: Vec<usize>,
    /// First line of each block when none above is selected.
    pub tops: Vec<usize>,
    /// The wrapped lines of each paragraph (other blocks: empty).
    pub wrapped: Vec<Rc<[String]>>,
}

impl TabLayout {
    fn build(session: &Session, blocks: Vec<Block>, width: usize, lang: Lang) -> Self {
        let mut heights = Vec::with_capacity(blocks.len());
        let mut wrapped: Vec<Rc<[String]>> = Vec::with_capacity(blocks.len());
        for (i, block) in blocks.iter().enumerate() {
            let lines: Rc<[String]> = match block {
                Block::Paragraph(p) => doc::wrap(p, width.saturating_sub(GUTTER))
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect(),
                _ => Rc::from(Vec::new()),
            };
            heights.push(match block {
                Block::Paragraph(_) => lines.len() + 1,
                _ => doc::height(session, &blocks, i, width, false, lang),
            });
            wrapped.push(lines);
        }
        let tops = heights
            .iter()
            .scan(0, |top, h| {
                let this = *top;
                *top += h;
                Some(this)
            })
            .collect();
        TabLayout {
            blocks,
            heights,
            tops,
            wrapped,
        }
    }
}

impl std::ops::Deref for TabLayout {
    type Target = [Block];

    fn deref(&self) -> &[Block] {
        &self.blocks
    }
}

/// The last tab laid out; `revision` changes whenever the catalog does.
#[derive(Debug, Default)]
pub struct TabCache {
    revision: Cell<u64>,
    slot: RefCell<Option<(Key, Rc<TabLayout>)>>,
}

/// Everything besides the session that decides a tab's layout.
pub struct Request<'a> {
    pub sessions: &'a [Session],
    pub session: &'a Session,
    pub tab: usize,
    pub filter: DirectiveFilter,
    pub today: NaiveDate,
    pub lang: Lang,
    pub width: usize,
}

impl TabCache {
    /// Forgets every layout: the catalog changed.
    pub fn invalidate(&self) {
        self.revision.set(self.revision.get().wrapping_add(1));
        self.slot.replace(None);
    }

    pub fn get(&self, r: &Request<'_>) -> Rc<TabLayout> {
        let index = r.sessions.iter().position(|s| std::ptr::eq(s, r.session));
        let key = index.map(|session| Key {
            revision: self.revision.get(),
            sessions: (r.sessions.as_ptr() as usize, r.sessions.len()),
            session,
            tab: r.tab,
            filter: r.filter,
            today: r.today,
            lang: r.lang,
            width: r.width,
        });
        if let (Some(key), Some((cached, layout))) = (&key, &*self.slot.borrow())
            && key == cached
        {
            return Rc::clone(layout);
        }
        let blocks = doc::blocks(r.session, r.tab, |d| r.filter.matches(d, r.today));
        let layout = Rc::new(TabLayout::build(r.session, blocks, r.width, r.lang));
        if let Some(key) = key {
            self.slot.replace(Some((key, Rc::clone(&layout))));
        }
        layout
    }
}
