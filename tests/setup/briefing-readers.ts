// Readers for the briefing export: its Markdown notes and sources, and its HTML, in plain shapes to check against the
// graph and the source texts. Shared by the briefing's API tests and the browser download test.
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import { expect } from 'vitest';
import { unescapeMarkdown } from '../../server/src/services/briefing/index.js';

/** Lines of a Markdown section, from "## heading" up to the next "## ". */
export function mdSection(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

export const numbersIn = (s: string): number[] => [...s.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

/** One note: its number, source letter, kind word and the verbatim pieces it quotes (cells of a table each). */
export interface NoteEntry {
  n: number;
  source: string | null;
  kind: 'sentence' | 'list' | 'table' | 'note';
  pieces: string[];
  /** Table header cells and rows (table notes). */
  header: string[] | null;
  rows: string[][];
}

const cellsOf = (line: string): string[] =>
  line
    .replace(/^\|\s?|\s?\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => unescapeMarkdown(c.trim()));

/** Parses the Markdown Notes section. */
export function mdNotes(md: string): NoteEntry[] {
  const out: NoteEntry[] = [];
  let table: string[][] = [];
  const flushTable = (): void => {
    const note = out.at(-1);
    if (note && table.length) {
      note.header = table[0]!.some((c) => c !== '') ? table[0]! : null;
      note.rows = table.slice(2);
      note.pieces.push(...note.rows.flat().filter(Boolean), ...(note.header ?? []));
    }
    table = [];
  };
  for (const line of mdSection(md, 'Notes')) {
    const head = /^\[(\d+)\] (.*)$/.exec(line);
    if (head) {
      flushTable();
      const rest = head[2]!;
      const sentence = /^“(.*)” — (?:Source ([A-Z]+)|Unknown source)$/.exec(rest);
      const kind = sentence
        ? 'sentence'
        : /^Curator’s note/.test(rest)
          ? 'note'
          : /^Table/.test(rest)
            ? 'table'
            : 'list';
      out.push({
        n: Number(head[1]),
        source: sentence
          ? (sentence[2] ?? null)
          : (/ — Source ([A-Z]+)$|, Source ([A-Z]+)/.exec(rest)?.slice(1).find(Boolean) ?? null),
        kind,
        pieces: sentence ? [unescapeMarkdown(sentence[1]!)] : [],
        header: null,
        rows: [],
      });
      continue;
    }
    const note = out.at(-1);
    if (!note) continue;
    if (line.startsWith('|')) table.push(cellsOf(line));
    else if (line.startsWith('> - ')) note.pieces.push(unescapeMarkdown(line.slice(4)));
    else if (line.startsWith('> ')) note.pieces.push(unescapeMarkdown(line.slice(2)));
  }
  flushTable();
  return out;
}

/** One entry of the Sources list: letter, title and the rest (publisher, date). */
export interface SourceListEntry {
  key: string;
  title: string;
  rest: string;
}

/** Parses the Markdown Sources section: "- **A.** *title*, publisher, date." */
export function mdSourceList(md: string): SourceListEntry[] {
  return mdSection(md, 'Sources')
    .filter((l) => l.startsWith('- '))
    .map((l) => {
      const m = /^- \*\*([A-Z]+)\.\*\* \*(.*?)\*, (.*)\.$/.exec(l);
      expect(m, `source line: ${l}`).not.toBeNull();
      return { key: m![1]!, title: unescapeMarkdown(m![2]!), rest: m![3]! };
    });
}

/** The HTML briefing parsed, with the helpers the checks need. */
export interface HtmlBriefing {
  doc: XmlDocument;
  /** Elements of `tag` carrying `cls` among their classes, under `root` (the document by default). */
  byClass(tag: string, cls: string, root?: XmlElement): XmlElement[];
  /** The element with this id. */
  byId(id: string): XmlElement | null;
}

/** Parses the briefing page strictly enough to fail on broken markup. */
export function parseBriefingHtml(html: string): HtmlBriefing {
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(msg);
    },
  }).parseFromString(html, 'text/html');
  const all = (tag: string, root?: XmlElement): XmlElement[] =>
    Array.from((root ?? doc).getElementsByTagName(tag) as unknown as ArrayLike<XmlElement>);
  return {
    doc,
    byClass: (tag, cls, root) =>
      all(tag, root).filter((e) => (e.getAttribute('class') ?? '').split(' ').includes(cls)),
    byId: (id) => all('*').find((e) => e.getAttribute('id') === id) ?? null,
  };
}
