import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useLocation, useNavigate } from 'react-router';

import { sessionEndOf, sessionEvents } from '../apollo/session-events';
import { errorCode } from '../components/errors';
import {
  SessionDocument,
  SignOutDocument,
  type PortalSection,
  type Role,
  type SessionQuery,
} from '../gql/graphql';
import { TimeZoneContext } from '../i18n/format';

export type Me = SessionQuery['me'];

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'signed-in'; me: Me; sections: readonly PortalSection[] };

interface SessionApi {
  state: SessionState;
  /** After a successful `login`: loads the account, then the caller navigates. */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in account; only for pages behind RequireSession. */
export function useMe() {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a session');
  const { me, sections } = state;
  const hasRole = (role: Role) => me.roles.includes(role);
  return { me, sections, hasRole, employeeId: me.employee?.id ?? null };
}

/** A path to come back to after signing in: same-site paths only (no open redirects). */
export function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login')
    ? value
    : '/';
}

/**
 * The session, from `me`: signed in, signed out, or unknown because the server is unreachable.
 * When any response says the session ended (expired, revoked), the store is dropped and the user
 * lands on sign-in with the page they were on kept for afterwards.
 */
export function SessionProvider({ children }: { children: React.ReactNode }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  here.current = location;
  const { data, error, refetch } = useQuery(SessionDocument, {
    fetchPolicy: 'cache-first',
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: false,
  });
  const [signOutMutation] = useMutation(SignOutDocument);
  // Set when the session ends, until the next sign-in: stale cached data must not count as signed in.
  const [ended, setEnded] = useState(false);
  const signedIn = useRef(false);
  signedIn.current = Boolean(data?.me) && !ended;

  useEffect(
    () =>
      sessionEvents.onEnded((reason) => {
        if (!signedIn.current) return;
        signedIn.current = false;
        setEnded(true);
        const { pathname, search } = here.current;
        const params = new URLSearchParams({ next: `${pathname}${search}`, reason });
        void navigate(`/login?${params.toString()}`, { replace: true });
        // After the pages unmount, so their queries are not refetched as signed out.
        setTimeout(() => void client.resetStore().catch(() => undefined), 0);
      }),
    [client, navigate],
  );

  const refresh = useCallback(async () => {
    await client.resetStore();
    setEnded(false);
  }, [client]);

  const signOut = useCallback(async () => {
    signedIn.current = false;
    setEnded(true);
    try {
      await signOutMutation();
    } catch {
      // Already ended on the server: signing out locally is what is left.
    }
    await navigate('/login', { replace: true });
    await client.resetStore().catch(() => undefined);
  }, [client, navigate, signOutMutation]);

  const state = useMemo<SessionState>(() => {
    if (ended) return { status: 'signed-out' };
    if (data?.me)
      return {
        status: 'signed-in',
        me: data.me,
        sections: data.organizationSettings.enabledSections,
      };
    if (error) {
      return sessionEndOf(errorCode(error))
        ? { status: 'signed-out' }
        : { status: 'error', error, retry: () => void refetch().catch(() => undefined) };
    }
    return { status: 'loading' };
  }, [ended, data, error, refetch]);

  const api = useMemo(() => ({ state, refresh, signOut }), [state, refresh, signOut]);
  return (
    <SessionContext.Provider value={api}>
      <TimeZoneContext.Provider
        value={state.status === 'signed-in' ? state.me.organization.timeZone : 'Europe/Moscow'}
      >
        {children}
      </TimeZoneContext.Provider>
    </SessionContext.Provider>
  );
}
