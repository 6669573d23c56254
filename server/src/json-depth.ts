// A bound on how deeply a JSON request body nests, checked once for every route right after parsing.
import type { RequestHandler } from 'express';
import { depthWithin } from '../../contract/index.js';
import { AppError } from './errors.js';

/**
 * Deeper than any body the API takes (a workspace scene is about 6 levels, console parameters at most 32):
 * deeper values overflow recursive code further on (JSON.stringify, the Bolt packer) with a 500.
 */
export const MAX_BODY_DEPTH = 64;

/** 400 BAD_REQUEST (field `body`) for a parsed JSON body nested deeper than `max`. */
export function limitJsonDepth(max = MAX_BODY_DEPTH): RequestHandler {
  return (req, _res, next) => {
    if (req.body && typeof req.body === 'object' && !depthWithin(req.body, max)) {
      next(
        new AppError(
          'BAD_REQUEST',
          400,
          `Invalid body: expected JSON nested at most ${max} levels deep.`,
          'body',
        ),
      );
      return;
    }
    next();
  };
}
