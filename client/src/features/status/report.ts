// Shows an unexpected error to the user as an error notice; a cancelled request is not an error.
import { ApiError, describeError, isAbortError } from '../../api/api-error';
import type { StatusActions } from './state';

/** Reports `err` through a notice that stays until dismissed (its code, when the API gave one). */
export type Report = (err: unknown) => void;

/** A Report that notifies through `actions`. */
export function createReport(actions: Pick<StatusActions, 'notify'>): Report {
  return (err) => {
    if (isAbortError(err)) return;
    actions.notify('error', describeError(err), err instanceof ApiError ? err.code : undefined);
  };
}
