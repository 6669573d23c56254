// Loads the curator-readable rule files in rules/ once, validating each with zod and compiling its regular expressions.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { repoPath } from '../repo-root.js';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from './model.js';

/** A rule file is missing, is not JSON, or does not have the expected shape; the message names file and field. */
export class IngestRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestRulesError';
  }
}

const words = z.array(z.string().min(1));
const regexSource = z.string().refine(
  (s) => {
    try {
      new RegExp(s, 'iu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Expecting a valid regular expression' },
);
const labelName = z.enum([
  'Country',
  'Person',
  'Organization',
  'Forum',
  'Agreement',
  'ThreatType',
  'Technology',
]);
const relType = z.enum(RELATIONSHIP_TYPE_NAMES as [RelationshipType, ...RelationshipType[]]);

const schemas = {
  abbreviations: z.object({ neverEnd: words, mayEnd: words, sentenceStarters: words }),
  hedging: z.object({
    speculative: z.array(regexSource),
    reported: z.array(regexSource),
    sectionCues: z.object({ speculative: z.array(regexSource), reported: z.array(regexSource) }),
    negation: words,
  }),
  titles: z.object({
    heads: words,
    modifiers: words,
    honorifics: words,
    ownerPrepositions: words,
    portfolioWords: words,
    ignoreInTitle: words,
    ministryWords: words,
    notPortfolio: words,
    sourceNouns: words,
    anonymityCues: z.array(regexSource),
  }),
  organisations: z.object({
    heads: words,
    leadingHeads: words,
    knownSingleWords: words,
    notOrganisationWords: words,
    categoryNouns: words,
  }),
  forums: z.object({
    heads: z.record(z.string(), z.string()),
    sharedWithOrganisations: words,
  }),
  anaphora: z.object({
    determiners: words,
    forumNouns: words,
    genericForumNouns: words,
    eventKinds: words,
    agreementNouns: words,
    organisationNouns: words,
    genericOrganisationNouns: words,
    pairPhrases: words,
    pairWindow: z.number().int().min(1),
    blockingModifiers: words,
  }),
  agreements: z.object({
    heads: z.record(z.string(), z.string()),
    strongHeads: words,
    creationCues: z.array(regexSource),
    documentHeads: words,
    leadingHeads: z.record(z.string(), z.string()),
    evaluativeModifiers: words,
    labelLeadVerbs: words,
    maxLabelWords: z.number().int().positive(),
    headingTopicHeads: words,
  }),
  lists: z.object({ initiativeWords: words, attributeWords: words }),
  tables: z.object({
    roles: z.object({
      lead: words,
      partner: words,
      actor: words,
      initiative: words,
      technology: words,
      topic: words,
    }),
  }),
  threats: z.object({
    threats: z.array(
      z.object({
        name: z.string().min(1),
        parent: z.string().optional(),
        aliases: words,
        forms: words,
        topicForms: words,
      }),
    ),
  }),
  technologies: z.object({
    technologies: z.array(z.object({ name: z.string().min(1), aliases: words, forms: words })),
  }),
  places: z.object({
    extraAliases: z.record(z.string(), words),
    keepCodes: words,
    dropAliases: words,
    dropCapitals: words,
    extraCapitals: z.record(z.string(), words),
    combiningForms: z.record(z.string(), z.string().nullable()),
    geographicPrefixes: words,
    nonCountryOrganisations: z.object({
      names: z.array(z.object({ name: z.string().min(1), aliases: words })),
    }),
  }),
  relations: z.object({
    patterns: z.array(
      z.object({
        id: z.string().min(1),
        type: relType,
        cue: regexSource,
        from: z.enum(['left', 'right', 'sentence']),
        to: z.enum(['left', 'right', 'sentence']),
        fromLabels: z.array(labelName).optional(),
        toLabels: z.array(labelName).optional(),
        properties: z.record(z.string(), z.string()).optional(),
        score: z.number().min(0).max(1),
        maxGap: z.number().int().min(0).optional(),
        requireCue: regexSource.optional(),
        orMainEvent: z.boolean().optional(),
      }),
    ),
    cooccurrence: z.array(
      z.object({
        id: z.string().min(1),
        type: relType,
        fromLabels: z.array(labelName),
        toLabels: z.array(labelName),
        cue: regexSource,
        score: z.number().min(0).max(1),
        requireSubject: z.boolean().optional(),
      }),
    ),
    coordinators: words,
    recommendationCue: regexSource,
  }),
  disputes: z.object({
    functional: z.array(
      z.object({
        type: relType,
        key: z.array(z.enum(['from', 'to', 'title'])),
        differs: z.enum(['from', 'to']),
        note: z.string(),
      }),
    ),
  }),
  dates: z.object({
    months: z.record(z.string(), z.number().int().min(1).max(12)),
    yearCues: words,
    sinceCues: words,
    weekdays: words,
  }),
  spelling: z.object({
    endings: z.array(z.tuple([z.string(), z.string()])),
    words: z.record(z.string(), z.string()),
  }),
} as const;

type RuleFileName = keyof typeof schemas;
/** Every rule file, parsed and validated. */
export type Rules = { [K in RuleFileName]: z.infer<(typeof schemas)[K]> };

function loadFile<K extends RuleFileName>(name: K, dir: URL): Rules[K] {
  const url = new URL(`${name}.json`, dir);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, 'utf8'));
  } catch (e) {
    throw new IngestRulesError(`Rules: cannot read rules/${name}.json (${(e as Error).message}).`);
  }
  const parsed = schemas[name].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IngestRulesError(
      `Rules: invalid rules/${name}.json at \`${issue.path.join('.') || '(root)'}\`. ${issue.message}.`,
    );
  }
  return parsed.data as Rules[K];
}

/** Reads and validates every rule file in `dir` (default: this folder's rules/). */
export function loadRules(dir: URL = pathToFileURL(repoPath('server/src/ingest/rules') + '/')): Rules {
  const out = {} as Record<RuleFileName, unknown>;
  for (const name of Object.keys(schemas) as RuleFileName[]) out[name] = loadFile(name, dir);
  return out as Rules;
}

let cached: Rules | undefined;

/** The default rules, loaded on first use. */
export function defaultRules(): Rules {
  cached ??= loadRules();
  return cached;
}
