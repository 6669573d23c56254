// Mounts the status area under the canvas: the status line, the busy spinner, canvas counts and notices.
import type { AppContext } from '../../app/context';
import { mountStatusArea } from './ui/status-area';

/** Mounts the status area. */
export function mountStatus(ctx: AppContext): void {
  mountStatusArea(ctx.page.status, ctx.store, ctx.actions);
}
