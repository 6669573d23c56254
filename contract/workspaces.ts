// Saved workspaces: the scene (business keys, positions, client settings), the request bodies and the answers.
import { z } from 'zod';
import { idSchema, versionSchema } from './fields.js';
import { graphSchema } from './graph.js';
import { MAX_SCENE_EDGES, MAX_SCENE_NODES, MAX_SETTINGS_JSON } from './limits.js';

const finite = (what: string) =>
  z.number({ message: `expected ${what} as a number` }).finite(`expected ${what} as a finite number`);
const settings = z
  .record(z.string(), z.unknown(), { message: 'expected an object' })
  .refine(
    (v) => JSON.stringify(v).length <= MAX_SETTINGS_JSON,
    `expected at most ${MAX_SETTINGS_JSON} characters of JSON`,
  );

/** One node of a saved scene: business key, position and per-node style state. */
export const sceneNodeSchema = z
  .object({
    id: idSchema,
    x: finite('x'),
    y: finite('y'),
    pinned: z.boolean({ message: 'expected true or false' }).optional(),
    /** Client style classes (e.g. a highlight colour); free-form, validated for shape only. */
    classes: z
      .array(z.string().regex(/^[\w-]{1,40}$/, 'expected class names of letters, digits, - and _'))
      .max(20, 'expected at most 20 classes')
      .optional(),
  })
  .strict();
export type WorkspaceSceneNode = z.infer<typeof sceneNodeSchema>;

/** What a workspace stores: only business keys, so it survives a wipe and re-seed. */
export const sceneSchema = z
  .object(
    {
      nodes: z
        .array(sceneNodeSchema, { message: 'expected a list of scene nodes' })
        .max(MAX_SCENE_NODES, `expected at most ${MAX_SCENE_NODES} nodes`),
      /** Ids of the edges drawn; absent means every relationship among the nodes. */
      edges: z
        .array(z.string().min(1).max(400), { message: 'expected a list of edge ids' })
        .max(MAX_SCENE_EDGES, `expected at most ${MAX_SCENE_EDGES} edges`)
        .optional(),
      layout: z
        .string()
        .regex(/^[\w-]{1,40}$/, 'expected a layout name')
        .optional(),
      viewport: z
        .object({
          zoom: finite('zoom').positive('expected a positive zoom'),
          pan: z.object({ x: finite('pan.x'), y: finite('pan.y') }).strict(),
        })
        .strict()
        .optional(),
      /** Client filter state (label, type, threat, disputed, confidence, time window). */
      filters: settings.optional(),
      /** Analytics settings (measure, communities on/off). */
      analytics: settings.optional(),
      /**
       * What was folded out of sight: each hub's leaves folded into its badge, and each community folded into its
       * summary node (named after its most connected member, `top`). Node ids only, as everywhere in a scene.
       */
      fold: z
        .object({
          leaves: z
            .array(z.object({ hub: idSchema, nodes: z.array(idSchema).max(MAX_SCENE_NODES) }).strict())
            .max(MAX_SCENE_NODES),
          groups: z
            .array(z.object({ top: idSchema, nodes: z.array(idSchema).max(MAX_SCENE_NODES) }).strict())
            .max(MAX_SCENE_NODES),
        })
        .strict()
        .optional(),
      /** The history at save time: step labels and the index of the current step. */
      history: z
        .object({
          steps: z.array(z.string().max(200)).max(1000, 'expected at most 1000 steps'),
          head: z.number().int('expected an integer head').min(-1, 'expected head >= -1'),
        })
        .strict()
        .optional(),
    },
    { message: 'expected a scene object with `nodes`' },
  )
  .strict();
export type WorkspaceScene = z.infer<typeof sceneSchema>;

const nameSchema = z
  .string({ message: 'expected a workspace name' })
  .trim()
  .min(1, 'expected a non-empty workspace name')
  .max(120, 'expected at most 120 characters')
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  .refine((n) => !/[\u0000-\u001f\u007f]/.test(n), 'expected no control characters');
const workspaceVersion = versionSchema('opened');

/** `shared`: anyone who may use workspaces opens it read-only through its link; `private`: its owner and admins only. */
export const WORKSPACE_VISIBILITIES = ['shared', 'private'] as const;
export const visibilitySchema = z.enum(WORKSPACE_VISIBILITIES, {
  message: 'expected "shared" (others open it read-only) or "private" (you and admins only)',
});
export type WorkspaceVisibility = z.infer<typeof visibilitySchema>;

/** POST /api/workspaces: a new workspace, the caller's (shared unless `visibility` says private). */
export const workspaceCreateBody = z
  .object(
    { name: nameSchema, scene: sceneSchema, visibility: visibilitySchema.optional() },
    { message: 'expected a JSON object with `name` and `scene`' },
  )
  .strict();
/** PUT /api/workspaces/:id: a new scene over `version`. */
export const workspaceSaveBody = z
  .object(
    { scene: sceneSchema, version: workspaceVersion },
    { message: 'expected a JSON object with `scene` and `version`' },
  )
  .strict();
/** PATCH /api/workspaces/:id: a new name and/or visibility (rename, share, unshare) over `version`. */
export const workspacePatchBody = z
  .object(
    { name: nameSchema.optional(), visibility: visibilitySchema.optional(), version: workspaceVersion },
    { message: 'expected a JSON object with `name` and/or `visibility`, and `version`' },
  )
  .strict()
  .refine((b) => b.name !== undefined || b.visibility !== undefined, {
    message: 'expected `name` and/or `visibility`',
    path: ['name'],
  });

/** Who owns a workspace, and what the caller may do with it. */
export const workspaceAccessSchema = z.strictObject({
  /** Its owner's username; null when saved without a login, before workspaces had owners, or the owner was deleted. */
  owner: z.string().nullable(),
  visibility: visibilitySchema,
  /** Saved by the caller: by their login, or without one by this browser session. */
  yours: z.boolean(),
  /** Whether the caller may save over, rename, share or delete it (its owner and admins). */
  canEdit: z.boolean(),
});
export type WorkspaceAccess = z.infer<typeof workspaceAccessSchema>;

export const workspaceSummarySchema = workspaceAccessSchema.extend({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Bumped on each save; PUT and PATCH must send the version they read (409 when stale). */
  version: z.number(),
  nodeCount: z.number(),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

export const workspaceSchema = workspaceSummarySchema.extend({ scene: sceneSchema });
export type Workspace = z.infer<typeof workspaceSchema>;

/** GET /api/workspaces/:id: the workspace plus today's data for its nodes. */
export const workspaceOpenResponse = z.strictObject({
  workspace: workspaceSchema,
  /** The scene's nodes as they are now, and the relationships among them. */
  graph: graphSchema,
  /** Scene node ids that no longer exist in the graph. */
  missing: z.array(z.string()),
});
export type WorkspaceOpenResponse = z.infer<typeof workspaceOpenResponse>;

export const workspaceListResponse = z.strictObject({ workspaces: z.array(workspaceSummarySchema) });
export type WorkspaceListResponse = z.infer<typeof workspaceListResponse>;
