import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardStatus, CardView } from '@shared/contract';
import { useCall, useFetch, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { CardItem } from './CardItem';
import { CardNumberField } from './CardNumberField';
import { ReplaceDialog, ReturnCardDialog } from './CardDialogs';
import { IssueForm } from './IssueForm';
import { OwedFee } from './OwedFee';
import { StockTab } from './StockTab';
import { CARD_STATUS, canReplace } from './labels';
import { settledNote } from './settledNote';
import { useCardReads } from './useCardReads';
import './cards.css';

type Tab = 'card' | 'list' | 'stock';
type Pending = { kind: 'lost' | 'replace' | 'return'; card: CardView } | null;

/**
 * 门禁卡 (Alt+4): present a card (reader, or the keyboard-wedge field) → what it is (any format) → issue it, or
 * report it lost, replace it (fee owed → 去收费), take it back. Card list and blank-card stock.
 */
export function CardsArea() {
  const t = useT();
  const { active } = useShell();
  const [tab, setTab] = useState<Tab>('card');
  const [number, setNumber] = useState('');
  const [looked, setLooked] = useState<{ number: string; fresh: boolean; cards: CardView[] } | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  // the fee of a replacement just linked in 收费 (the receipt went through without typing its number)
  const [note, setNote] = useState<string | null>(() => {
    const no = settledNote.take();
    return no ? t('cards.settled', { no }) : null;
  });
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<CardStatus | ''>('');
  const owedQ = useCall('cards.owedFees', {});
  const owed = owedQ.data ?? [];
  const listQ = useCall('cards.list', { ...(filter && { status: filter }), limit: 200 }, { enabled: tab === 'list', keepPrevious: true });
  const list = listQ.data ?? [];
  const read = useFetch();
  const send = useSend();
  /** the card just given a replacement: its owed fee's 去收费 gets the focus (Enter goes to 收费) */
  const [feeFocus, setFeeFocus] = useState<number | null>(null);
  /** a card presented to the reader while the 补卡 dialog is open: it is the new card's number */
  const [presented, setPresented] = useState<{ raw: string; n: number } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (tab === 'card') inputRef.current?.focus();
  }, [tab]);

  /** fresh: a card just presented or typed (the refusal is shown); otherwise a reload after an action. */
  const lookup = useCallback(
    async (n: string, fresh = true) => {
      setError(null);
      if (fresh) setNote(null);
      if (!n.trim()) return setLooked(null);
      try {
        setLooked({ number: n, fresh, cards: await read('cards.lookup', { number: n }) });
      } catch (e) {
        setLooked(null);
        setError(e);
      }
    },
    [read],
  );

  useCardReads(active && (tab === 'card' || pending?.kind === 'replace'), (r) => {
    if (pending?.kind === 'replace') {
      if (r.ok) setPresented((p) => ({ raw: r.raw, n: (p?.n ?? 0) + 1 }));
      return;
    }
    if (pending) return; // another dialog is open: the read is not acted on under it
    setTab('card');
    setNumber(r.raw);
    if (r.ok) {
      setReadProblem(null);
      void lookup(r.raw);
    } else setReadProblem(r.message);
  });

  /** After an action succeeded: its message, no stale error or read problem beside it, the card shown again. */
  const after = (msg: string, n?: string) => {
    setPending(null);
    setError(null);
    setReadProblem(null);
    setNote(msg);
    // a fee settled from the owed list has no card on screen (e.g. after coming back from 收费): nothing to reload
    const again = n ?? looked?.number;
    if (again) void lookup(again, false);
  };

  const reportLost = async (c: CardView) => {
    setBusy(true);
    try {
      const r = await send('cards.reportLost', { cardId: c.id });
      after(t('cards.lostDone', { raw: r.raw }));
    } catch (e) {
      setPending(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const held = looked?.cards.find((c) => c.status !== 'returned');
  const holding = held !== undefined;

  return (
    <section className="screen cards" aria-labelledby="cards-title">
      <div className="screen-head">
        <h1 id="cards-title" tabIndex={-1}>
          {t('area.cards')}
        </h1>
        <Tabs
          idBase="cards"
          label={t('area.cards')}
          tabs={[
            { id: 'card', label: t('cards.tab.card') },
            { id: 'list', label: t('cards.tab.list') },
            { id: 'stock', label: t('cards.tab.stock') },
          ]}
          value={tab}
          onChange={setTab}
        />
      </div>
      {owed.length ? (
        <div className="owed-list">
          {owed.slice(0, 3).map((f) => (
            <OwedFee key={f.cardId} fee={f} focus={f.cardId === feeFocus} onSettled={(c) => after(t('cards.settled', { no: c.feeReceiptNo ?? '' }))} />
          ))}
        </div>
      ) : null}
      <OkNote text={note} />

      <TabPanel idBase="cards" value={tab}>
        {tab === 'card' ? (
          <>
            <div className="card">
              <CardNumberField ref={inputRef} value={number} onChange={setNumber} onSubmit={(n) => void lookup(n)} />
              <ErrorNote text={readProblem} />
            </div>
            <ErrorBox error={error ?? owedQ.error} />
            {looked ? (
              <div className="lookup-result">
                {looked.cards.length ? (
                  <p className="hint">{t('cards.found', { n: looked.cards.length })}</p>
                ) : (
                  <p className="info-box">{t('cards.notFound', { raw: looked.number })}</p>
                )}
                {held && looked.fresh ? (
                  <p className="error-box refusal" role="alert">
                    {t(held.status === 'active' ? 'cards.refuseActive' : 'cards.refuseBlack', { room: held.roomCode, holder: held.holderMasked })}
                  </p>
                ) : null}
                {looked.cards.map((c) => (
                  <CardItem
                    key={c.id}
                    card={c}
                    onLost={() => setPending({ kind: 'lost', card: c })}
                    onReplace={canReplace(c, looked.fresh) ? () => setPending({ kind: 'replace', card: c }) : undefined}
                    onReturn={() => setPending({ kind: 'return', card: c })}
                  />
                ))}
                {!holding ? (
                  <IssueForm
                    key={looked.number}
                    number={looked.number}
                    onRead={(raw) => {
                      setNumber(raw);
                      void lookup(raw);
                    }}
                    onIssued={(c) => {
                      setNote(t('cards.issued', { raw: c.raw, room: c.roomCode }));
                      void lookup(looked.number, false);
                    }}
                  />
                ) : null}
              </div>
            ) : null}
          </>
        ) : null}

        {tab === 'list' ? (
          <div className="card">
            <ErrorBox error={listQ.error} />
            <label className="field narrow-form">
              <span className="field-label">{t('cards.filterStatus')}</span>
              <select name="card-status" value={filter} onChange={(e) => setFilter(e.target.value as CardStatus | '')}>
                <option value="">{t('cards.all')}</option>
                {(Object.keys(CARD_STATUS) as CardStatus[]).map((s) => (
                  <option key={s} value={s}>
                    {t(CARD_STATUS[s])}
                  </option>
                ))}
              </select>
            </label>
            {list.length ? (
              <div className="card-grid">
                {list.map((c) => (
                  <CardItem key={c.id} card={c} onReplace={canReplace(c) ? () => setPending({ kind: 'replace', card: c }) : undefined} />
                ))}
              </div>
            ) : (
              <p className="hint">{t('cards.noCards')}</p>
            )}
          </div>
        ) : null}
        {tab === 'stock' ? <StockTab /> : null}
      </TabPanel>

      {pending?.kind === 'lost' ? (
        <ConfirmDialog
          title={t('cards.reportLost')}
          message={t('cards.lostConfirm', { raw: pending.card.raw, room: pending.card.roomCode })}
          confirmLabel={t('cards.reportLost')}
          danger
          busy={busy}
          onConfirm={() => void reportLost(pending.card)}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {pending?.kind === 'replace' ? (
        <ReplaceDialog
          card={pending.card}
          presented={presented}
          onCancel={() => setPending(null)}
          onDone={(r) => {
            setTab('card');
            setNumber(r.card.raw);
            setFeeFocus(r.fee ? r.card.id : null);
            after(t('cards.replaceDone', { raw: r.card.raw }), r.card.raw);
          }}
        />
      ) : null}
      {pending?.kind === 'return' ? (
        <ReturnCardDialog card={pending.card} onCancel={() => setPending(null)} onDone={(c) => after(t('cards.returnDone', { raw: c.raw }))} />
      ) : null}
    </section>
  );
}
