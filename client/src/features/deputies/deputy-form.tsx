import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useMe } from '../../app/session';
import { DateField } from '../../components/date-field';
import { errorCode, errorField } from '../../components/errors';
import { Card } from '../../components/page';
import { Empty, ErrorNotice, QueryState } from '../../components/query-state';
import {
  DeputiesDocument,
  DeputyCandidatesDocument,
  SetDeputyDocument,
  type DeputyCandidateFragment,
} from '../../gql/graphql';

const CANDIDATES = 10;

interface Chosen {
  userId: string;
  name: string;
}

/**
 * Names a deputy for a period: a colleague from the manager's team or, for HR and the offices, the
 * organization's list (`accountId` is the user `setDeputy` takes); HR may name one for someone else.
 */
export function DeputyForm({ scope }: { scope: 'team' | 'employees' }) {
  const { t } = useTranslation();
  const { hasRole } = useMe();
  const [principal, setPrincipal] = useState<Chosen | null>(null);
  const [deputy, setDeputy] = useState<Chosen | null>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [problems, setProblems] = useState<{ deputy?: string; start?: string; end?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const [save, { loading, error }] = useMutation(SetDeputyDocument, {
    refetchQueries: [DeputiesDocument],
  });
  const hr = hasRole('HR');

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    if (!deputy) found.deputy = t('deputies.chooseDeputy');
    if (!start) found.start = t('tasks.leaveForm.dateRequired');
    if (!end) found.end = t('tasks.leaveForm.dateRequired');
    else if (start && end < start) found.end = t('tasks.leaveForm.endBeforeStart');
    setProblems(found);
    setDone(null);
    if (!deputy || found.start || found.end) return;
    try {
      await save({
        variables: {
          input: {
            deputyUserId: deputy.userId,
            principalUserId: principal?.userId ?? null,
            startDate: start,
            endDate: end,
          },
        },
      });
      setDone(t('deputies.named', { name: deputy.name }));
      setDeputy(null);
      setPrincipal(null);
      setStart('');
      setEnd('');
    } catch {
      // Shown from `error`.
    }
  };
  const describe = (failure: unknown) => {
    if (errorCode(failure) === 'CONFLICT') return t('deputies.conflict');
    const field = errorField(failure);
    if (field === 'input.endDate') return t('deputies.endInvalid');
    if (field === 'input.deputyUserId' || field === 'input.principalUserId')
      return t('deputies.notColleague');
    return null;
  };

  return (
    <Card title={t('deputies.formTitle')}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="deputy-form">
        {hr ? (
          <PersonPicker
            legend={t('deputies.principal')}
            scope={scope}
            chosen={principal}
            onChoose={setPrincipal}
            me={t('deputies.me')}
          />
        ) : null}
        <PersonPicker
          legend={t('deputies.deputy')}
          scope={scope}
          chosen={deputy}
          onChoose={setDeputy}
          error={problems.deputy}
        />
        <div className="date-pair">
          <DateField
            id="deputy-start"
            label={t('deputies.start')}
            value={start}
            onChange={setStart}
            error={problems.start}
          />
          <DateField
            id="deputy-end"
            label={t('deputies.end')}
            value={end}
            min={start}
            onChange={setEnd}
            error={problems.end}
          />
        </div>
        {error ? <ErrorNotice error={error} describe={describe} /> : null}
        <div className="actions-row">
          <button type="submit" className="button button-primary" disabled={loading}>
            {t('deputies.submit')}
          </button>
          <span role="status" className="muted">
            {done ?? ''}
          </span>
        </div>
      </form>
    </Card>
  );
}

/** A colleague by search: a radio list of the matches; those without an account cannot be chosen. */
function PersonPicker({
  legend,
  scope,
  chosen,
  onChoose,
  me,
  error,
}: {
  legend: string;
  scope: 'team' | 'employees';
  chosen: Chosen | null;
  onChoose: (person: Chosen | null) => void;
  /** Offers "me" first (the default), for HR naming a deputy for someone else. */
  me?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const { employeeId } = useMe();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  // Typing narrows the list after a short pause, as on the people pages.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(draft.trim()), 400);
    return () => clearTimeout(timer);
  }, [draft]);
  const {
    data,
    error: loadError,
    refetch,
  } = useQuery(DeputyCandidatesDocument, {
    variables: {
      first: CANDIDATES,
      filter: search ? { search } : null,
      team: scope === 'team',
    },
  });
  const connection = scope === 'team' ? data?.myTeam : data?.employees;
  const people = connection?.edges
    .map((edge) => edge.node)
    .filter((person) => person.id !== employeeId);
  const option = (person: DeputyCandidateFragment) => (
    <li key={person.id}>
      <label className="radio" htmlFor={`${id}-${person.id}`}>
        <input
          id={`${id}-${person.id}`}
          type="radio"
          name={id}
          disabled={!person.accountId}
          checked={Boolean(person.accountId) && chosen?.userId === person.accountId}
          onChange={() =>
            person.accountId && onChoose({ userId: person.accountId, name: person.fullName })
          }
        />
        <span>
          {person.fullName}
          <span className="muted small block">
            {[person.position?.name, person.department?.name].filter(Boolean).join(' · ')}
            {person.accountId ? '' : ` · ${t('deputies.noAccount')}`}
          </span>
        </span>
      </label>
    </li>
  );
  return (
    <fieldset className="field person-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <label htmlFor={`${id}-search`} className="small muted">
        {t('people.search')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={draft}
        autoComplete="off"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches at once instead of submitting the form.
          if (event.key === 'Enter') {
            event.preventDefault();
            setSearch(draft.trim());
          }
        }}
      />
      <QueryState data={people} error={loadError} retry={refetch}>
        {(list) => (
          <ul className="person-options">
            {me ? (
              <li>
                <label className="radio" htmlFor={`${id}-me`}>
                  <input
                    id={`${id}-me`}
                    type="radio"
                    name={id}
                    checked={chosen === null}
                    onChange={() => onChoose(null)}
                  />
                  <span>{me}</span>
                </label>
              </li>
            ) : null}
            {list.map(option)}
            {list.length === 0 && !me ? (
              <li>
                <Empty>{t('people.empty')}</Empty>
              </li>
            ) : null}
          </ul>
        )}
      </QueryState>
      {chosen ? (
        <p className="small" aria-live="polite">
          {t('deputies.chosen', { name: chosen.name })}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
