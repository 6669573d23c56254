// Runs a use case with the busy indicator on and reports its failure to the user, never dropping it.
import type { Actions } from '../../state/actions';

/** Runs `task`; resolves when it has finished, whether it succeeded or was reported. */
export type RunTask = (task: () => Promise<void>) => Promise<void>;

/** A RunTask that shows progress through `actions` and failures through `report`. */
export function createRunTask(
  actions: Pick<Actions, 'beginWork' | 'endWork'>,
  report: (err: unknown) => void,
): RunTask {
  return async (task) => {
    actions.beginWork();
    try {
      await task();
    } catch (err) {
      report(err);
    } finally {
      actions.endWork();
    }
  };
}
