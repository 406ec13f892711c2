import { useEffect, useRef } from 'react';
import type { ResidentHit } from '@shared/contract';
import { useT } from '../../app/i18n/I18n';
import { KIND_LABEL } from './labels';

interface Props {
  id: string;
  /** the query these results answer (data-q: lets tests and the latency benchmark see which reply is on screen) */
  q: string;
  items: ResidentHit[];
  active: number;
  openId: number | null;
  onPick: (index: number) => void;
}

/** Search results: room code large, name, kind, masked phone, 已迁出. The search box keeps the focus. */
export function ResultsList({ id, q, items, active, openId, onPick }: Props) {
  const t = useT();
  const ref = useRef<HTMLUListElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-active="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, items]);

  return (
    <ul className="results" id={id} data-q={q} role="listbox" aria-label={t('roster.resultsLabel')} ref={ref}>
      {items.map((r, i) => (
        <li
          key={r.id}
          id={`${id}-${r.id}`}
          role="option"
          aria-selected={i === active}
          data-active={i === active}
          data-open={openId === r.id}
          className={`result${r.movedOut ? ' moved-out' : ''}`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(i)}
        >
          <span className="room-code">{r.roomCode}</span>
          <span className="result-name">{r.name}</span>
          <span className={`tag kind-${r.kind}`}>{t(KIND_LABEL[r.kind])}</span>
          <span className="phone-masked">{r.phoneMasked || t('roster.noPhone')}</span>
          {r.movedOut ? <span className="tag tag-out">{t('roster.movedOut')}</span> : null}
        </li>
      ))}
    </ul>
  );
}
