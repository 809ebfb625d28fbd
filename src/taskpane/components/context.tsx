/**
 * What every panel shares: the translator and language, the session's operations and the debug
 * switch. Panels read it with `usePane()`; none of them reaches Office.js.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReportsScan, Session } from '../../app/session';
import { failureText, isCancel } from '../../app/session';
import { CHANNEL_AR, KIND_AR, translator, type Lang, type Translate } from '../i18n';
import { CHANNELS, type ReportKind } from '../../engine';
import { CHANNEL_LABEL, KIND_LABEL } from '../../app/session';

export interface Pane {
  readonly lang: Lang;
  readonly t: Translate;
  readonly session: Session;
  readonly debug: boolean;
  /** A report kind's name in the pane's language. */
  readonly kindName: (kind: ReportKind) => string;
  readonly channelName: (id: string) => string;
  /** Money in the reporting currency, whole units. */
  readonly money: (value: number | null, currency: string) => string;
  readonly num: (value: number | null, digits?: number) => string;
  readonly pct: (value: number | null) => string;
  /** A date or code put into a sentence, kept left-to-right in Arabic (after Arabic letters "2026-11-21" would read backwards). */
  readonly ltr: (text: string) => string;
  /** Turns an error into the plain words shown to the user. */
  readonly explain: (error: unknown) => string;
}

const PaneContext = createContext<Pane | null>(null);

/**
 * `direction: ltr` for figures, dates and codes that stays ltr in the right-to-left pane: Griffel turns
 * the value "ltr" into "rtl" for rtl styles unless it is marked @noflip (rtl-css-js), which put "+12"
 * as "12+" and "2026-10 … 2026-11" backwards in Arabic.
 */
export const KEEP_LTR = 'ltr /* @noflip */' as 'ltr';

export function makePane(lang: Lang, session: Session, debug: boolean): Pane {
  const t = translator(lang);
  const na = t('notAvailable');
  const num = (value: number | null, digits = 0) =>
    value === null || !Number.isFinite(value) ? na : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return {
    lang,
    t,
    session,
    debug,
    kindName: (kind) => (lang === 'ar' ? KIND_AR[kind] : (KIND_LABEL.get(kind) ?? kind)),
    channelName: (id) => (lang === 'ar' ? (CHANNEL_AR[id] ?? id) : (CHANNEL_LABEL.get(id) ?? id)),
    money: (value, currency) => (value === null || !Number.isFinite(value) ? na : `${currency} ${num(value)}`),
    num,
    pct: (value) => (value === null || !Number.isFinite(value) ? na : `${(value * 100).toFixed(1)}%`),
    ltr: (text) => (lang === 'ar' ? `\u2066${text}\u2069` : text),
    explain: (error) => (isCancel(error) ? t('cancelled') : failureText(error)),
  };
}

export const PaneProvider = PaneContext.Provider;

/** A channel's id from its label ("Amazon KSA" → "amazon-ksa"), as the engine's rows carry labels. */
export function channelIdOf(label: string): string {
  return CHANNELS.find((c) => c.label === label)?.id ?? label;
}

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('usePane outside PaneProvider');
  return pane;
}

/**
 * Runs one asynchronous operation at a time: `busy` while it runs, `error` (plain words) when it fails.
 * A result that arrives after the component is gone is dropped.
 */
export function useOperation() {
  const { explain } = usePane();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const run = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await work();
      } catch (e) {
        if (alive.current) setError(explain(e));
        return undefined;
      } finally {
        if (alive.current) setBusy(false);
      }
    },
    [explain],
  );
  return { busy, error, setError, run };
}

/**
 * The answer to a question about the last analysis (the engine may hold it in its worker, so every
 * answer is a promise): `empty` until it arrives, and again when there is no question. A later question
 * wins over an earlier one still on its way; a failure is explained in plain words.
 */
export function useAnswer<T>(ask: (() => Promise<T>) | null, deps: readonly unknown[], empty: T): { readonly value: T; readonly error: string | null } {
  const { explain } = usePane();
  const [state, setState] = useState<{ value: T; error: string | null }>({ value: empty, error: null });
  useEffect(() => {
    if (!ask) {
      setState({ value: empty, error: null });
      return;
    }
    let live = true;
    ask().then(
      (value) => live && setState({ value, error: null }),
      (e: unknown) => live && setState({ value: empty, error: explain(e) }),
    );
    return () => {
      live = false;
    };
    // The caller names what the question depends on.
  }, deps);
  return state;
}

/** The props of the panels that show the workbook scan the App keeps. */
export interface ScanProps {
  readonly scan: ReportsScan | null;
  readonly onScan: (scan: ReportsScan) => void;
}

/** An operation's failure, in plain words, announced to screen readers. */
export function ErrorBar({ text }: { readonly text: string }) {
  const { t } = usePane();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('errorPrefix')}</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The Master SKUs a search found, as toggle buttons (SKU explorer, What-if); "no match" when none. */
export function MatchList(props: { readonly query: string; readonly matches: readonly string[]; readonly picked: string | null; readonly onPick: (sku: string) => void; readonly className: string }) {
  const { t } = usePane();
  if (props.matches.length === 0) return <Text role="status">{t('noMatch', { query: props.query })}</Text>;
  return (
    <ul className={props.className} aria-label={t('matches')}>
      {props.matches.map((m) => (
        <li key={m}>
          <Button size="small" appearance={m === props.picked ? 'primary' : 'secondary'} aria-pressed={m === props.picked} onClick={() => props.onPick(m)}>
            <span dir="auto">{m}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
