// Relationship rules read off the article's structure: a list item inherits the forum, agreement and actors of
// its introduction; a table row relates its cells by their columns' roles ("Lead Country", "Focus Area", ...).
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import type { RelationshipType } from './model.js';
import type { End, ProposalSink } from './proposals.js';
import { introSentence, listKind, sentencesOfLine, tableColumns } from './structure.js';
import type { CandidateLabel } from './types.js';

const endOf = (m: TokenMention): End => ({ ref: m.ref, label: m.label, anaphor: m.via === 'anaphor' });
const ACTOR: ReadonlySet<CandidateLabel> = new Set(['Country', 'Organization']);

function inLine(byLine: Map<number, TokenMention[]>, line: number | undefined): TokenMention[] {
  return line === undefined ? [] : (byLine.get(line) ?? []);
}

const isForum = (m: TokenMention) => m.label === 'Forum';
const isAgreement = (m: TokenMention) => m.label === 'Agreement';
const isActor = (m: TokenMention) => ACTOR.has(m.label) && m.via !== 'demonym' && m.via !== 'capital';
const isThreat = (m: TokenMention) => m.label === 'ThreatType';
const isTech = (m: TokenMention) => m.label === 'Technology';

/** Applies the list and table rules to the whole article. */
export function applyStructureRules(
  doc: Doc,
  mentions: readonly TokenMention[],
  sink: ProposalSink,
  /** The one event the article is about, if it names exactly one: lists and tables without a forum of their own belong to it. */
  mainEvent?: TokenMention,
): void {
  const byLine = new Map<number, TokenMention[]>();
  for (const m of mentions) {
    const line = doc.sentences[m.sentence]!.line;
    byLine.set(line, [...(byLine.get(line) ?? []), m]);
  }
  for (const line of doc.lines) {
    const quote = sentencesOfLine(doc, line.index)[0];
    if (quote === undefined || line.intro === undefined) continue;
    const intro = introSentence(doc, line);
    const sentences = intro === undefined ? [quote] : [quote, intro];
    let ctx = inLine(byLine, line.intro);
    if (mainEvent && !ctx.some(isForum)) ctx = [...ctx, { ...mainEvent, via: 'anaphor' }];
    const here = inLine(byLine, line.index);
    const emit = (
      type: RelationshipType,
      from: TokenMention,
      to: TokenMention,
      rule: string,
      score: number,
    ) => sink.add({ type, from: endOf(from), to: endOf(to), sentences, rule, score });
    if (line.kind === 'bullet') {
      const kind = listKind(doc, line);
      const agreements = here.filter((m) => isAgreement(m) && m.via !== 'anaphor');
      if (agreements.length && kind !== 'attribute') {
        for (const a of agreements.slice(0, 1)) {
          for (const f of ctx.filter(isForum)) emit('ESTABLISHED_BY', a, f, 'list:item-of-forum', 0.6);
          for (const c of ctx.filter(isActor)) emit('PARTY_TO', c, a, 'list:item-of-actors', 0.55);
          for (const t of here.filter(isThreat)) emit('ADDRESSES', a, t, 'list:item-threat', 0.65);
          for (const t of ctx.filter(isThreat)) emit('ADDRESSES', a, t, 'list:context-threat', 0.5);
          for (const t of here.filter(isTech)) emit('USES_TECHNOLOGY', a, t, 'list:item-technology', 0.55);
        }
      } else {
        for (const f of ctx.filter((m) => isForum(m) || isAgreement(m))) {
          for (const t of here.filter(isThreat)) emit('ADDRESSES', f, t, 'list:topic-of-context', 0.55);
          for (const t of here.filter(isTech))
            emit('USES_TECHNOLOGY', f, t, 'list:technology-of-context', 0.5);
        }
      }
    }
    if (line.kind === 'table-row' && line.header !== undefined)
      tableRow(doc, line.index, line.header, here, ctx, inLine(byLine, line.header), emit);
  }
}

type Emit = (
  type: RelationshipType,
  from: TokenMention,
  to: TokenMention,
  rule: string,
  score: number,
) => void;

function tableRow(
  doc: Doc,
  lineIndex: number,
  headerIndex: number,
  here: TokenMention[],
  ctx: TokenMention[],
  headerMs: TokenMention[],
  emit: Emit,
): void {
  const line = doc.lines[lineIndex]!;
  const header = doc.lines[headerIndex]!;
  const columns = tableColumns(doc, header);
  const cellOf = (m: TokenMention) => line.cells.findIndex((c) => m.start >= c.start && m.end <= c.end);
  const byRole = (role: string) => here.filter((m) => columns[cellOf(m)]?.role === role);
  const initiatives = byRole('initiative').filter(isAgreement);
  const topics = byRole('topic').filter(isThreat);
  const leads = byRole('lead').filter(isActor);
  const actors = byRole('actor').filter(isActor);
  const techs = here.filter(isTech);
  for (const a of initiatives) {
    for (const l of leads) emit('LEADS', l, a, 'table:lead', 0.8);
    for (const t of [...topics, ...byRole('initiative').filter(isThreat)])
      emit('ADDRESSES', a, t, 'table:initiative-topic', 0.6);
    for (const t of techs) emit('USES_TECHNOLOGY', a, t, 'table:initiative-technology', 0.5);
    for (const f of ctx.filter(isForum)) emit('ESTABLISHED_BY', a, f, 'table:initiative-of-forum', 0.55);
    for (const t of ctx.filter(isThreat)) emit('ADDRESSES', a, t, 'table:context-threat', 0.5);
    if (!leads.length)
      for (const c of ctx.filter(isActor)) emit('PARTY_TO', c, a, 'table:initiative-of-actors', 0.5);
  }
  for (const c of actors) {
    for (const t of here.filter(isThreat)) emit('FOCUSES_ON', c, t, 'table:actor-topic', 0.7);
    for (const t of techs) emit('USES_TECHNOLOGY', c, t, 'table:actor-technology', 0.5);
  }
  for (const p of byRole('partner').filter(isActor))
    for (const c of ctx.filter(isActor)) emit('RECOMMENDED_PARTNER', c, p, 'table:partner', 0.5);
  columns.forEach((col, ci) => {
    if (col.role !== 'owner' || !col.headerTokens) return;
    const [hs, he] = col.headerTokens;
    const owners = ctxOwners(doc, hs, he, headerMs);
    const cell = line.cells[ci];
    if (!cell) return;
    const inCell = here.filter((m) => m.start >= cell.start && m.end <= cell.end);
    for (const o of owners) {
      for (const t of [...topics, ...inCell.filter(isThreat)])
        emit('FOCUSES_ON', o, t, 'table:owner-topic', 0.6);
      for (const t of inCell.filter(isTech)) emit('USES_TECHNOLOGY', o, t, 'table:owner-technology', 0.65);
      for (const a of inCell.filter(isAgreement)) emit('LEADS', o, a, 'table:owner-initiative', 0.65);
    }
  });
  if (!initiatives.length && !actors.length)
    for (const f of ctx.filter((m) => isForum(m) || isAgreement(m)))
      for (const t of byRole('technology').filter(isTech))
        emit('USES_TECHNOLOGY', f, t, 'table:technology-of-context', 0.5);
}

/** The actors a column header names ("France's Contribution"). */
function ctxOwners(doc: Doc, hs: number, he: number, headerMs: readonly TokenMention[]): TokenMention[] {
  const [s, e] = [doc.tokens[hs]!.start, doc.tokens[he - 1]!.end];
  return headerMs.filter((m) => m.start >= s && m.end <= e && ACTOR.has(m.label));
}
