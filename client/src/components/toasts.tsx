import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface Toast {
  id: string;
  title: string;
  body?: string | null;
  kicker?: string;
  link?: string | null;
}

const ToastContext = createContext<(toast: Toast) => void>(() => undefined);
const SHOW_MS = 8_000;

/** Shows a toast; a second one with the same id is ignored. */
export const useToast = () => useContext(ToastContext);

/** Toasts in a polite live region, top right (bottom on phones), each dismissible. */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const dismiss = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);
  const show = useCallback(
    (toast: Toast) => {
      if (timers.current.has(toast.id)) return;
      timers.current.set(
        toast.id,
        setTimeout(() => dismiss(toast.id), SHOW_MS),
      );
      setToasts((current) => [...current.slice(-2), toast]);
    },
    [dismiss],
  );
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        className="toasts"
        role="status"
        aria-live="polite"
        aria-label={t('notifications.toastRegion')}
      >
        {toasts.map((toast) => (
          <div key={toast.id} className="toast">
            <div className="toast-text">
              {toast.kicker ? <span className="toast-kicker">{toast.kicker}</span> : null}
              <strong className="toast-title">{toast.title}</strong>
              {toast.body ? <span className="toast-body">{toast.body}</span> : null}
              {toast.link?.startsWith('/') ? (
                <Link to={toast.link} onClick={() => dismiss(toast.id)}>
                  {t('notifications.open')}
                </Link>
              ) : null}
            </div>
            <button
              type="button"
              className="icon-button"
              aria-label={t('app.close')}
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
