// The URL names the open workspace (`?workspace=<id>`) so the page can be shared and reloaded.

/** The query parameter that names the open workspace. */
export const WORKSPACE_PARAM = 'workspace';

/** The workspace id in `search` (default: this page's), or null. */
export function workspaceIdFromUrl(search: string = window.location.search): string | null {
  const id = new URLSearchParams(search).get(WORKSPACE_PARAM)?.trim();
  return id ? id : null;
}

/**
 * Names workspace `id` in the address bar (null removes it) without reloading or adding a history
 * entry. `?node=` goes too: the workspace, not the start node, is what the link shows.
 */
export function setWorkspaceInUrl(id: string | null): void {
  const url = new URL(window.location.href);
  if (id === null) url.searchParams.delete(WORKSPACE_PARAM);
  else {
    url.searchParams.set(WORKSPACE_PARAM, id);
    url.searchParams.delete('node');
  }
  window.history.replaceState(window.history.state, '', url);
}
