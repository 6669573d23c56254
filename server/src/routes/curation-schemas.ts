// Body schemas of the curation endpoints (the wire shape only: 400 when malformed; graph rules are the services' 422s).
import { z } from 'zod';
import { idSchema } from './validate.js';

const text = (what: string, max: number) =>
  z.string({ message: `expected ${what} as a string` }).max(max, `expected at most ${max} characters`);
const nonEmpty = (what: string, max: number) => text(what, max).trim().min(1, `expected a non-empty ${what}`);

export const versionSchema = z
  .number({ message: 'expected the version you read, as a number' })
  .int('expected an integer version')
  .min(1, 'expected a version >= 1');

/** A property value: a string, a number, true/false or a list of strings (null removes, in updates). */
const propertyValue = z.union(
  [
    text('a value', 10_000),
    z.number().finite(),
    z.boolean(),
    z.array(text('a list item', 2_000)).max(200, 'expected at most 200 items'),
  ],
  { message: 'expected a string, a number, true/false or a list of strings' },
);
const properties = z.record(z.string().min(1).max(100), propertyValue, {
  message: 'expected an object of properties',
});
const propertyChanges = z.record(z.string().min(1).max(100), propertyValue.nullable(), {
  message: 'expected an object of properties (null removes one)',
});

/** `{sourceId, quote}` or `{curatorAsserted: true, note}`. */
const evidenceInput = z.union(
  [
    z.object({ sourceId: idSchema, quote: nonEmpty('quote', 5_000) }).strict(),
    z.object({ curatorAsserted: z.literal(true), note: nonEmpty('note', 2_000) }).strict(),
  ],
  { message: 'expected {sourceId, quote} or {curatorAsserted: true, note}' },
);
const evidenceList = z
  .array(evidenceInput, { message: 'expected a list of evidence' })
  .max(50, 'expected at most 50 pieces of evidence');

const aliases = z
  .array(nonEmpty('alias', 300), { message: 'expected a list of aliases' })
  .max(100, 'expected at most 100 aliases');
const name = nonEmpty('name', 300);

export const nodeCreateBody = z
  .object(
    {
      label: nonEmpty('label', 40),
      name,
      id: z
        .string()
        .regex(
          /^[a-z]+:[a-z0-9][a-z0-9-]{0,150}$/,
          'expected an id like "country:new-zealand" (prefix, colon, kebab-case)',
        )
        .optional(),
      aliases: aliases.optional(),
      description: text('description', 5_000).optional(),
      properties: properties.optional(),
      evidence: evidenceList.optional(),
    },
    { message: 'expected a JSON object with `label`, `name` and `evidence`' },
  )
  .strict();

export const nodeUpdateBody = z
  .object(
    {
      version: versionSchema,
      name: name.optional(),
      aliases: aliases.optional(),
      description: text('description', 5_000).nullable().optional(),
      properties: propertyChanges.optional(),
      addEvidence: evidenceList.optional(),
      removeEvidence: z
        .array(z.number().int('expected integer indexes').min(0, 'expected indexes >= 0'), {
          message: 'expected a list of evidence indexes',
        })
        .max(100)
        .optional(),
    },
    { message: 'expected a JSON object with `version` and the changes' },
  )
  .strict();

export const edgeCreateBody = z
  .object(
    {
      type: nonEmpty('relationship type', 60),
      source: idSchema,
      target: idSchema,
      properties: properties.optional(),
      evidence: evidenceList.optional(),
    },
    { message: 'expected a JSON object with `type`, `source`, `target` and `evidence`' },
  )
  .strict();

export const edgeUpdateBody = z
  .object(
    {
      version: versionSchema,
      properties: propertyChanges.optional(),
      addEvidence: evidenceList.optional(),
      removeEvidence: z
        .array(z.number().int('expected integer indexes').min(0, 'expected indexes >= 0'), {
          message: 'expected a list of evidence indexes',
        })
        .max(100)
        .optional(),
    },
    { message: 'expected a JSON object with `version` and the changes' },
  )
  .strict();

export const deleteBody = z
  .object({ version: versionSchema }, { message: 'expected `{version}` as the body or `?version=`' })
  .strict();

export const mergeBody = z
  .object(
    {
      otherId: idSchema,
      version: versionSchema,
      otherVersion: versionSchema,
    },
    { message: 'expected a JSON object with `otherId`, `version` and `otherVersion`' },
  )
  .strict();

export const sourceCreateBody = z
  .object(
    {
      title: nonEmpty('title', 500),
      publisher: text('publisher', 300).optional(),
      date: z
        .string()
        .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected an ISO date such as "2025-04-08"')
        .optional(),
      url: z
        .string()
        .max(2_000)
        .url('expected a URL')
        .refine((u) => /^https?:\/\//i.test(u), 'expected an http or https URL')
        .optional(),
      text: text('text', 900_000).refine(
        (t) => t.trim().length >= 20,
        'expected the full text of the source (at least 20 characters)',
      ),
    },
    { message: 'expected a JSON object with `title` and `text`' },
  )
  .strict();
