/** Why the server stopped honouring the session: each gets its own message on the sign-in page. */
export type SessionEndReason = 'expired' | 'revoked' | 'invalid' | 'signed-out';

type Listener = (reason: SessionEndReason) => void;
const listeners = new Set<Listener>();

/** The session provider listens; the Apollo links report. Kept out of React so links can call it. */
export const sessionEvents = {
  ended(reason: SessionEndReason): void {
    for (const listener of listeners) listener(reason);
  },
  onEnded(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

const reasonByCode: Record<string, SessionEndReason> = {
  SESSION_EXPIRED: 'expired',
  SESSION_REVOKED: 'revoked',
  SESSION_INVALID: 'invalid',
  UNAUTHENTICATED: 'signed-out',
};

/** The session end a GraphQL error code stands for, if it stands for one. */
export function sessionEndOf(code: unknown): SessionEndReason | null {
  return typeof code === 'string' ? (reasonByCode[code] ?? null) : null;
}
