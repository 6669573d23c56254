// Countries as the extraction knows them: names, alternative spellings, capitals and demonyms from world-countries,
// corrected and extended by rules/places.json.
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import type { Rules } from './rules.js';

export interface CountryForm {
  surface: string;
  via: 'lexicon' | 'capital' | 'demonym' | 'combining';
}

export interface GazetteerCountry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
  /** Other names of the country itself (not capitals or demonyms). */
  aliases: string[];
  forms: CountryForm[];
}

// The package is CommonJS data; require() reads its JSON the same way under tsx, vitest and node.
const countries = createRequire(import.meta.url)('world-countries') as Countries;

const LATIN = /^[\p{Script=Latin}\p{N}\s.'’,()-]+$/u;

/** Every country with the forms that name it in English news text. */
export function buildGazetteer(places: Rules['places']): GazetteerCountry[] {
  const drop = new Set(places.dropAliases.map((s) => s.toLowerCase()));
  const dropCapitals = new Set(places.dropCapitals);
  const combining = new Map<string, string[]>();
  for (const [form, code] of Object.entries(places.combiningForms))
    if (code) combining.set(code, [...(combining.get(code) ?? []), form]);
  const out: GazetteerCountry[] = [];
  for (const c of countries) {
    const code = c.cca2;
    const dem = c.demonyms?.eng;
    const demonyms = new Set([dem?.m, dem?.f].filter((d): d is string => !!d && LATIN.test(d)));
    const names = new Set<string>([c.name.common]);
    if (c.name.official.split(/\s+/).length <= 5) names.add(c.name.official);
    for (const alt of c.altSpellings) {
      if (alt.length <= 2 && !places.keepCodes.includes(alt)) continue;
      if (alt === c.cca3 || !LATIN.test(alt) || demonyms.has(alt)) continue;
      names.add(alt);
    }
    for (const extra of places.extraAliases[code] ?? []) names.add(extra);
    const aliases = [...names].filter((n) => !drop.has(n.toLowerCase()) && n !== c.name.common);
    const forms: CountryForm[] = [c.name.common, ...aliases].map((surface) => ({ surface, via: 'lexicon' }));
    const capitals = [
      ...c.capital.filter((x) => !dropCapitals.has(x)),
      ...(places.extraCapitals[code] ?? []),
    ];
    for (const cap of capitals) if (LATIN.test(cap)) forms.push({ surface: cap, via: 'capital' });
    for (const d of demonyms) forms.push({ surface: d, via: 'demonym' });
    for (const f of combining.get(code) ?? []) forms.push({ surface: f, via: 'combining' });
    out.push({ code, name: c.name.common, aliases, forms });
  }
  return out;
}
