import { useEffect, useMemo, useRef, useState } from 'react';
import type { FeeItemView, ReceiptView } from '@shared/contract';
import { useFetch, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { useKeys } from '../../app/useKeys';
import { ErrorNote } from '../../app/ui/Notes';
import { CollectResult } from './CollectResult';
import { collectRoom, useCollectRoom } from './collectRoom';
import { DuesPanel, PostedDues } from './DuesPanel';
import { collectRequest, useCollectRequest, type CollectRequest } from './collectRequest';
import { ItemPicker } from './ItemPicker';
import { checkLine, fieldsOf, newLine, type LineDraft, type LineField, type LineInput } from './lines';
import { LinesTable } from './LinesTable';
import { checkPayment, emptyPayment, referenceMethod, type OtherMethod, type PayMode, type PaymentDraft } from './payment';
import { PaymentPanel } from './PaymentPanel';
import type { Payer } from './room';
import { prefillOf, type PrefillNote } from './requestPrefill';
import { RequestBanner, RequestLinked, type LinkState } from './RequestPanel';
import { COLLECT_ROOM_LABELS, RoomPicker } from './RoomPicker';
import { walletOfCode } from './scan';
import { useQuote } from './useQuote';

interface Props {
  items: FeeItemView[];
  /** the collect tab is on screen (its function keys work) */
  active: boolean;
  /** a post failed because the cash session is gone: the area checks again */
  onSessionLost: () => void;
}

/**
 * 收费: payer (room or walk-in) → items with their inputs → live total → payment → one click or F9 posts.
 * A request id is made once per receipt, so a double click or a retry after a lost reply posts once.
 */
export function CollectScreen({ items, active, onSessionLost }: Props) {
  const t = useT();
  const { operator, go } = useShell();
  const req = useCollectRequest(operator.id);
  const sentRoom = useCollectRoom(operator.id);
  const applied = useRef<CollectRequest | null>(null);
  const [prefillNote, setPrefillNote] = useState<PrefillNote>(null);
  const [link, setLink] = useState<LinkState | null>(null);
  const linking = useRef<Promise<unknown> | null>(null);
  const returnRef = useRef<HTMLButtonElement>(null);
  const [payer, setPayer] = useState<Payer | null>(null);
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [pay, setPay] = useState<PaymentDraft>(emptyPayment);
  const [detected, setDetected] = useState<OtherMethod | null>(null);
  const [tried, setTried] = useState(false);
  const [posted, setPosted] = useState<ReceiptView | null>(null);
  const [focusName, setFocusName] = useState<string | null>(null);
  const requestId = useRef<string>(crypto.randomUUID());
  const posting = useRef(false);
  const submitWhenPriced = useRef(false);
  const exactWhenPriced = useRef(false);
  /** why 收整 could not fill in 实收 (there is no total to fill in) */
  const [exactProblem, setExactProblem] = useState<string | null>(null);
  const action = useAction();
  const read = useFetch();
  const send = useSend();
  const roomRef = useRef<HTMLInputElement>(null);
  const itemRef = useRef<HTMLInputElement>(null);
  const receivedRef = useRef<HTMLInputElement>(null);
  const referenceRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  const checks = useMemo(() => lines.map(checkLine), [lines]);
  const inputs = useMemo<LineInput[] | null>(() => (checks.every((c) => c.ok) ? checks.map((c) => (c.ok ? c.input : { itemId: 0 })) : null), [checks]);
  const roomId = payer?.kind === 'room' ? payer.roomId : null;
  const q = useQuote(roomId, inputs);
  const total = q.current && q.quote ? q.quote.totalFen : null;
  const payCheck = checkPayment(pay, total);

  // the field to put the cursor in once it is on screen (after a method or a line was added)
  useEffect(() => {
    if (!focusName) return;
    const el = document.querySelector<HTMLElement>(focusName);
    if (el) {
      el.focus();
      if (el instanceof HTMLInputElement && el.type === 'text') el.select();
      setFocusName(null);
    }
  }, [focusName, lines, pay, payer]);

  useEffect(() => {
    if (active && !posted) roomRef.current?.focus();
  }, [active, posted]);

  // another screen's charge (去收费): its room and item filled in once, the resident's name looked up after
  useEffect(() => {
    if (!req || posted || applied.current === req) return;
    applied.current = req;
    const p = prefillOf(req, items);
    setPayer(p.payer);
    setLines(p.lines);
    setPrefillNote(p.note);
    setFocusName(p.lines.length ? '[name="received"]' : '[name="item-filter"]');
    read('roster.search', { q: req.roomCode, limit: 20 })
      .then((r) => {
        const hit = r.items.find((h) => h.roomId === req.roomId && !h.movedOut) ?? r.items.find((h) => h.roomId === req.roomId);
        if (hit) setPayer((cur) => (cur?.kind === 'room' && cur.roomId === req.roomId && !cur.name ? { ...cur, name: hit.name } : cur));
      })
      .catch(() => undefined);
  }, [req, items, posted, read]);

  // 业主档案's 去收费: the room as the payer, its dues on screen
  useEffect(() => {
    if (!sentRoom || posted) return;
    collectRoom.set(null);
    setPayer(sentRoom.payer);
    setFocusName('[name="item-filter"]');
  }, [sentRoom, posted]);

  /** Links the posted receipt to what the request was for; the request is done once that worked. */
  const linkReceipt = (rq: CollectRequest, receipt: ReceiptView) => {
    setLink({ req: rq, receipt, state: 'linking' });
    const mine = (l: LinkState | null) => l?.receipt.id === receipt.id;
    linking.current = rq.onPosted(receipt).then(
      (text) => {
        if (collectRequest.get(operator.id) === rq) collectRequest.set(null);
        setLink((l) => (mine(l) ? { req: rq, receipt, state: 'done', text } : l));
      },
      (error: unknown) => setLink((l) => (mine(l) ? { req: rq, receipt, state: 'failed', error } : l)),
    );
  };
  const goBack = async (rq: CollectRequest) => {
    await linking.current;
    go(rq.returnTo);
  };

  const addItem = (item: FeeItemView) => {
    const line = newLine(item);
    setLines((ls) => [...ls, line]);
    // fixed-price items are usually 1: stay in the filter for the next item; others need their input
    if (item.rule !== 'fixed') setFocusName(`[data-line="${line.key}"][data-field="${fieldsOf(item.rule)[0] ?? ''}"]`);
  };

  /** 欠费 collected: its lines in place of any for the same items, then on to the payment */
  const collectDues = (dues: LineDraft[]) => {
    setLines((ls) => [...ls.filter((l) => !dues.some((d) => d.item.id === l.item.id)), ...dues]);
    focusPayment();
  };

  const changeLine = (key: number, field: LineField, value: string) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, [field]: value } : l)));
  const removeLine = (key: number) => setLines((ls) => ls.filter((l) => l.key !== key));

  const focusPayment = (mode: PayMode = pay.mode) =>
    setFocusName(referenceMethod({ ...pay, mode }) && mode !== 'split' ? '[name="reference"]' : mode === 'split' ? '[name="cash-part"]' : '[name="received"]');

  const setMode = (mode: PayMode) => {
    setDetected(null);
    setPay((p) => ({ ...p, mode }));
    focusPayment(mode);
  };

  const changePay = (d: PaymentDraft) => {
    // a scanned payment code tells WeChat from Alipay by its shape
    const method = referenceMethod(d);
    const wallet = d.reference !== pay.reference && (method === 'wechat' || method === 'alipay') ? walletOfCode(d.reference) : null;
    if (wallet && wallet !== method) {
      setDetected(wallet);
      setPay(d.mode === 'split' ? { ...d, other: wallet } : { ...d, mode: wallet });
      return;
    }
    if (d.mode !== pay.mode || d.other !== pay.other) setDetected(null);
    setPay(d);
  };

  /** Why there is no total to take 收整 from (null: it is being priced, or there is one). */
  const noTotal = (): string | null => {
    if (lines.length === 0) return t('collect.needLines');
    if (!inputs) return t('collect.fixLines');
    if (q.error) return t('collect.fixQuote');
    return null;
  };

  const exact = () => {
    setExactProblem(null);
    if (total === null) {
      const problem = noTotal();
      // F8 while the total is being priced: 实收 is filled in as soon as it is in
      if (!problem) exactWhenPriced.current = true;
      else setExactProblem(problem);
      return;
    }
    exactWhenPriced.current = false;
    if (pay.mode === 'split') {
      const due = payCheck.cashDueFen;
      if (due !== null) setPay((p) => ({ ...p, received: (due / 100).toFixed(2) }));
      setFocusName('[name="received"]');
      return;
    }
    setDetected(null);
    setPay((p) => ({ ...p, mode: 'cash', received: (total / 100).toFixed(2) }));
    setFocusName('[name="received"]');
  };

  const notReady = (): string | null => {
    if (!payer) return t('collect.needPayer');
    if (lines.length === 0) return t('collect.needLines');
    if (!inputs) return t('collect.fixLines');
    if (q.error) return t('collect.fixQuote');
    if (total === null) return t('collect.pricing');
    if (!payCheck.payments) return t('collect.fixPayment');
    return null;
  };

  const submit = () => {
    if (posting.current || action.busy) return;
    setTried(true);
    if (inputs && !q.current) {
      // F9 pressed while the new total is being priced: post as soon as it is in
      submitWhenPriced.current = true;
      return;
    }
    const problem = notReady();
    if (problem) {
      if (!payer) roomRef.current?.focus();
      else if (lines.length === 0) itemRef.current?.focus();
      else if (payCheck.problems.cashPart) setFocusName('[name="cash-part"]');
      else if (payCheck.problems.received) setFocusName('[name="received"]');
      else if (payCheck.problems.reference) setFocusName('[name="reference"]');
      return;
    }
    posting.current = true;
    void action
      .start({
        run: async () => {
          const r = await send('fees.collect', {
            requestId: requestId.current,
            roomId,
            ...(payer?.kind === 'room' ? { payer: payer.name.slice(0, 40) } : {}),
            lines: inputs ?? [],
            payments: payCheck.payments ?? [],
          });
          setPosted(r);
          if (req && req.matches(r)) linkReceipt(req, r);
        },
        onError: () => onSessionLost(),
      })
      .finally(() => {
        posting.current = false;
      });
  };

  useEffect(() => {
    if (!q.current || q.pending) return;
    if (exactWhenPriced.current) {
      exactWhenPriced.current = false;
      exact();
    }
    if (submitWhenPriced.current) {
      submitWhenPriced.current = false;
      submit();
    }
  });

  // a line added or fixed: what 收整 said about the missing total no longer stands
  useEffect(() => setExactProblem(null), [lines]);

  const next = () => {
    requestId.current = crypto.randomUUID();
    setPosted(null);
    setPayer(null);
    setLines([]);
    setPay(emptyPayment());
    setDetected(null);
    setTried(false);
    setExactProblem(null);
    exactWhenPriced.current = false;
    action.setError(null);
    setLink(null);
    setPrefillNote(null);
    applied.current = null;
  };

  useKeys(active && !posted, {
    F3: () => {
      setPayer(null);
      setFocusName('[name="room-search"]');
    },
    F4: () => itemRef.current?.focus(),
    F6: () => setMode(pay.mode === 'split' ? 'split' : 'cash'),
    F7: () => setMode(pay.mode === 'alipay' ? 'alipay' : pay.mode === 'split' ? 'split' : 'wechat'),
    F8: exact,
    F9: submit,
  });
  useKeys(active && !!posted, { Escape: next });

  if (posted)
    return (
      <>
        <CollectResult
          receipt={posted}
          onChange={setPosted}
          onNext={next}
          linked={
            link ? (
              <RequestLinked link={link} returnRef={returnRef} onRetry={() => linkReceipt(link.req, link.receipt)} onReturn={() => void goBack(link.req)} />
            ) : null
          }
          focusRef={link ? returnRef : undefined}
        />
        {payer?.kind === 'room' ? <PostedDues roomId={payer.roomId} /> : null}
      </>
    );

  // a missing payer is said once, under the room box (RoomPicker's `missing`)
  const hint = tried && payer ? notReady() : null;
  return (
    <div className="collect">
      {req ? <RequestBanner req={req} note={prefillNote} onDrop={() => collectRequest.set(null)} /> : null}
      <div className="collect-left">
        <RoomPicker
          value={payer}
          onChange={setPayer}
          inputRef={roomRef}
          onPicked={() => itemRef.current?.focus()}
          missing={tried && !payer}
          labels={COLLECT_ROOM_LABELS}
          shortcut="F3"
        />
        {payer?.kind === 'room' ? (
          <DuesPanel key={payer.roomId} roomId={payer.roomId} items={items} active={active && !posted} onCollect={collectDues} />
        ) : null}
        <ItemPicker items={items} onAdd={addItem} inputRef={itemRef} />
        <LinesTable
          lines={lines}
          checks={checks}
          priced={q.quote?.lines.length === lines.length ? q.quote.lines : null}
          showAll={tried}
          onChange={changeLine}
          onRemove={removeLine}
          onDone={() => focusPayment()}
        />
        <ErrorBox error={q.error} />
      </div>
      <form
        className="collect-right"
        aria-label={t('collect.payment')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <PaymentPanel
          quote={q.quote}
          stale={!q.current || q.pending}
          draft={pay}
          check={payCheck}
          showAll={tried}
          detected={detected}
          onChange={changePay}
          onModePicked={focusPayment}
          onExact={exact}
          onReferenceEnter={() => submitRef.current?.focus()}
          receivedRef={receivedRef}
          referenceRef={referenceRef}
        />
        <ErrorNote text={hint ?? exactProblem} />
        <ErrorBox error={action.error} />
        <button ref={submitRef} type="submit" className="btn primary big submit-pay" disabled={action.busy}>
          {action.busy ? t('common.working') : t('collect.submit')} <kbd>F9</kbd>
        </button>
      </form>
    </div>
  );
}
