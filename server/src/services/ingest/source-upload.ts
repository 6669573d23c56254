// Multipart uploads of an article (`file` part plus text fields): decoded to UTF-8 text, HTML reduced to its
// readable text, then handed to the JSON schema of POST /api/sources like a pasted article.
import type { RequestHandler } from 'express';
import multer from 'multer';
import { convert } from 'html-to-text';
import { MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS } from '../../../../contract/index.js';
import { AppError, ValidationError } from '../../errors.js';

type Extension = (typeof UPLOAD_EXTENSIONS)[number];

const upload = multer({
  storage: multer.memoryStorage(),
  // One file and a few short fields: anything more is not an article upload.
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 4_000, parts: 12 },
});

/** The article's text from an HTML page: headings, paragraphs and list items, without markup, scripts or link targets. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  }).trim();
}

/** The HTML page's <title>, if it has one (the default title of an upload). */
function htmlTitle(html: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const t = m ? convert(m[1]!, { wordwrap: false }).trim() : '';
  return t || null;
}

/** UTF-8 (a BOM is dropped); anything else is refused, naming the file. */
function decode(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ValidationError(
      `Invalid \`file\`: "${name}" is not UTF-8 text; save it as UTF-8 (or paste its text).`,
      'file',
    );
  }
}

/** What an uploaded file holds: its readable text and, when it names one, a title. */
export function readUpload(bytes: Buffer, originalName: string): { text: string; title: string | null } {
  const lower = originalName.toLowerCase();
  const ext = UPLOAD_EXTENSIONS.find((e) => lower.endsWith(e)) as Extension | undefined;
  if (!ext)
    throw new ValidationError(
      `Invalid \`file\`: "${originalName}" is not an article file; expected one of ${UPLOAD_EXTENSIONS.join(', ')}.`,
      'file',
    );
  const raw = decode(bytes, originalName);
  if (ext === '.html' || ext === '.htm') return { text: htmlToText(raw), title: htmlTitle(raw) };
  const stem = originalName
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return { text: raw, title: stem || null };
}

/** multer's errors as the API's: a file too large is 413 with the limit, anything else 400 naming the part. */
function uploadError(err: unknown): AppError {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE')
      return new AppError(
        'PAYLOAD_TOO_LARGE',
        413,
        `\`file\` is too large: at most ${MAX_UPLOAD_BYTES.toLocaleString('en')} bytes.`,
        'file',
        false,
        { limit: MAX_UPLOAD_BYTES },
      );
    const field = err.field ?? 'file';
    return new ValidationError(`Invalid \`${field}\`: ${err.message.toLowerCase()}.`, field);
  }
  return err instanceof AppError ? err : new ValidationError('Invalid multipart form.', 'request');
}

/**
 * For multipart requests only (JSON passes through): reads the form, turns its `file` into `text` (and a default
 * `title`), and leaves the fields as `req.body` for the contract's schema. Sending both `file` and `text` is refused.
 */
export const articleUpload: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data')) return next();
  upload.single('file')(req, res, (err?: unknown) => {
    if (err) return next(uploadError(err));
    try {
      const body = { ...((req.body ?? {}) as Record<string, unknown>) };
      const file = req.file;
      if (file) {
        if (body.text !== undefined)
          throw new ValidationError(
            'Invalid `text`: send the article as `text` or as a `file`, not both.',
            'text',
          );
        const { text, title } = readUpload(file.buffer, file.originalname);
        body.text = text;
        if (body.title === undefined && title) body.title = title;
      }
      req.body = body;
      next();
    } catch (e) {
      next(uploadError(e));
    }
  });
};
