import { useEffect, useRef } from 'react';
import { WedgeDetector, type ScanSource, type WedgeConfig } from '@shared/scan-wedge';
import { isTypingTarget } from '../../lib/format';

/** Marks the dedicated scan field: what was typed into it before a scan is the start of that scan's code. */
export const SCAN_FIELD_ATTR = 'data-scan-field';

type TextField = HTMLInputElement | HTMLTextAreaElement;

const isTextField = (el: EventTarget | null): el is TextField =>
  (el instanceof HTMLInputElement && ['text', 'search', 'tel', 'password', 'email', 'url', 'number', ''].includes(el.type)) ||
  el instanceof HTMLTextAreaElement;

/** Sets a field's value the way typing would, so React's onChange sees it. */
function setFieldValue(el: TextField, value: string, caret?: number): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  if (caret !== undefined) {
    try {
      el.setSelectionRange(caret, caret);
    } catch {
      // number fields have no selection
    }
  }
}

/** Puts held-back characters where they were going: at the caret of the field the burst started in. */
function insertText(el: TextField, text: string): void {
  if (!el.isConnected) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  setFieldValue(el, el.value.slice(0, start) + text + el.value.slice(end), start + text.length);
}

/** Key events the hook sends itself (held keys given back to a button or the page): not fed to the detector again. */
const replayed = new WeakSet<Event>();

/** Gives held keys back to an element that takes no text (a button, the page): as the keydowns they were. */
function replayKeys(target: EventTarget, text: string): void {
  for (const key of text) {
    const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    replayed.add(e);
    target.dispatchEvent(e);
  }
}

// Focus moves the page makes on its own (a form opening after an answer from main) wait for the burst to end,
// so a scan's characters are never spread over two fields and typing is put back where it was going.
let burstOpen = false;
let afterBurstQueue: (() => void)[] = [];

function setBurstOpen(open: boolean): void {
  burstOpen = open;
  if (open || afterBurstQueue.length === 0) return;
  const run = afterBurstQueue;
  afterBurstQueue = [];
  for (const fn of run) fn();
}

/** Runs `fn` now, or as soon as the keyboard burst in progress (a scan, or a quick run of keys) is over. */
export function afterBurst(fn: () => void): void {
  if (burstOpen) afterBurstQueue.push(fn);
  else fn();
}

interface Burst {
  /** where the burst's first key was going */
  target: EventTarget | null;
  field: TextField | null;
  inScanField: boolean;
  /** the field's value and selection before the burst's first character went in */
  before: { value: string; start: number | null; end: number | null } | null;
}

/**
 * Listens to every keydown (window, capture phase: before React, the shortcuts and whatever has the focus)
 * while `enabled`, and reports scans: `onScan(code, 'scanner')`. The detector owns a fast burst's keys
 * wherever the focus is: they are held back, and given back to where the burst started when it turns out to
 * be typing. When it is a scan, any of its characters that went through are taken back out of that field.
 * Back-to-back scans (0 ms between an Enter and the next code) are held whole from their first character.
 * In the dedicated scan field, text typed before a scan is the start of its code (a scanner that paused
 * longer than the burst gap); the field is cleared when the scan is read. Enter after typing by hand is the
 * field's own business ('typed').
 */
export function useWedge(enabled: boolean, config: WedgeConfig, onScan: (code: string, source: ScanSource) => void): void {
  const detector = useRef(new WedgeDetector(config));
  const handler = useRef(onScan);
  handler.current = onScan;

  useEffect(() => {
    detector.current.configure(config);
  }, [config]);

  useEffect(() => {
    if (!enabled) return;
    const d = detector.current;
    let burst: Burst | null = null;
    let timer = 0;

    const putBack = (b: Burst | null, text: string) => {
      if (!text || !b) return;
      if (b.field) insertText(b.field, text);
      else if (b.target && !isTypingTarget(b.target)) replayKeys(b.target, text);
    };
    // after each key: while a burst is open, give its held keys back once no key came for settleMs
    const settle = () => {
      window.clearTimeout(timer);
      if (d.length === 0) burst = null;
      else if (d.held !== '' || d.length === 1) timer = window.setTimeout(quiet, d.settleMs + 5);
      setBurstOpen(d.length > 0 && timer !== 0);
    };
    // no key for a while: what is held goes back where it was going. The burst stays open on the keys'
    // timestamps, so a key of the same scan that reaches the page late still joins it (see release())
    const quiet = () => {
      timer = 0;
      putBack(burst, d.release());
      setBurstOpen(false);
    };
    const endBurst = () => {
      window.clearTimeout(timer);
      timer = 0;
      putBack(burst, d.flush());
      burst = null;
      setBurstOpen(false);
    };

    const onKey = (e: KeyboardEvent) => {
      if (replayed.has(e) || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
      window.clearTimeout(timer);
      timer = 0;
      const target = e.target;
      const field = isTextField(target) ? target : null;
      const isChar = [...e.key].length === 1;
      const open = burst;
      // a first key aimed at something that takes no text is held too (it is given back as that keydown if it
      // was not a scan), except Space, which buttons and check boxes act on natively
      const step = d.key(e.key, e.timeStamp || performance.now(), isChar && e.key !== ' ' && !isTypingTarget(target));
      const started = isChar && step.kind !== 'scan' && d.length === 1;
      if (step.kind !== 'scan') {
        // what was held goes back first (to the burst it belonged to), then this key does its own thing
        putBack(open, step.release);
        // a new burst remembers its field as it is before this key's own character goes in
        const before = field ? { value: field.value, start: field.selectionStart, end: field.selectionEnd } : null;
        if (started) burst = { target, field, inScanField: target instanceof HTMLElement && target.hasAttribute(SCAN_FIELD_ATTR), before };
        if (step.kind === 'hold') {
          e.preventDefault();
          e.stopPropagation();
        }
        settle();
        return;
      }
      // a scan: the Enter does nothing else, and the field the burst started in gets its old value back, with
      // only what a person typed in it before the scanner began
      e.preventDefault();
      e.stopPropagation();
      let code = step.code;
      const b = open;
      if (b?.field && b.before) {
        const { value, start, end } = b.before;
        if (b.inScanField) {
          // typed (or given back) into the scan field before the scan: the start of the same number
          code = (value + step.kept + code).trim();
          if (b.field.value !== '') setFieldValue(b.field, '');
        } else {
          const at = start ?? value.length;
          const restored = step.kept ? value.slice(0, at) + step.kept + value.slice(end ?? at) : value;
          if (b.field.value !== restored) setFieldValue(b.field, restored, step.kept ? at + step.kept.length : (start ?? undefined));
        }
      }
      settle();
      handler.current(code, 'scanner');
    };

    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      endBurst();
    };
  }, [enabled]);
}
