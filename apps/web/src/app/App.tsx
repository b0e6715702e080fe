import { App as AntApp, Button, Result } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ChangePasswordPage } from '../auth/ChangePasswordPage';
import { LoginPage } from '../auth/LoginPage';
import { SessionProvider, useSession } from '../auth/SessionProvider';
import { PageLoading } from '../components/PageLoading';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import { AppLayout } from './AppLayout';
import { PAGE_ROUTES, homePathFor, type PageRoute } from './routes';
import './app.css';

export function App() {
  return (
    <I18nProvider>
      <AntApp>
        <SessionProvider>
          <BrowserRouter basename="/ui">
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/password" element={<ChangePasswordPage />} />
              <Route
                element={
                  <SignedIn>
                    <AppLayout />
                  </SignedIn>
                }
              >
                <Route index element={<Home />} />
                {PAGE_ROUTES.map((route) => (
                  <Route key={route.path} path={route.path} element={<Allowed route={route} />} />
                ))}
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </I18nProvider>
  );
}

/** Pages need a session; a password an administrator reset must be changed before anything else. */
function SignedIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (session.mustChangePassword) return <Navigate to="/password" replace />;
  return <>{children}</>;
}

function Home() {
  const { session } = useSession();
  return <Navigate to={homePathFor(session!.user.role)} replace />;
}

function Allowed({ route }: { route: PageRoute }) {
  const { session } = useSession();
  const { t } = useI18n();
  if (route.allowed && !route.allowed(session!.user.role)) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  const Page = route.page;
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('common.notFound')} extra={<Button href="/ui/">{t('common.backHome')}</Button>} />;
}
