import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';

interface Option {
  value: string;
  label: string;
}

/**
 * Picks a project by its company's name (GET /projects?q=, partial names found): the newest
 * projects before anything is typed. Shows the name and the stage, never the id alone.
 */
export function ProjectPicker({ value, onChange, id }: { value?: string; onChange?: (id: string | undefined) => void; id?: string }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);

  const find = (q: string) => {
    const call = ++latest.current;
    setLoading(true);
    const query = { page: 1, pageSize: 20, sort: '-registeredAt' as const, ...(q.trim() ? { q: q.trim() } : {}) };
    unwrap(api.GET('/projects', { params: { query } }))
      .then((page) => {
        if (call !== latest.current) return;
        setOptions(page.items.map((p) => ({ value: p.id, label: `${p.lead.companyName}（${p.stageLabel}）` })));
      })
      .catch(() => call === latest.current && setOptions([]))
      .finally(() => call === latest.current && setLoading(false));
  };
  useEffect(() => {
    find('');
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  return (
    <Select
      id={id}
      className="audit-picker"
      showSearch={{ filterOption: false, onSearch: (q) => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => find(q), 250);
      } }}
      allowClear
      loading={loading}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      placeholder={t('audit.pickProject')}
      notFoundContent={loading ? t('common.loading') : t('audit.noProject')}
      aria-label={t('audit.project')}
    />
  );
}
