/**
 * What-if: replays an (s, S) or (r, Q) policy day by day on a demand series and shows what it would
 * have given (fill rate, cycle service level, cost, stock on hand, orders, units short), with a chart
 * of stock on hand and the first 30 days as a table. The demand is a product of the last analysis (its
 * own monthly history, spread over the days) or numbers the seller pastes; the policy and costs start
 * from the analysis's figures (src/app/what-if.ts). The previous run on the same demand stays beside
 * the new one ("before"), so the effect of changing s or S shows at a glance.
 */
import {
  Button,
  Card,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  SearchBox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import {
  EMPTY_FORM,
  formFromDefaults,
  parseDemand,
  runWhatIf,
  trajectorySummary,
  validateForm,
  whatIfDefaults,
  type DemandProblem,
  type FieldError,
  type FieldRule,
  type WhatIfDefaults,
  type WhatIfField,
  type WhatIfForm,
} from '../../app/what-if';
import { type PositionMetrics, type ReplenishmentPolicy, type SimulationResult } from '../../engine';
import type { StringKey } from '../i18n';
import { ErrorBar, KEEP_LTR, MatchList, useAnswer, usePane } from './context';

type Source = 'analysis' | 'paste';

/** Days the table shows. */
const TABLE_DAYS = 30;

const FIELD_LABEL: Readonly<Record<WhatIfField, StringKey>> = {
  s: 'whatIfFieldS',
  S: 'whatIfFieldBigS',
  r: 'whatIfFieldR',
  Q: 'whatIfFieldQ',
  leadTime: 'whatIfFieldLead',
  holdingCost: 'whatIfFieldHolding',
  stockoutCost: 'whatIfFieldStockout',
  startStock: 'whatIfFieldStart',
};

const FIELD_HINT: Partial<Readonly<Record<WhatIfField, StringKey>>> = {
  leadTime: 'whatIfFieldLeadHint',
  holdingCost: 'whatIfFieldHoldingHint',
  stockoutCost: 'whatIfFieldStockoutHint',
  startStock: 'whatIfFieldStartHint',
};

const FIELD_NAME: Readonly<Record<WhatIfField, StringKey>> = {
  s: 'whatIfNameS',
  S: 'whatIfNameBigS',
  r: 'whatIfNameR',
  Q: 'whatIfNameQ',
  leadTime: 'whatIfNameLead',
  holdingCost: 'whatIfNameHolding',
  stockoutCost: 'whatIfNameStockout',
  startStock: 'whatIfNameStart',
};

const RULE_TEXT: Readonly<Record<FieldRule, StringKey>> = {
  missing: 'whatIfRuleMissing',
  notNumber: 'whatIfRuleNotNumber',
  wholeDays: 'whatIfRuleWholeDays',
  nonNegative: 'whatIfRuleNonNegative',
  positive: 'whatIfRulePositive',
  aboveS: 'whatIfRuleAboveS',
};

const DEMAND_TEXT: Readonly<Record<DemandProblem, StringKey>> = {
  empty: 'whatIfDemandEmpty',
  notNumber: 'whatIfDemandNotNumber',
  negative: 'whatIfDemandNegative',
};

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: tokens.spacingVerticalS + ' ' + tokens.spacingHorizontalM, alignItems: 'start' },
  matches: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: 'none' },
  // Grid items and Fluent's Input default to their content's width (an <input> is ~20 characters wide):
  // at 420 px two columns only fit when both may shrink.
  field: { minWidth: 0 },
  /** The costs' labels are long: a row of their own, so the inputs of a row stay level. */
  wide: { minWidth: 0, gridColumn: '1 / -1' },
  number: { direction: KEEP_LTR, width: '100%', minWidth: 0 },
  inputEl: { minWidth: 0, width: '100%' },
  num: { direction: KEEP_LTR, unicodeBidi: 'isolate', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  h: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // A plain <textarea> styled like Fluent's: Fluent's Textarea styles make every getComputedStyle of the
  // page several times slower in jsdom, which the pane's other tests feel.
  demand: {
    boxSizing: 'border-box',
    width: '100%',
    minHeight: '88px',
    resize: 'vertical',
    direction: KEEP_LTR,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    outlineStyle: 'none',
    ':focus': { borderBottomColor: tokens.colorCompoundBrandStroke, borderBottomWidth: '2px' },
  },
  demandInvalid: { borderTopColor: tokens.colorPaletteRedBorder2, borderRightColor: tokens.colorPaletteRedBorder2, borderBottomColor: tokens.colorPaletteRedBorder2, borderLeftColor: tokens.colorPaletteRedBorder2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  kpis: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  kpi: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXXS, height: '100%', boxSizing: 'border-box' },
  kpiValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, direction: KEEP_LTR, unicodeBidi: 'isolate' },
  chartBox: { direction: KEEP_LTR, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke2}` },
  chart: { display: 'block', width: '100%', height: 'auto' },
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: '1.5px', strokeLinejoin: 'round' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: '1px' },
  level: { stroke: tokens.colorPaletteDarkOrangeForeground1, strokeWidth: '1px', strokeDasharray: '4 3' },
  arrival: { fill: tokens.colorPaletteGreenForeground1, stroke: tokens.colorNeutralBackground1, strokeWidth: '1px' },
  tick: { fill: tokens.colorNeutralForeground3, fontSize: '10px' },
  legendRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXS },
  swatch: { display: 'inline-block', width: '14px', height: '0', borderTopWidth: '2px', borderTopStyle: 'solid', verticalAlign: 'middle', marginInlineEnd: tokens.spacingHorizontalXS },
  dot: { display: 'inline-block', width: '8px', height: '8px', borderRadius: '50%', verticalAlign: 'middle', marginInlineEnd: tokens.spacingHorizontalXS, backgroundColor: tokens.colorPaletteGreenForeground1 },
  tableBox: { overflowX: 'auto' },
  table: { tableLayout: 'auto', minWidth: '100%' },
  cell: { paddingInline: tokens.spacingHorizontalXS },
});

/** One run as the results show it; `key` names the demand it replayed (runs compare only on the same demand). */
interface RunRecord {
  readonly key: string;
  readonly result: SimulationResult;
  readonly policy: ReplenishmentPolicy;
  readonly currency: string | null;
}

type DemandError = { readonly problem: DemandProblem; readonly item: number; readonly text: string };

const NO_MATCHES: readonly string[] = [];
const NO_POSITIONS: readonly PositionMetrics[] = [];

export function WhatIfPanel({ analyzedAt }: { readonly analyzedAt: Date | null }) {
  const styles = useStyles();
  const { t, session, channelName } = usePane();
  const index = analyzedAt ? session.view() : null;
  const [chosenSource, setChosenSource] = useState<Source | null>(null);
  const source: Source = chosenSource ?? (index ? 'analysis' : 'paste');
  const [query, setQuery] = useState('');
  const [master, setMaster] = useState<string | null>(null);
  const [positionId, setPositionId] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [form, setForm] = useState<WhatIfForm>(EMPTY_FORM);
  const [fieldErrors, setFieldErrors] = useState<readonly FieldError[]>([]);
  const [demandError, setDemandError] = useState<DemandError | null>(null);
  const [pickFirst, setPickFirst] = useState(false);
  const [engineError, setEngineError] = useState<string | null>(null);
  const [shown, setShown] = useState<RunRecord | null>(null);
  const [before, setBefore] = useState<RunRecord | null>(null);
  const lastRun = useRef<RunRecord | null>(null);

  const matches = useAnswer(index ? () => index.search(query, 12) : null, [index, query], NO_MATCHES).value;
  const channels = useAnswer(index && master ? () => index.positions(master) : null, [index, master], NO_POSITIONS).value;
  const picked = channels.find((m) => m.id === positionId) ?? null;
  const defaults = useMemo(() => (index && picked ? whatIfDefaults(picked, index.settings) : null), [index, picked]);
  const parsed = useMemo(() => (pasted.trim() ? parseDemand(pasted) : null), [pasted]);

  const set = (field: WhatIfField | 'policy', value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setFieldErrors((errors) => errors.filter((e) => e.field !== field && !(field === 's' && e.rule === 'aboveS')));
  };

  const pickPosition = (m: PositionMetrics) => {
    if (!index) return;
    setPositionId(m.id);
    setForm((f) => formFromDefaults(whatIfDefaults(m, index.settings), f.policy));
    setFieldErrors([]);
    setPickFirst(false);
  };

  const pickMaster = (sku: string) => {
    setMaster(sku);
    setPositionId(null);
    void index?.positions(sku).then((list) => {
      if (list.length === 1) pickPosition(list[0]);
    });
  };

  const fieldMessage = (e: FieldError) => t(RULE_TEXT[e.rule], { field: t(FIELD_NAME[e.field]) });

  const run = (event: React.FormEvent) => {
    event.preventDefault();
    setEngineError(null);
    let demand: readonly number[] | null = null;
    let key = '';
    let demandProblem: DemandError | null = null;
    if (source === 'paste') {
      const p = parseDemand(pasted);
      if (p.ok) {
        demand = p.values;
        key = `paste:${p.values.join(',')}`;
      } else demandProblem = { problem: p.problem, item: p.item, text: p.text };
    } else if (picked && defaults && analyzedAt) {
      demand = defaults.demand;
      key = `position:${picked.id}:${analyzedAt.getTime()}`;
    }
    setDemandError(demandProblem);
    setPickFirst(source === 'analysis' && !demand);
    const check = validateForm(form);
    setFieldErrors(check.ok ? [] : check.errors);
    if (!demand || !check.ok) {
      setShown(null);
      return;
    }
    const out = runWhatIf({ demand, form });
    if (!out.ok) {
      setFieldErrors(out.errors);
      setEngineError(out.engineError);
      setShown(null);
      return;
    }
    const record: RunRecord = { key, result: out.result, policy: out.input.policy, currency: source === 'analysis' ? (defaults?.currency ?? null) : null };
    setBefore(lastRun.current && lastRun.current.key === key ? lastRun.current : null);
    lastRun.current = record;
    setShown(record);
  };

  const errorOf = (field: WhatIfField) => fieldErrors.find((e) => e.field === field);
  const fieldsShown: readonly WhatIfField[] = [...(form.policy === 'sS' ? (['s', 'S'] as const) : (['r', 'Q'] as const)), 'leadTime', 'startStock', 'holdingCost', 'stockoutCost'];
  const invalid = fieldErrors.length > 0 || demandError !== null || pickFirst;

  return (
    <section className={styles.box} aria-label={t('tabWhatIf')}>
      <Text as="p" block>
        {t('whatIfIntro')}
      </Text>
      <form className={styles.box} onSubmit={run} noValidate>
        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t('whatIfSource')}</legend>
          <RadioGroup value={source} onChange={(_, d) => setChosenSource(d.value as Source)} aria-label={t('whatIfSource')}>
            <Radio value="analysis" label={t('whatIfFromAnalysis')} disabled={!index} />
            <Radio value="paste" label={t('whatIfFromPaste')} />
          </RadioGroup>
          {source === 'analysis' && !index && (
            <Text role="status" size={200} className={styles.muted}>
              {t('whatIfNeedsRun')}
            </Text>
          )}
          {source === 'analysis' && index && (
            <>
              <SearchBox
                value={query}
                aria-label={t('search')}
                placeholder={t('search')}
                onChange={(_, d) => setQuery(d.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    if (matches[0]) pickMaster(matches[0]);
                  }
                }}
              />
              <MatchList query={query} matches={matches} picked={master} onPick={pickMaster} className={styles.matches} />
              {master && channels.length > 0 && (
                <ul className={styles.matches} aria-label={t('whatIfChannels', { sku: master })}>
                  {channels.map((m) => (
                    <li key={m.id}>
                      <Button size="small" appearance={m.id === positionId ? 'primary' : 'outline'} aria-pressed={m.id === positionId} onClick={() => pickPosition(m)}>
                        {channelName(m.position.channel.id)}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
              {picked && defaults && <PositionNotes metrics={picked} defaults={defaults} />}
              {pickFirst && (
                <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
                  {t('whatIfPickFirst')}
                </Text>
              )}
            </>
          )}
          {source === 'paste' && (
            <Field
              label={t('whatIfDemandLabel')}
              hint={parsed?.ok ? t('whatIfDemandCount', { days: parsed.values.length, units: qty(parsed.values.reduce((a, b) => a + b, 0)) }) : t('whatIfDemandHint')}
              validationMessage={demandError ? t(DEMAND_TEXT[demandError.problem], { item: demandError.item, text: demandError.text }) : undefined}
              validationState={demandError ? 'error' : 'none'}
            >
              {(control) => (
                <textarea
                  {...control}
                  className={mergeClasses(styles.demand, demandError ? styles.demandInvalid : undefined)}
                  value={pasted}
                  rows={4}
                  placeholder={'12\n9\n0\n15'}
                  onChange={(e) => {
                    setPasted(e.target.value);
                    setDemandError(null);
                  }}
                />
              )}
            </Field>
          )}
        </fieldset>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t('whatIfPolicy')}</legend>
          <RadioGroup value={form.policy} onChange={(_, d) => set('policy', d.value)} aria-label={t('whatIfPolicy')}>
            <Radio value="sS" label={t('whatIfPolicySS')} />
            <Radio value="rQ" label={t('whatIfPolicyRQ')} />
          </RadioGroup>
          <div className={styles.fields}>
            {fieldsShown.map((field) => {
              const error = errorOf(field);
              const hint = FIELD_HINT[field];
              return (
                <Field key={field} className={field === 'holdingCost' || field === 'stockoutCost' ? styles.wide : styles.field} label={t(FIELD_LABEL[field])} hint={hint ? t(hint) : undefined} validationMessage={error ? fieldMessage(error) : undefined} validationState={error ? 'error' : 'none'}>
                  <Input className={styles.number} input={{ className: styles.inputEl }} value={form[field]} inputMode="decimal" name={field} onChange={(_, d) => set(field, d.value)} />
                </Field>
              );
            })}
          </div>
          <Text size={200} className={styles.muted}>
            {t('whatIfLostSales')}
          </Text>
        </fieldset>
        {invalid && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t('whatIfInvalid')}</MessageBarTitle>
            </MessageBarBody>
          </MessageBar>
        )}
        {engineError && <ErrorBar text={engineError} />}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit">
            {t('whatIfRun')}
          </Button>
        </div>
      </form>
      {shown && <Results run={shown} before={before} />}
    </section>
  );
}

/** Quantities: up to 2 decimals (spread daily demand is fractional), Western digits. */
function qty(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** What the picked position brings: its figures, where the demand comes from, and what Lumive could not fill in. */
function PositionNotes({ metrics, defaults }: { readonly metrics: PositionMetrics; readonly defaults: WhatIfDefaults }) {
  const styles = useStyles();
  const { t, channelName } = usePane();
  const p = metrics.position;
  const notes: string[] = [];
  if (defaults.demandFrom === 'history' && defaults.firstMonth === defaults.lastMonth) notes.push(t('whatIfFromMonth', { days: defaults.demand.length, month: defaults.firstMonth ?? '' }));
  else if (defaults.demandFrom === 'history') notes.push(t('whatIfFromHistory', { days: defaults.demand.length, from: defaults.firstMonth ?? '', to: defaults.lastMonth ?? '' }));
  else notes.push(t('whatIfFromVelocity', { days: defaults.demand.length, velocity: qty(defaults.velocity) }));
  if (defaults.demand.every((d) => d === 0)) notes.push(t('whatIfNoDemand'));
  if (defaults.leadTime !== defaults.leadTimeDays) notes.push(t('whatIfLeadRounded', { lead: qty(defaults.leadTimeDays), days: defaults.leadTime }));
  if (defaults.holdingCost === null) notes.push(t('whatIfNoCost'));
  if (defaults.stockoutFrom === 'price') notes.push(t('whatIfStockoutPrice'));
  if (defaults.stockoutFrom === null) notes.push(t('whatIfNoPrice'));
  notes.push(t('whatIfMoneyIn', { currency: defaults.currency }));
  return (
    <div role="status" aria-label={t('whatIfPosition', { sku: p.masterSku, channel: channelName(p.channel.id) })}>
      <h3 className={styles.sub} dir="auto">
        {t('whatIfPosition', { sku: p.masterSku, channel: channelName(p.channel.id) })}
      </h3>
      <Text as="p" block size={200} style={{ margin: 0 }}>
        {t('whatIfPositionFacts', { available: qty(Math.max(0, p.available)), inbound: qty(Math.max(0, p.inbound)), velocity: qty(metrics.velocity), lead: qty(metrics.leadTimeDays) })}
      </Text>
      {notes.map((n) => (
        <Text key={n} as="p" block size={200} className={styles.muted} style={{ margin: 0 }}>
          {n}
        </Text>
      ))}
    </div>
  );
}

interface Kpi {
  readonly key: StringKey;
  readonly value: (r: SimulationResult) => string;
}

function Results({ run, before }: { readonly run: RunRecord; readonly before: RunRecord | null }) {
  const styles = useStyles();
  const { t, pct, num } = usePane();
  const r = run.result;
  const cost = (v: number) => `${run.currency ? `${run.currency} ` : ''}${num(v, Math.abs(v) < 100 ? 2 : 0)}`;
  const kpis: readonly Kpi[] = [
    { key: 'whatIfFillRate', value: (x) => pct(x.fillRate) },
    { key: 'whatIfCsl', value: (x) => pct(x.cycleServiceLevel) },
    { key: 'whatIfTotalCost', value: (x) => cost(x.totals.totalCost) },
    { key: 'whatIfAvgOnHand', value: (x) => num(x.totals.averageOnHand, 1) },
    { key: 'whatIfOrders', value: (x) => num(x.totals.orders) },
    { key: 'whatIfShort', value: (x) => qty(x.totals.unmet) },
  ];
  const days = r.periods.length;
  return (
    <section className={styles.box} aria-label={t('whatIfResults', { days })}>
      <h2 className={styles.h}>{t('whatIfResults', { days })}</h2>
      <ul className={styles.kpis} aria-label={t('whatIfResults', { days })}>
        {kpis.map((k) => (
          <li key={k.key}>
            <Card className={styles.kpi}>
              <Text size={200}>{t(k.key)}</Text>
              <span className={styles.kpiValue}>{k.value(r)}</span>
              {k.key === 'whatIfTotalCost' && (
                <Text size={100} className={styles.muted}>
                  {t('whatIfCostSplit', { holding: cost(r.totals.holdingCost), stockout: cost(r.totals.stockoutCost) })}
                </Text>
              )}
              {before && (
                <Text size={200} className={styles.muted}>
                  {t('whatIfBefore', { value: k.value(before.result) })}
                </Text>
              )}
            </Card>
          </li>
        ))}
      </ul>
      {before && (
        <Text size={200} className={styles.muted}>
          {t('whatIfCompareNote')}
        </Text>
      )}
      <h3 className={styles.sub}>{t('whatIfChartTitle')}</h3>
      <OnHandChart result={r} level={run.policy.kind === 'sS' ? run.policy.s : run.policy.r} />
      <h3 className={styles.sub}>{t('whatIfTable')}</h3>
      <DayTable result={r} />
    </section>
  );
}

/** Stock on hand at the end of each day, the reorder level dashed, and a dot on each day an order arrives. */
function OnHandChart({ result, level }: { readonly result: SimulationResult; readonly level: number }) {
  const styles = useStyles();
  const { t } = usePane();
  const s = trajectorySummary(result);
  const W = 360;
  const H = 150;
  const left = 40;
  const right = 10;
  const top = 10;
  const bottom = 22;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const n = result.periods.length;
  const yMax = niceCeiling(Math.max(1, s.max, level) * 1.05);
  const x = (i: number) => left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v: number) => top + plotH * (1 - Math.max(0, v) / yMax);
  const points = result.periods.map((p, i) => `${x(i).toFixed(1)},${y(p.onHandEnd).toFixed(1)}`).join(' ');
  const shownArrivals = s.arrivals.slice(0, 12);
  const arrivals = s.arrivals.length === 0 ? t('whatIfChartNoArrivals') : t('whatIfChartArrivals', { list: `${shownArrivals.join(', ')}${s.arrivals.length > shownArrivals.length ? ', …' : ''}` });
  const label = `${t('whatIfChartLabel', { days: s.days, start: qty(s.start), end: qty(s.end), min: qty(s.min), minDay: s.minDay, max: qty(s.max) })} ${arrivals}`;
  return (
    <div className={styles.chartBox}>
      <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line className={styles.axis} x1={left} y1={y(0)} x2={W - right} y2={y(0)} />
        <line className={styles.axis} x1={left} y1={top} x2={left} y2={y(0)} />
        <text className={styles.tick} x={left - 4} y={top + 4} textAnchor="end">
          {qty(yMax)}
        </text>
        <text className={styles.tick} x={left - 4} y={y(0) + 3} textAnchor="end">
          0
        </text>
        <text className={styles.tick} x={x(0)} y={H - 6} textAnchor="start">
          1
        </text>
        <text className={styles.tick} x={x(n - 1)} y={H - 6} textAnchor="end">
          {n}
        </text>
        <text className={styles.tick} x={left + plotW / 2} y={H - 6} textAnchor="middle">
          {t('whatIfColDay')}
        </text>
        {level > 0 && level <= yMax && <line className={styles.level} x1={left} y1={y(level)} x2={W - right} y2={y(level)} />}
        <polyline className={styles.line} points={points} />
        {result.periods.map((p, i) => (p.received > 0 ? <circle key={p.period} className={styles.arrival} cx={x(i)} cy={y(p.onHandEnd)} r={3.5} /> : null))}
      </svg>
      <div className={styles.legendRow} dir="auto" aria-hidden="true">
        <span>
          <span className={styles.swatch} style={{ borderTopColor: tokens.colorBrandForeground1 }} />
          {t('whatIfLegendOnHand')}
        </span>
        <span>
          <span className={styles.dot} />
          {t('whatIfLegendArrival')}
        </span>
        <span>
          <span className={styles.swatch} style={{ borderTopColor: tokens.colorPaletteDarkOrangeForeground1, borderTopStyle: 'dashed' }} />
          {t('whatIfLegendLevel')}
        </span>
      </div>
    </div>
  );
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above x (a round top for the chart's scale). */
function niceCeiling(x: number): number {
  const step = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * step >= x - 1e-9) ?? 10) * step;
}

/** The first TABLE_DAYS days of the run. */
function DayTable({ result }: { readonly result: SimulationResult }) {
  const styles = useStyles();
  const { t } = usePane();
  const rows = result.periods.slice(0, TABLE_DAYS);
  const heads: readonly StringKey[] = ['whatIfColDay', 'whatIfColDemand', 'whatIfColOnHand', 'whatIfColOnOrder', 'whatIfColOrdered', 'whatIfColUnmet'];
  return (
    <div className={styles.tableBox}>
      <Table size="extra-small" className={styles.table} aria-label={t('whatIfTable')}>
        <TableHeader>
          <TableRow>
            {heads.map((h) => (
              <TableHeaderCell key={h} className={styles.cell}>
                {t(h)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((p) => (
            <TableRow key={p.period}>
              {[p.period, p.demand, p.onHandEnd, p.onOrder, p.orderPlaced, p.unmet].map((v, i) => (
                <TableCell key={i} className={styles.cell}>
                  <span className={styles.num}>{i === 4 && v === 0 ? '' : qty(v)}</span>
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text size={200} className={styles.muted}>
        {result.periods.length > rows.length ? t('whatIfFirstDays', { shown: rows.length, days: result.periods.length }) : t('whatIfAllDays', { days: result.periods.length })}
      </Text>
    </div>
  );
}
