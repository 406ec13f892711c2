import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { roleAtLeast } from '../../lib/roles';
import { ImportScreen, OpeningImportScreen } from '../../app/areaScreens';
import { ScreenBoundary } from '../../app/ScreenBoundary';
import { BuildingsTab } from './BuildingsTab';
import { RosterSearch } from './RosterSearch';
import './roster.css';

type View = 'search' | 'buildings' | 'import' | 'opening';

interface Props {
  searchTick: number;
  pendingQuery: string | null;
  onQueryTaken: () => void;
}

/** 业主档案: find a resident (default), the buildings, and (supervisor+) the roster and opening-balance imports. */
export function RosterArea({ searchTick, pendingQuery, onQueryTaken }: Props) {
  const t = useT();
  const { operator } = useShell();
  const [view, setView] = useState<View>('search');
  const canManage = roleAtLeast(operator.role, 'supervisor');

  useEffect(() => {
    if (searchTick > 0) setView('search');
  }, [searchTick]);

  if (view === 'import')
    return (
      <ScreenBoundary>
        <ImportScreen onClose={() => setView('search')} />
      </ScreenBoundary>
    );

  if (view === 'opening')
    return (
      <ScreenBoundary>
        <OpeningImportScreen onClose={() => setView('search')} />
      </ScreenBoundary>
    );

  return (
    <section className="screen roster" aria-labelledby="roster-title">
      <div className="screen-head">
        <h1 id="roster-title" tabIndex={-1}>
          {t('area.roster')}
        </h1>
        <Tabs
          idBase="roster"
          label={t('area.roster')}
          tabs={[
            { id: 'search', label: t('roster.tabSearch') },
            { id: 'buildings', label: t('roster.tabBuildings') },
          ]}
          value={view === 'buildings' ? 'buildings' : 'search'}
          onChange={setView}
        />
        {canManage ? (
          <>
            <button type="button" className="btn" onClick={() => setView('import')}>
              {t('roster.import')}
            </button>
            <button type="button" className="btn" onClick={() => setView('opening')}>
              {t('opening.button')}
            </button>
          </>
        ) : null}
      </div>
      <TabPanel idBase="roster" value={view}>
        <div hidden={view !== 'search'}>
          <RosterSearch focusTick={searchTick} pendingQuery={pendingQuery} onQueryTaken={onQueryTaken} />
        </div>
        {view === 'buildings' ? <BuildingsTab canCreate={canManage} /> : null}
      </TabPanel>
    </section>
  );
}
