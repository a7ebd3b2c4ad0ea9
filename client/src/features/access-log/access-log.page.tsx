import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';

import { DataTable } from '../../components/data-table';
import { LoadMore } from '../../components/load-more';
import { Card, Page } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { MyFileAccessLogDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ru, type Messages } from '../../i18n/ru';

type SectionKey = keyof Messages['accessLog']['sections'];

/** "Who viewed my file": the access journal of the viewer's own file. */
export function AccessLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch, fetchMore } = useQuery(MyFileAccessLogDocument, {
    variables: { first: 30 },
  });
  const sectionName = (section: string) =>
    isSection(section) ? t(`accessLog.sections.${section}`) : section;
  return (
    <Page title={t('accessLog.title')} lead={t('accessLog.lead')}>
      <Card>
        <QueryState data={data?.myFileAccessLog} error={error} retry={refetch}>
          {(log) =>
            log.edges.length === 0 ? (
              <Empty>{t('accessLog.empty')}</Empty>
            ) : (
              <>
                <DataTable
                  caption={t('accessLog.title')}
                  captionHidden
                  columns={[
                    { key: 'when', label: t('accessLog.when'), primary: true },
                    { key: 'who', label: t('accessLog.who') },
                    { key: 'what', label: t('accessLog.what') },
                    { key: 'action', label: t('accessLog.action') },
                  ]}
                  rows={log.edges.map(({ node }) => ({
                    key: node.id,
                    className: node.allowed ? undefined : 'row-denied',
                    cells: {
                      when: <time dateTime={node.at}>{format.dateTime(node.at)}</time>,
                      who: node.actorLogin ?? t('accessLog.system'),
                      what: sectionName(node.section),
                      action: t(`accessLog.actions.${node.action}`),
                    },
                  }))}
                />
                <LoadMore
                  hasMore={log.pageInfo.hasNextPage}
                  shown={log.edges.length}
                  total={log.totalCount}
                  onLoad={() => fetchMore({ variables: { after: log.pageInfo.endCursor } })}
                />
              </>
            )
          }
        </QueryState>
      </Card>
    </Page>
  );
}

/** The journal's sections with a name of their own: the file's sections, the account, the settings. */
const sectionKeys = new Set<string>(Object.keys(ru.accessLog.sections));
const isSection = (value: string): value is SectionKey => sectionKeys.has(value);
