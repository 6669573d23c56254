// The analytics slice of State and its transitions: the settings the user chooses and the measures computed from the scene.
import type { Updater } from '../../state/update';
import { defaultAnalytics, type AnalyticsSettings } from './analytics-settings';
import type { SceneMetrics } from './scene-metrics';

/** The analytics part of State. */
export interface AnalyticsSlice {
  /** Which measure sizes nodes and whether communities colour them. */
  analytics: AnalyticsSettings;
  /** Measures of the visible scene, derived (recomputed after scene or filter changes); null until computed. */
  metrics: SceneMetrics | null;
}

/** Default settings, nothing measured yet. */
export function initialAnalytics(): AnalyticsSlice {
  return { analytics: defaultAnalytics(), metrics: null };
}

/** The analytics transitions. */
export interface AnalyticsActions {
  /** Chooses the sizing measure and community colouring (a preference, not undone). */
  setAnalytics(settings: AnalyticsSettings): void;
  /** Stores freshly computed measures; derived data, not a user step. */
  setMetrics(metrics: SceneMetrics | null): void;
}

/** The analytics transitions, each one call of `u.update`. */
export function analyticsActions(u: Updater): AnalyticsActions {
  return {
    setAnalytics: (analytics) => u.update(() => ({ analytics })),
    setMetrics: (metrics) => u.update(() => ({ metrics })),
  };
}
