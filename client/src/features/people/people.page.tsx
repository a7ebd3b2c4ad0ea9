import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { LoadMore } from '../../components/load-more';
import { Card, Page } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { EmployeesDocument, MyTeamDocument, type PersonListItemFragment } from '../../gql/graphql';

const PAGE = 20;

interface Connection {
  totalCount: number;
  edges: { node: PersonListItemFragment }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** A manager's team (`myTeam`) or, for HR and the payroll office, the organization (`employees`). */
export function PeoplePage({ scope }: { scope: 'team' | 'employees' }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [draft, setDraft] = useState(search);
  useEffect(() => setDraft(search), [search]);
  const filter = search ? { search } : null;
  const team = useQuery(MyTeamDocument, {
    variables: { first: PAGE, filter },
    skip: scope !== 'team',
  });
  const all = useQuery(EmployeesDocument, {
    variables: { first: PAGE, filter },
    skip: scope !== 'employees',
  });
  const query = scope === 'team' ? team : all;
  const connection: Connection | undefined =
    scope === 'team' ? team.data?.myTeam : all.data?.employees;
  const searchId = useId();
  const base = scope === 'team' ? '/team' : '/employees';

  // Typing narrows the list after a short pause; Enter searches at once.
  useEffect(() => {
    if (draft.trim() === search) return;
    const timer = setTimeout(() => apply(draft), 400);
    return () => clearTimeout(timer);
  });
  const apply = (value: string) => {
    const next = new URLSearchParams(params);
    if (value.trim()) next.set('q', value.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  };

  return (
    <Page title={scope === 'team' ? t('people.teamTitle') : t('people.employeesTitle')}>
      <form
        className="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft);
        }}
      >
        <label htmlFor={searchId}>{t('people.search')}</label>
        <div className="search-row">
          <input
            id={searchId}
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button-secondary">
            {t('people.searchButton')}
          </button>
        </div>
      </form>
      <Card>
        <QueryState data={connection} error={query.error} retry={() => query.refetch()}>
          {(people) =>
            people.edges.length === 0 ? (
              <Empty>{t('people.empty')}</Empty>
            ) : (
              <>
                <p className="muted" aria-live="polite">
                  {t('people.count', { count: people.totalCount })}
                </p>
                <ul className="people-list" data-testid="people-list">
                  {people.edges.map(({ node }) => (
                    <li key={node.id}>
                      <Link to={`${base}/${node.id}`} className="person">
                        <span className="person-name">{node.fullName}</span>
                        <span className="muted">
                          {[node.position?.name, node.department?.name, `№ ${node.personnelNumber}`]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
                <LoadMore
                  hasMore={people.pageInfo.hasNextPage}
                  shown={people.edges.length}
                  total={people.totalCount}
                  onLoad={() =>
                    query.fetchMore({ variables: { after: people.pageInfo.endCursor } })
                  }
                />
              </>
            )
          }
        </QueryState>
      </Card>
    </Page>
  );
}
