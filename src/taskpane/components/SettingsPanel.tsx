/**
 * Settings: a form over the Lumive Settings sheet. The policy is a choice between days of cover and
 * service level; every other setting is a field with its meaning and default. Values are checked as
 * Analyze checks the sheet (same rules); nothing is written while any is invalid.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SettingsForm } from '../../app/session';
import { say, sayIssue, type Problem, type SettingField } from '../../engine';
import type { StringKey } from '../i18n';
import { settingText } from '../settings-ar';
import { ErrorBar, KEEP_LTR, useOperation, usePane } from './context';

/** Fields in groups, in the order the form shows them (the policy has its own choice above). */
export const SETTING_GROUPS: readonly (readonly [StringKey, readonly string[]])[] = [
  ['groupCoverage', ['periodDays', 'safetyDays', 'excessDays', 'stockoutDays', 'criticalDays', 'severeExcessDays', 'leadTimeDays', 'leadTimeSdDays', 'reviewDays']],
  ['groupService', ['serviceLevelA', 'serviceLevelB', 'serviceLevelC']],
  ['groupClasses', ['abcBasis', 'abcCutA', 'abcCutB', 'xyzCutX', 'xyzCutY', 'trendThreshold']],
  ['groupOrders', ['minTransferQty', 'transferCostPerUnit', 'orderCost', 'holdingRate']],
  ['groupApprovals', ['approvalAutoBelow', 'approvalManagerBelow', 'approvalDirectorBelow']],
  ['groupLiquidation', ['elasticity', 'targetDoi', 'maxDiscount', 'liquidationModel', 'outletDiscount', 'outletSellThrough', 'liquidationRecovery', 'removalFeePerUnit']],
  ['groupExcessFees', ['excessHorizonDays', 'referralFeeShare', 'fulfillmentFeePerUnit', 'storageFeePerUnitMonth', 'agedSurchargePerUnitMonth', 'disposalFeePerUnit', 'resalePerUnit']],
  ['groupCurrency', ['reportingCurrency', 'aedToSar']],
  ['groupEvents', ['upliftRamadan', 'upliftEidAlFitr', 'upliftEidAlAdha', 'upliftWhiteFriday', 'upliftSinglesDay', 'upliftBackToSchool', 'upliftNationalDays']],
];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, display: 'grid', gap: tokens.spacingVerticalS, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', position: 'sticky', bottom: 0, backgroundColor: tokens.colorNeutralBackground2, paddingBlock: tokens.spacingVerticalS },
  number: { direction: KEEP_LTR },
});

export function SettingsPanel() {
  const styles = useStyles();
  const { t, lang, session } = usePane();
  const { busy, error, run } = useOperation();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, Problem>>>({});
  const [formErrors, setFormErrors] = useState<readonly Problem[]>([]);
  const [saved, setSaved] = useState<string | null>(null); // the sheet saved to

  const load = () =>
    run(async () => {
      const read = await session.readSettings();
      setForm(read);
      setValues({ ...read.values });
    });

  useEffect(() => {
    void load();
  }, []);

  if (!form) return busy ? <Spinner size="tiny" label={t('loading')} /> : error ? <ErrorBar text={error} /> : null;

  const set = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setSaved(null);
    if (fieldErrors[key]) setFieldErrors(({ [key]: _, ...rest }) => rest);
  };

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(null);
    void run(async () => {
      const out = await session.saveSettings(values);
      if (out.ok) {
        setFieldErrors({});
        setFormErrors([]);
        setSaved(out.sheet);
      } else {
        setFieldErrors(out.fieldErrors);
        setFormErrors(out.formErrors);
      }
    });
  };

  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  const invalid = Object.keys(fieldErrors).length > 0 || formErrors.length > 0;

  return (
    <form className={styles.form} onSubmit={save} aria-label={t('tabSettings')} noValidate>
      <Text as="p" block>
        {t('settingsIntro')}
      </Text>
      {form.issues.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('sheetIssues')}</MessageBarTitle>
            <ul>
              {form.issues.map((i, n) => (
                <li key={n} dir="auto">
                  {i.row !== null ? `${t('issueAt', { row: i.row })}: ` : ''}
                  {sayIssue(i, lang)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('policy')} validationMessage={fieldErrors.policy && say(fieldErrors.policy, lang)}>
        <RadioGroup value={values.policy} onChange={(_, d) => set('policy', d.value)}>
          <Radio value="cover" label={t('policyCover')} />
          <Radio value="service" label={t('policyService')} />
        </RadioGroup>
      </Field>
      {SETTING_GROUPS.map(([title, keys]) => (
        <fieldset key={title} className={styles.group}>
          <legend className={styles.legend}>{t(title)}</legend>
          {title === 'groupEvents' && (
            <Text as="p" block size={200}>
              {t('eventsNote')}
            </Text>
          )}
          {keys.map((key) => {
            const field = byKey.get(key);
            return field ? (
              <SettingInput key={key} field={field} lang={lang} value={values[key] ?? ''} defaultText={form.defaults[key]} error={fieldErrors[key]} onChange={(v) => set(key, v)} />
            ) : null;
          })}
        </fieldset>
      ))}
      {invalid && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('settingsInvalid')}</MessageBarTitle>
            {formErrors.length > 0 && (
              <ul>
                {formErrors.map((p, n) => (
                  <li key={n} dir="auto">
                    {say(p, lang)}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorBar text={error} />}
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody dir="auto">{t('settingsSaved', { sheet: saved })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('saveSettings')}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            setValues({ ...form.defaults });
            setFieldErrors({});
            setFormErrors([]);
          }}
        >
          {t('resetDefaults')}
        </Button>
      </div>
    </form>
  );
}

function SettingInput(props: { field: SettingField; lang: 'en' | 'ar'; value: string; defaultText: string; error: Problem | undefined; onChange: (v: string) => void }) {
  const styles = useStyles();
  const { t } = usePane();
  const { field, value, error, onChange } = props;
  const text = settingText(field.key, props.lang, field);
  const hint = `${text.meaning} · ${t('defaultIs', { value: props.defaultText })}`;
  // Under the field, its problem names the setting by the label the field shows (Arabic in Arabic).
  const message = error && say(typeof error.args.label === 'string' ? { ...error, args: { ...error.args, label: text.label } } : error, props.lang);
  return (
    <Field label={text.label} hint={hint} validationMessage={message} validationState={error ? 'error' : 'none'}>
      {field.rule.type === 'choice' ? (
        <Select value={value} onChange={(_, d) => onChange(d.value)}>
          {field.rule.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </Select>
      ) : (
        <Input className={styles.number} value={value} inputMode="decimal" name={field.key} onChange={(_, d) => onChange(d.value)} />
      )}
    </Field>
  );
}
