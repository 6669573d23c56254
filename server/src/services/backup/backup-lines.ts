// Reads a backup file line by line through gunzip, streamed; a missing, non-gzip or cut-short file is a BackupFileError.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BackupFileError } from './backup-format.js';

/** Yields each line (without its newline) with its 1-based number. */
export async function* backupLines(file: string): AsyncGenerator<{ text: string; no: number }> {
  if (!existsSync(file)) throw new BackupFileError(`${file}: no such file.`);
  if (!statSync(file).isFile()) throw new BackupFileError(`${file}: not a file.`);
  // pipeline forwards a read error to the gunzip stream, which the loop below then throws.
  const gunzip = pipeline(createReadStream(file), createGunzip(), () => {});
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carry = '';
  let no = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = carry + decoder.decode(chunk, { stream: true });
      const parts = text.split('\n');
      carry = parts.pop()!;
      for (const part of parts) yield { text: part, no: ++no };
    }
    carry += decoder.decode();
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (/unexpected end of file/i.test(e.message ?? ''))
      throw new BackupFileError(`${file}: cut short (the gzip stream ends early).`);
    if (
      e.code === 'Z_DATA_ERROR' ||
      e.code === 'Z_BUF_ERROR' ||
      e.code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
    )
      throw new BackupFileError(`${file}: damaged or not a gzip'd backup (${e.message}).`);
    throw err;
  }
  if (carry) yield { text: carry, no: no + 1 };
}
