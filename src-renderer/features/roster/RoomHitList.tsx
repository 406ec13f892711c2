import type { ReactNode } from 'react';
import type { ResidentHit } from '@shared/contract';
import { useT } from '../../app/i18n/I18n';
import { OptionList } from '../../app/ui/SearchCombobox';

/**
 * The roster hits under a room search box (收费 房号, 快递 收件人, 报修 房号): a listbox the box's ↑/↓/Enter drive
 * through aria-activedescendant; the room code first, then what each screen shows of the resident.
 */
export function RoomHitList({
  listId,
  items,
  active,
  onPick,
  detail,
}: {
  listId: string;
  items: ResidentHit[];
  active: number;
  onPick: (h: ResidentHit) => void;
  detail: (h: ResidentHit) => ReactNode;
}) {
  const t = useT();
  return (
    <OptionList
      id={listId}
      items={items}
      active={active}
      keyOf={(h) => h.id}
      onPick={onPick}
      label={t('roster.resultsLabel')}
      className="room-results"
      optionClassName={(h) => `room-result${h.movedOut ? ' moved-out' : ''}`}
    >
      {(h) => (
        <>
          <span className="room-code">{h.roomCode}</span>
          {detail(h)}
          {h.movedOut ? <span className="tag tag-out">{t('roster.movedOut')}</span> : null}
        </>
      )}
    </OptionList>
  );
}
