import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A page with its heading: sets the document title and moves focus to the heading after a
 * navigation, so screen reader users hear where they are.
 */
export function Page({
  title,
  actions,
  lead,
  children,
}: {
  title: string;
  actions?: React.ReactNode;
  lead?: React.ReactNode;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}

/** A titled card on a page. */
export function Card({
  title,
  headingLevel = 2,
  actions,
  children,
  className,
}: {
  title?: React.ReactNode;
  headingLevel?: 2 | 3;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`card ${className ?? ''}`}>
      {title || actions ? (
        <div className="card-head">
          {title ? <Heading>{title}</Heading> : null}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

/** Label/value pairs as a definition list; empty values show a dash. */
export function Facts({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}
