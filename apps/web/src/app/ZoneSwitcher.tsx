import { EnvironmentOutlined } from '@ant-design/icons';
import { Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useSession } from '../auth/SessionProvider';
import { useZones } from '../auth/use-zones';
import { useI18n } from '../i18n/I18nProvider';
import { isCityRole, showsZoneChoice, zoneName } from '../logic/zones';

/**
 * The zone in the header (issue 12). A city role (市领导) chooses in 查看园区 which zone's data
 * every page reads (X-ZS-Zone on reads); another zone than its own is marked read only. Other
 * users see their zone's name when the deployment serves several, and nothing otherwise.
 */
export function ZoneSwitcher() {
  const { t } = useI18n();
  const { session, viewZone } = useSession();
  const { zones } = useZones();
  const home = session?.zone ?? null;
  const viewed = session?.viewedZone ?? null;
  // A zone no longer served (the deployment's ZONES changed since it was chosen): back to the home zone.
  useEffect(() => {
    if (viewed && zones && !zones.some((z) => z.code === viewed)) viewZone(null);
  }, [viewed, zones, viewZone]);
  if (!session) return null;

  if (!isCityRole(session.user.role)) {
    if (!showsZoneChoice(zones) || !home) return null;
    return (
      <Tag icon={<EnvironmentOutlined />} color="blue" data-testid="current-zone">
        {t('zone.current', { zone: zoneName(zones, home)! })}
      </Tag>
    );
  }

  const shown = viewed ?? home ?? zones?.[0]?.code ?? null;
  return (
    <Space size={6} className="zone-switcher">
      <Typography.Text type="secondary" className="zone-switcher-label">
        {t('zone.view')}
      </Typography.Text>
      <Select
        size="small"
        aria-label={t('zone.view')}
        data-testid="zone-switcher"
        style={{ minWidth: 120 }}
        popupMatchSelectWidth={false}
        value={shown ?? undefined}
        loading={!zones}
        onChange={(code: string) => viewZone(code)}
        options={(zones ?? []).map((z) => ({ value: z.code, label: z.code === home ? t('zone.homeOption', { zone: z.name }) : z.name }))}
        labelRender={({ value }) => <span data-testid="viewed-zone">{zoneName(zones, String(value)) ?? String(value)}</span>}
      />
      {viewed && viewed !== home ? (
        <Tag color="orange" data-testid="viewing-other-zone">
          {t('zone.viewing', { zone: zoneName(zones, viewed)! })}
        </Tag>
      ) : null}
    </Space>
  );
}
