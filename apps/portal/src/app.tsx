import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { listenForSessionProblems } from './client';
import { graphql } from './gql';
import type { Role } from './gql/graphql';
import { ROLE_LABELS } from './labels';
import { LoginPage } from './pages/login';
import { homeOf, mustEnrol, setSession, useSession } from './session';
import { Loading } from './ui';

// The login page is the first paint; every other screen loads when it is first opened.
const RegisterPage = lazy(() => import('./pages/register'));
const VerifyEmailPage = lazy(() => import('./pages/verify-email'));
const PasswordPage = lazy(() => import('./pages/password'));
const CustomerHome = lazy(() => import('./pages/customer-home'));
const ApplyPage = lazy(() => import('./pages/apply'));
const SearchPage = lazy(() => import('./pages/search'));
const DetailPage = lazy(() => import('./pages/detail'));
const OperatorQueue = lazy(() => import('./pages/operator-queue'));
const AccountsPage = lazy(() => import('./pages/accounts'));
const MeteringPage = lazy(() => import('./pages/metering'));
const SecurityEventsPage = lazy(() => import('./pages/security-events'));
const MfaPage = lazy(() => import('./pages/mfa'));

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

const NAV: Record<Role, { to: string; label: string }[]> = {
  CUSTOMER: [
    { to: '/home', label: 'お申込み状況' },
    { to: '/apply', label: '新規のお申込み' },
    { to: '/applications', label: '申込一覧の検索' },
    { to: '/password', label: 'パスワードの変更' },
    { to: '/mfa', label: '2段階認証' },
  ],
  OPERATOR: [
    { to: '/operator', label: '受付一覧' },
    { to: '/applications', label: '申込一覧の検索' },
    { to: '/accounts', label: 'アカウント管理' },
    { to: '/metering', label: '計量地点台帳' },
    { to: '/password', label: 'パスワードの変更' },
  ],
  AUDITOR: [
    { to: '/auditor', label: '申込一覧の検索' },
    { to: '/security-events', label: 'セキュリティイベント' },
    { to: '/password', label: 'パスワードの変更' },
  ],
};

function Header() {
  const session = useSession();
  const navigate = useNavigate();
  const [, logout] = useMutation(LogoutMutation);
  async function onLogout() {
    await logout({});
    setSession(null);
    void navigate('/login', { replace: true });
  }
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <p className="site-title">
          <Link to={session ? homeOf(session.role) : '/login'}>
            高圧電力メーター情報発信サービス（高圧Bルートサービス）のお申込み
          </Link>
        </p>
        {session && (
          <div className="site-user">
            <span>
              {session.name || session.userId} 様（{ROLE_LABELS[session.role]}）
            </span>
            <button type="button" className="button-secondary" onClick={() => void onLogout()}>
              ログアウト
            </button>
          </div>
        )}
      </div>
      {session && !session.mustChangePassword && !mustEnrol(session) && (
        <nav aria-label="メニュー" className="site-nav">
          <ul>
            {NAV[session.role].map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

/** Sends a visitor without a session to login, and back here after it. */
function Private({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (session.mustChangePassword && location.pathname !== '/password') {
    return <Navigate to="/password" replace />;
  }
  // ACC-9: a staff account enrols its second factor before anything else (but its password).
  if (!session.mustChangePassword && mustEnrol(session) && location.pathname !== '/mfa') {
    return <Navigate to="/mfa" replace />;
  }
  if (roles && !roles.includes(session.role)) return <Navigate to={homeOf(session.role)} replace />;
  return <>{children}</>;
}

function SessionWatch() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    listenForSessionProblems((code) => {
      if (code === 'PASSWORD_CHANGE_REQUIRED') {
        void navigate('/password', { replace: true });
        return;
      }
      if (code === 'MFA_REQUIRED') {
        void navigate('/mfa', { replace: true });
        return;
      }
      if (window.location.pathname === '/login') return;
      const next = encodeURIComponent(window.location.pathname + window.location.search);
      // Away from the page first, so that no guard sends the user to login without the notice.
      void navigate(`/login?next=${next}&expired=1`, { replace: true });
      setSession(null);
    });
  }, [navigate]);
  // Moves focus to the new page's heading, as a page load would for a screen reader.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);
  return null;
}

export function App() {
  const session = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <Header />
      <SessionWatch />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/verify-email" element={<VerifyEmailPage />} />
            <Route
              path="/password"
              element={
                <Private>
                  <PasswordPage />
                </Private>
              }
            />
            <Route
              path="/mfa"
              element={
                <Private>
                  <MfaPage />
                </Private>
              }
            />
            <Route
              path="/home"
              element={
                <Private roles={['CUSTOMER']}>
                  <CustomerHome />
                </Private>
              }
            />
            <Route
              path="/apply"
              element={
                <Private roles={['CUSTOMER']}>
                  <ApplyPage />
                </Private>
              }
            />
            <Route
              path="/applications"
              element={
                <Private>
                  <SearchPage />
                </Private>
              }
            />
            <Route
              path="/auditor"
              element={
                <Private roles={['AUDITOR']}>
                  <SearchPage />
                </Private>
              }
            />
            <Route
              path="/security-events"
              element={
                <Private roles={['AUDITOR']}>
                  <SecurityEventsPage />
                </Private>
              }
            />
            <Route
              path="/applications/:id"
              element={
                <Private>
                  <DetailPage />
                </Private>
              }
            />
            <Route
              path="/operator"
              element={
                <Private roles={['OPERATOR']}>
                  <OperatorQueue />
                </Private>
              }
            />
            <Route
              path="/accounts"
              element={
                <Private roles={['OPERATOR']}>
                  <AccountsPage />
                </Private>
              }
            />
            <Route
              path="/metering"
              element={
                <Private roles={['OPERATOR']}>
                  <MeteringPage />
                </Private>
              }
            />
            <Route
              path="*"
              element={<Navigate to={session ? homeOf(session.role) : '/login'} replace />}
            />
          </Routes>
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>東京電力パワーグリッド株式会社　高圧Bルートサービス</p>
      </footer>
    </>
  );
}
