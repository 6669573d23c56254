// The API's numeric limits and fixed word lists: plain values with no zod, so the client can import them
// without bundling the validator. The schemas (fields.ts and the per-area files) read them from here.

/** Neighbour cap: 50 by default keeps a first expansion readable; 500 is the hard ceiling. */
export const NEIGHBOUR_LIMIT = { default: 50, max: 500 } as const;
/** 500 nodes is what a canvas takes in at once; the same ceiling as a neighbour page. */
export const NEIGHBOURHOOD_LIMIT = { default: 500, max: 500 } as const;
/** Paths longer than 6 hops say little about cooperation and cost a lot to find. */
export const MAX_HOPS = 6;
/** k-paths returns at most 10 paths: beyond that an investigator reads a list, not a picture. */
export const MAX_K_PATHS = 10;
/**
 * A shortest path does not pass through a node of more than this many relationships (a hub) unless asked
 * (`throughHubs`) or nothing else connects the ends: on the 1M-node graph one hub cost more than the rest of the search.
 */
export const PATH_HUB_DEGREE = 10_000;
/** The hubs a shortest path's answer names at most when it may not be the shortest (most connected first). */
export const HUBS_AVOIDED_MAX = 5;
/** Cooperation pairs returned by default (most shared forums/agreements first) and at most. */
export const PAIR_LIMIT = { default: 500, max: 5000 } as const;
/**
 * Who the cooperation view pairs, widest first (`countries` is the default): at `countries` every actor counts for
 * the country it holds office in or is part of (an organisation part of no country, such as an international body,
 * counts for itself); at `organisations` a person counts for the organisation or country it holds office in; at
 * `people` every actor counts for itself.
 */
export const COOPERATION_LEVELS = ['countries', 'organisations', 'people'] as const;
export type CooperationLevel = (typeof COOPERATION_LEVELS)[number];
/** The most forums/agreements a cooperating pair may be asked to share (`minWeight`). */
export const MAX_MIN_WEIGHT = 1000;
/** History pages: 50 changes by default, 200 at most. */
export const CHANGE_LIMIT = { default: 50, max: 200 } as const;
/** Search results: 10 by default, 100 at most. */
export const SEARCH_LIMIT = { default: 10, max: 100 } as const;

/** Longer than any query a person types; longer text is a paste accident or an attack (console and export). */
export const MAX_QUERY_CHARS = 20_000;
/** Console parameter values deeper than this are not something a person writes by hand. */
export const MAX_PARAM_DEPTH = 32;

/** A scene this large is past what a canvas shows (issue targets stop at 20k elements). */
export const MAX_SCENE_NODES = 25_000;
export const MAX_SCENE_EDGES = 100_000;
/** Client-owned scene settings (filters, analytics) stay small; anything larger is not a setting. */
export const MAX_SETTINGS_JSON = 64 * 1024;

/** Roles from least to most trusted: viewers read, curators also edit the graph, admins also manage users. */
export const ROLES = ['viewer', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit (fits e-mail-like names). */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const USERNAME_RULE =
  'expected 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit';
/** Passwords shorter than this are refused on creation and reset (length beats complexity rules). */
export const MIN_PASSWORD_CHARS = 10;
/** argon2 takes any length; a megabyte of "password" is an attack on the hasher's time. */
export const MAX_PASSWORD_CHARS = 1024;

/** Export formats of POST/GET /api/export. */
export const EXPORT_FORMAT_NAMES = ['graphml', 'json', 'csv', 'cypher', 'briefing'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

/** The briefing's document kinds, the default first. */
export const BRIEFING_VARIANT_NAMES = ['html', 'markdown'] as const;
export type BriefingVariant = (typeof BRIEFING_VARIANT_NAMES)[number];
/** The CSV's flavours, the default first: exact for neo4j-admin import, or formula-like cells neutralised for spreadsheets. */
export const CSV_VARIANT_NAMES = ['neo4j-admin', 'spreadsheet'] as const;
export type CsvVariant = (typeof CSV_VARIANT_NAMES)[number];
/** Every `variant` of an export (each format takes only its own). */
export const EXPORT_VARIANT_NAMES = [...BRIEFING_VARIANT_NAMES, ...CSV_VARIANT_NAMES] as const;
export type ExportVariant = (typeof EXPORT_VARIANT_NAMES)[number];
/** The `variant`s each format takes, its default first; a format absent here takes none. */
export const EXPORT_FORMAT_VARIANTS: Partial<Record<ExportFormat, readonly ExportVariant[]>> = {
  csv: CSV_VARIANT_NAMES,
  briefing: BRIEFING_VARIANT_NAMES,
};

/** Path modes: one shortest path, all shortest paths, or up to k distinct paths, shortest first. */
export const PATH_MODES = ['shortest', 'all-shortest', 'k-paths'] as const;
export type PathMode = (typeof PATH_MODES)[number];
