import { useRef, type KeyboardEvent, type RefObject } from 'react';

/**
 * A keyboard-mode card reader "types" the number very fast (a few ms a digit) and ends with Enter. In a card
 * form that Enter must never submit: it completes the number only.
 *  - Enter in the card number field moves the cursor to the next required field still empty (or to the
 *    submit button when all are filled: pressing Enter there is the deliberate act).
 *  - A reader burst that lands in another field (the cursor was in the reason box when the card was
 *    presented) is taken out of that field again, which gets its old text back, and handed to `onRead` as
 *    a card number; its Enter does nothing else.
 *  - Any other Enter (a person typing) submits as usual, and the form's own check refuses missing fields.
 * Required fields carry `data-required`; the order on screen is the order they are filled in.
 */
// the barcode scanner's default bounds (a reader is faster still); a person types 80–150 ms a key
export const READER_MAX_GAP_MS = 100;
export const READER_MAX_AVG_MS = 60;
export const READER_MIN_LENGTH = 4;

interface Burst {
  target: HTMLInputElement | HTMLTextAreaElement;
  before: string;
  chars: string;
  first: number;
  last: number;
}

type Field = HTMLInputElement | HTMLTextAreaElement;
const isField = (el: EventTarget | null): el is Field => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;

/** Sets a field's value the way typing would, so React's onChange sees it. */
function setFieldValue(el: Field, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The next required field still empty after `from` (wrapping round), else the form's submit button. */
export function focusNextEmpty(form: HTMLFormElement | null, from?: Element | null): void {
  if (!form) return;
  const required = [...form.querySelectorAll<Field>('[data-required]')].filter((f) => !f.disabled);
  const at = from ? required.findIndex((f) => f === from) : -1;
  const order = [...required.slice(at + 1), ...required.slice(0, Math.max(0, at))];
  const empty = order.find((f) => !f.value.trim());
  (empty ?? form.querySelector<HTMLButtonElement>('button[type="submit"]'))?.focus();
}

/** The form's capture-phase key handler; `numberRef` is the card number field, if the form has one. */
export function useReaderEnter(opts: {
  formRef: RefObject<HTMLFormElement | null>;
  numberRef?: RefObject<HTMLInputElement | null>;
  onRead: (number: string) => void;
}) {
  const burst = useRef<Burst | null>(null);
  const latest = useRef(opts);
  latest.current = opts;

  return (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.nativeEvent.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
    const now = e.timeStamp || performance.now();
    const target = e.target;
    if (e.key !== 'Enter') {
      if ([...e.key].length === 1 && isField(target)) {
        const b = burst.current;
        if (b && b.target === target && now - b.last <= READER_MAX_GAP_MS) burst.current = { ...b, chars: b.chars + e.key, last: now };
        else burst.current = { target, before: target.value, chars: e.key, first: now, last: now };
      } else if (e.key !== 'Shift') burst.current = null;
      return;
    }
    const { formRef, numberRef, onRead } = latest.current;
    const b = burst.current;
    burst.current = null;
    if (numberRef?.current && target === numberRef.current) {
      e.preventDefault();
      e.stopPropagation();
      focusNextEmpty(formRef.current, numberRef.current);
      return;
    }
    const fromReader =
      b !== null &&
      b.target === target &&
      b.chars.length >= READER_MIN_LENGTH &&
      now - b.last <= READER_MAX_GAP_MS * 2 &&
      (b.last - b.first) / (b.chars.length - 1) <= READER_MAX_AVG_MS;
    if (!fromReader || !b) return;
    e.preventDefault();
    e.stopPropagation();
    setFieldValue(b.target, b.before);
    onRead(b.chars.trim());
  };
}
