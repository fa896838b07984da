import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { auth, onUnauthorized, setAccessToken, type AuthResult, type User } from '../api';

const STORAGE_KEY = 'farmlink.session';

interface Session {
  user: User;
  accessToken: string;
}

interface AuthState {
  user: User | null;
  signIn(result: AuthResult): void;
  signOut(): void;
  /** Keeps the session's token and shows the user as the API now answers it (after a profile change). */
  updateUser(user: User): void;
}

function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const s = raw ? (JSON.parse(raw) as Session) : null;
    if (s?.accessToken && s.user?.id) {
      setAccessToken(s.accessToken);
      return s;
    }
  } catch {
    /* ignore a broken entry */
  }
  return null;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(loadSession);

  const signOut = useCallback(() => {
    setAccessToken(null);
    localStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);

  const signIn = useCallback((result: AuthResult) => {
    setAccessToken(result.accessToken);
    const s = { user: result.user, accessToken: result.accessToken };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    setSession(s);
  }, []);

  const updateUser = useCallback((user: User) => {
    setSession((current) => {
      if (!current) return current;
      const s = { user, accessToken: current.accessToken };
      localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
      return s;
    });
  }, []);

  useEffect(() => onUnauthorized(signOut), [signOut]);

  // Refresh the stored user once per visit (role or name may have changed).
  const token = session?.accessToken;
  useEffect(() => {
    if (!token) return;
    auth
      .me()
      .then((user) => {
        const s = { user, accessToken: token };
        localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
        setSession(s);
      })
      .catch(() => undefined);
  }, [token]);

  const value = useMemo(() => ({ user: session?.user ?? null, signIn, signOut, updateUser }), [session, signIn, signOut, updateUser]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
