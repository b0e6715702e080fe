import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession, useUser } from '../auth/SessionProvider';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageLoading } from '../components/PageLoading';
import { useI18n } from '../i18n/I18nProvider';
import { useMenuBadges } from './menu-badges';
import { PAGE_ROUTES } from './routes';
import { ZoneSwitcher } from './ZoneSwitcher';

export function AppLayout() {
  const { t } = useI18n();
  const user = useUser();
  const { session, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => window.innerWidth < 1100);
  const badges = useMenuBadges();
  const entries = PAGE_ROUTES.filter((r) => r.menu && (!r.allowed || r.allowed(user.role)));
  const selected = entries.find((r) => location.pathname.startsWith(r.path.replace('/*', '')))?.path;

  return (
    <Layout className="app-layout">
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={200} theme="dark">
        <div className="app-brand" title={t('app.title')}>
          {collapsed ? '招' : t('app.shortTitle')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          onClick={({ key }) => navigate(key.replace('/*', ''))}
          items={entries.map((r) => ({
            key: r.path,
            icon: r.menu!.icon,
            label: (
              <Space size={6}>
                <span>{t(r.menu!.key)}</span>
                {badges[r.menu!.key] ? <Badge count={badges[r.menu!.key]} size="small" overflowCount={999} /> : null}
              </Space>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text strong className="app-header-title">
            {t('app.title')}
          </Typography.Text>
          <Space>
            <ZoneSwitcher />
            <LanguageSwitch />
            {/* Opens on click, not hover: a tablet has no hover, and a keyboard user opens it with Enter. */}
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword'), onClick: () => navigate('/password') },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), onClick: () => void logout().then(() => navigate('/login')) },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="current-user">
                {user.displayName}（{user.roleLabel}）
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          {/* A city role choosing another zone (查看园区) remounts the page: everything it shows is read again from that zone. */}
          <Suspense key={session?.viewedZone ?? 'home'} fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
