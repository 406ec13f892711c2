import type { MsgKey } from '../../app/i18n/dict';
import { useT } from '../../app/i18n/I18n';

export interface RoomFactsText {
  floor: string;
  area: string;
  type: string;
}

/** The typed floor, area (m², two decimals) and type as the core takes them, or the message for what is wrong. */
export function parseRoomFacts(v: RoomFactsText): { floor: number | null; areaM2: number | null; roomType: string } | MsgKey {
  const floor = v.floor.trim();
  if (floor && !/^-?\d{1,3}$/.test(floor)) return 'rooms.badFloor';
  const area = v.area.trim().replace(/(㎡|m2|平方米|平米)$/i, '');
  if (area && !/^\d{1,6}(\.\d{1,2})?$/.test(area)) return 'rooms.badArea';
  return { floor: floor ? Number(floor) : null, areaM2: area ? Number(area) : null, roomType: v.type.trim() };
}

/** 楼层, 面积 and 户型 of a room, side by side. */
export function RoomFactsFields({ value, onChange }: { value: RoomFactsText; onChange: (v: RoomFactsText) => void }) {
  const t = useT();
  return (
    <div className="grid-3">
      <label className="field">
        <span className="field-label">{t('rooms.floor')}</span>
        <input
          name="room-floor"
          inputMode="numeric"
          value={value.floor}
          maxLength={4}
          onChange={(e) => onChange({ ...value, floor: e.target.value })}
          autoComplete="off"
        />
      </label>
      <label className="field">
        <span className="field-label">{t('rooms.areaM2')}</span>
        <input
          name="room-area"
          inputMode="decimal"
          value={value.area}
          maxLength={10}
          onChange={(e) => onChange({ ...value, area: e.target.value })}
          autoComplete="off"
        />
      </label>
      <label className="field">
        <span className="field-label">{t('rooms.type')}</span>
        <input
          name="room-type"
          value={value.type}
          maxLength={20}
          onChange={(e) => onChange({ ...value, type: e.target.value })}
          autoComplete="off"
          placeholder={t('rooms.typeExample')}
        />
      </label>
    </div>
  );
}
