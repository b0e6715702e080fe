import { App } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';

/** What a registry of the admin pages (departments, teams, chains) can do to an entry. */
export interface RegistryOperations<B> {
  create(body: B): Promise<unknown>;
  update(id: string, body: B): Promise<unknown>;
  /** Activates or deactivates, with the audited reason. */
  setActive(id: string, active: boolean, reason: string | undefined): Promise<unknown>;
  /** Reads the registry again after a change. */
  reload(): void;
}

/**
 * The edit and (de)activate flow the registry sections share: `editing` is undefined while no form
 * is open, null for a new entry, the entry when editing it; `toggling` is the entry whose reason
 * dialog is open. A save or toggle closes its dialog and reloads the registry.
 */
export function useRegistryEditing<T extends { id: string; active: boolean }, B>(ops: RegistryOperations<B>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<T | null | undefined>(undefined);
  const [toggling, setToggling] = useState<T | null>(null);

  const save = async (body: B) => {
    if (editing) await ops.update(editing.id, body);
    else await ops.create(body);
    setEditing(undefined);
    message.success(t('admin.saved'));
    ops.reload();
  };

  const toggle = async (reason: string | undefined) => {
    if (!toggling) return;
    await ops.setActive(toggling.id, !toggling.active, reason);
    setToggling(null);
    ops.reload();
  };

  return { editing, setEditing, toggling, setToggling, save, toggle };
}
