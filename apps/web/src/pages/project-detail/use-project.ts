import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { ProjectView } from './project-tab';

export interface LoadedProject {
  project: ProjectView | null;
  /** When the project was last read: the origin of its clocks' countdowns. */
  readAt: number;
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
}

/** GET /projects/:id, read again on demand (after a step, after a 409); the last good read stays shown while reading. */
export function useProject(id: string): LoadedProject {
  const [project, setProject] = useState<ProjectView | null>(null);
  const [readAt, setReadAt] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const view = await unwrap(api.GET('/projects/{id}', { params: { path: { id } } }));
      setProject(view);
      setReadAt(Date.now());
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [id]);
  useEffect(() => {
    setProject(null);
    void reload();
  }, [reload]);
  return { project, readAt, error, loading, reload };
}
