// Workspace endpoints: save, list, open, update, rename, share, delete. The scene schema below is the wire contract.
// Who may call each is in auth/access-matrix.ts; the owner checks are the use cases' (services/workspaces.ts).
import { Router } from 'express';
import { z } from 'zod';
import type { GraphStore } from '../store/neo4j-store.js';
import { workspaceCaller } from '../auth/workspace-caller.js';
import { ensureWorkspaceKey } from '../auth/workspace-key.js';
import {
  allWorkspaces,
  changeWorkspace,
  openWorkspace,
  removeWorkspace,
  saveNewWorkspace,
} from '../services/workspaces.js';
import { idSchema, parseInput, singleQuery } from './validate.js';

/** A scene this large is past what a canvas shows (issue targets stop at 20k elements). */
export const MAX_SCENE_NODES = 25_000;
const MAX_SCENE_EDGES = 100_000;
/** Client-owned settings (filters, analytics) stay small; anything larger is not a setting. */
const MAX_SETTINGS_JSON = 64 * 1024;

const finite = (what: string) =>
  z.number({ message: `expected ${what} as a number` }).finite(`expected ${what} as a finite number`);
const settings = z
  .record(z.string(), z.unknown(), { message: 'expected an object' })
  .refine(
    (v) => JSON.stringify(v).length <= MAX_SETTINGS_JSON,
    `expected at most ${MAX_SETTINGS_JSON} characters of JSON`,
  );

const sceneSchema = z
  .object(
    {
      nodes: z
        .array(
          z
            .object({
              id: idSchema,
              x: finite('x'),
              y: finite('y'),
              pinned: z.boolean({ message: 'expected true or false' }).optional(),
              classes: z
                .array(z.string().regex(/^[\w-]{1,40}$/, 'expected class names of letters, digits, - and _'))
                .max(20, 'expected at most 20 classes')
                .optional(),
            })
            .strict(),
          { message: 'expected a list of scene nodes' },
        )
        .max(MAX_SCENE_NODES, `expected at most ${MAX_SCENE_NODES} nodes`),
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
      filters: settings.optional(),
      analytics: settings.optional(),
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

const nameSchema = z
  .string({ message: 'expected a workspace name' })
  .trim()
  .min(1, 'expected a non-empty workspace name')
  .max(120, 'expected at most 120 characters')
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  .refine((n) => !/[\u0000-\u001f\u007f]/.test(n), 'expected no control characters');
const versionSchema = z
  .number({ message: 'expected the version you opened, as a number' })
  .int('expected an integer version')
  .min(1, 'expected a version >= 1');

const visibilitySchema = z.enum(['shared', 'private'], {
  message: 'expected "shared" (others open it read-only) or "private" (you and admins only)',
});

const createBody = z
  .object(
    { name: nameSchema, scene: sceneSchema, visibility: visibilitySchema.optional() },
    { message: 'expected a JSON object with `name` and `scene`' },
  )
  .strict();
const saveBody = z
  .object(
    { scene: sceneSchema, version: versionSchema },
    { message: 'expected a JSON object with `scene` and `version`' },
  )
  .strict();
const patchBody = z
  .object(
    { name: nameSchema.optional(), visibility: visibilitySchema.optional(), version: versionSchema },
    { message: 'expected a JSON object with `name` and/or `visibility`, and `version`' },
  )
  .strict()
  .refine((b) => b.name !== undefined || b.visibility !== undefined, {
    message: 'expected `name` and/or `visibility`',
    path: ['name'],
  });
const noQuery = z.object({}).strict();

export function workspaceRoutes(store: GraphStore): Router {
  const r = Router();
  const idParam = (raw: string): string => parseInput(idSchema, raw);
  r.get('/workspaces', async (req, res) => {
    parseInput(noQuery, singleQuery(req));
    res.json({ workspaces: await allWorkspaces(store, workspaceCaller(req, res)) });
  });
  r.post('/workspaces', async (req, res) => {
    const { name, scene, visibility } = parseInput(createBody, req.body ?? undefined);
    const who = workspaceCaller(req, res);
    // Without a login, this browser session's key makes the caller the owner (issued on its first save).
    if (!who.userKey) who.keyHash = ensureWorkspaceKey(req, res);
    const saved = await saveNewWorkspace(store, who, name, scene, visibility);
    res
      .status(201)
      .location(`/api/workspaces/${encodeURIComponent(saved.id)}`)
      .json(saved);
  });
  r.get('/workspaces/:id', async (req, res) => {
    res.json(await openWorkspace(store, workspaceCaller(req, res), idParam(req.params.id)));
  });
  r.put('/workspaces/:id', async (req, res) => {
    const id = idParam(req.params.id);
    const { scene, version } = parseInput(saveBody, req.body ?? undefined);
    res.json(await changeWorkspace(store, workspaceCaller(req, res), id, version, { scene }));
  });
  r.patch('/workspaces/:id', async (req, res) => {
    const id = idParam(req.params.id);
    const { name, visibility, version } = parseInput(patchBody, req.body ?? undefined);
    res.json(await changeWorkspace(store, workspaceCaller(req, res), id, version, { name, visibility }));
  });
  r.delete('/workspaces/:id', async (req, res) => {
    await removeWorkspace(store, workspaceCaller(req, res), idParam(req.params.id));
    res.status(204).end();
  });
  return r;
}
