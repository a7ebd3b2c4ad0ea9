import './main.css';

import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

import { graphql } from './gql';
import type { PortalOrganizationQuery } from './gql/graphql';

const PortalOrganization = graphql(`
  query PortalOrganization {
    organization {
      name
    }
  }
`);

async function fetchOrganizationName(signal: AbortSignal): Promise<string> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: PortalOrganization.toString() }),
    signal,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { data?: PortalOrganizationQuery | null };
  const name = body.data?.organization.name;
  if (!name) throw new Error('organization.name is missing');
  return name;
}

function OrganizationName() {
  // undefined: still loading; null: failed.
  const [name, setName] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    fetchOrganizationName(controller.signal).then(
      (value) => setName(value),
      () => {
        if (!controller.signal.aborted) setName(null);
      },
    );
    return () => controller.abort();
  }, []);

  if (name === undefined) return <span className="muted">загрузка…</span>;
  return <span>{name ?? '—'}</span>;
}

function App() {
  return (
    <main className="page">
      <h1>Кабинет сотрудника</h1>
      <p className="organization">
        Организация: <OrganizationName />
      </p>
      <p>
        Портал находится в разработке. Скоро здесь появятся личные данные, заявления и документы.
      </p>
      <p>
        Пока доступен интерфейс для разработчиков: <a href="/graphiql">GraphiQL</a>.
      </p>
    </main>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root container is missing');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
