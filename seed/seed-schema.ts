// zod schema of a seed data file (see seed/FORMAT.md): one schema is both validator and type.
import { z } from 'zod';
import { CONFIDENCE_LEVELS, ENTITY_KINDS, RELATIONSHIP_TYPE_NAMES } from '../model/index.js';

const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const seedEvidenceSchema = z.union([
  z.object({ sourceId: z.string().optional(), quote: z.string().min(3) }).strict(),
  z
    .object({ note: z.string().regex(/^curator-asserted: /, 'a note starts with "curator-asserted: "') })
    .strict(),
]);

const common = {
  properties: z.record(z.string(), propertyValue).optional(),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
  disputed: z.boolean().optional(),
  disputeNote: z.string().optional(),
  evidence: z.array(seedEvidenceSchema).min(1, 'evidence must have at least one item'),
};

export const seedNodeSchema = z
  .object({
    id: z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9-]*$/, 'id must look like prefix:kebab-slug'),
    label: z.enum(ENTITY_KINDS as [string, ...string[]]),
    name: z.string().min(1),
    aliases: z.array(z.string()).optional(),
    description: z.string().optional(),
    ...common,
  })
  .strict();

export const seedRelationshipSchema = z
  .object({
    type: z.enum(RELATIONSHIP_TYPE_NAMES as [string, ...string[]]),
    from: z.string(),
    to: z.string(),
    key: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    ...common,
  })
  .strict();

export const seedFileSchema = z
  .object({
    source: z.string().nullable().optional(),
    nodes: z.array(seedNodeSchema).default([]),
    relationships: z.array(seedRelationshipSchema).default([]),
  })
  .strict();

export const seedSourcesSchema = z.array(
  z
    .object({
      id: z.string().regex(/^source:[a-z0-9-]+$/),
      file: z.string(),
      title: z.string(),
      publisher: z.string().optional(),
      date: z.string().optional(),
      url: z.string().optional(),
    })
    .strict(),
);

export type SeedNode = z.infer<typeof seedNodeSchema>;
export type SeedRelationship = z.infer<typeof seedRelationshipSchema>;
export type SeedFile = z.infer<typeof seedFileSchema>;
export type SeedEvidence = z.infer<typeof seedEvidenceSchema>;
