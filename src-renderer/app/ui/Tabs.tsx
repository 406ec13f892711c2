import type { KeyboardEvent, ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
}

interface TabsProps<T extends string> {
  /** names the tabs' element ids (`<idBase>-tab-<id>`) and their panel (`<idBase>-panel`) */
  idBase: string;
  /** the tab list's accessible name (usually the screen's title) */
  label: string;
  tabs: readonly TabItem<T>[];
  value: T;
  onChange: (id: T) => void;
}

export const tabId = (idBase: string, id: string): string => `${idBase}-tab-${id}`;
export const panelId = (idBase: string): string => `${idBase}-panel`;

/**
 * A screen's tab strip (role tablist): the chosen tab is the one Tab stops on, ←/→ (and Home/End) move
 * between the tabs and choose as they go, each tab controls the screen's one panel (`TabPanel`).
 */
export function Tabs<T extends string>({ idBase, label, tabs, value, onChange }: TabsProps<T>) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((x) => x.id === value);
    let next: number;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i + tabs.length - 1) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else return;
    e.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onChange(tab.id);
    // the focus goes with the choice, once the tab is the one that takes it
    window.setTimeout(() => document.getElementById(tabId(idBase, tab.id))?.focus(), 0);
  };

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((x) => (
        <button
          key={x.id}
          id={tabId(idBase, x.id)}
          type="button"
          role="tab"
          className="tab"
          aria-selected={x.id === value}
          aria-controls={panelId(idBase)}
          tabIndex={x.id === value ? 0 : -1}
          onClick={() => onChange(x.id)}
        >
          {x.label}
        </button>
      ))}
    </div>
  );
}

/**
 * The panel the tabs control: what the chosen tab shows, named by that tab. `shown={false}` when the screen
 * shows this operator no tabs (one view only): the content alone, no panel pointing at a tab that is not there.
 */
export function TabPanel({
  idBase,
  value,
  className,
  shown = true,
  children,
}: {
  idBase: string;
  value: string;
  className?: string;
  shown?: boolean;
  children: ReactNode;
}) {
  if (!shown) return <>{children}</>;
  return (
    <div role="tabpanel" id={panelId(idBase)} aria-labelledby={tabId(idBase, value)} className={className}>
      {children}
    </div>
  );
}
