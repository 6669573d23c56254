// Saves a Blob as a file through an `<a download>` and an object URL (no window.open, nothing inline).

/** How long the object URL stays alive after the click: the browser has started the download by then. */
const REVOKE_AFTER_MS = 60_000;

/** Starts the browser's download of `blob` as `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
