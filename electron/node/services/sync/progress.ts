// Progress of the long sync operation running on a connection, for the UI to poll
// (`sync.progress`) while the export or import call is still pending.
import type { SyncProgress } from '../../../common/sync/model.js';
import type { Connection } from '../../context.js';

type Progress = NonNullable<SyncProgress>;

const running = new WeakMap<Connection, Progress>();

export function currentProgress(conn: Connection): SyncProgress {
  const progress = running.get(conn);
  return progress ? { ...progress } : null;
}

export interface ProgressReporter {
  update(patch: Partial<Omit<Progress, 'operation' | 'startedAt'>>): void;
  end(): void;
}

export function startProgress(conn: Connection, operation: Progress['operation'], startedAt: string, onProgress?: (p: Progress) => void): ProgressReporter {
  const progress: Progress = { operation, phase: 'starting', file: null, done: 0, total: null, startedAt };
  running.set(conn, progress);
  return {
    update(patch) {
      Object.assign(progress, patch);
      onProgress?.({ ...progress });
    },
    end() {
      if (running.get(conn) === progress) running.delete(conn);
    },
  };
}
