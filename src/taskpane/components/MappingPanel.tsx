/**
 * Mapping: how many SKUs of the reports the Mapping sheet does not map, and one button that creates
 * the sheet (every SKU found, suggested Master SKUs filled in) or appends the missing SKUs to it.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MappingResult } from '../../app/session';
import { ErrorBar, usePane, useOperation, type ScanProps } from './context';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export function MappingPanel({ scan, onScan }: ScanProps) {
  const styles = useStyles();
  const { t, session } = usePane();
  const { busy, error, run } = useOperation();
  const [done, setDone] = useState<MappingResult | null>(null);

  const update = () =>
    run(async () => {
      const result = await session.updateMapping();
      setDone(result);
      onScan(result.scan);
    });

  return (
    <section className={styles.box} aria-label={t('tabMapping')}>
      <Text as="p" block>
        {t('mappingIntro')}
      </Text>
      {!scan && <Spinner size="tiny" label={t('loading')} />}
      {scan && (
        <>
          <Text as="p" block>
            {scan.mappingSheet ? <span dir="auto">{t('mappingSheetIs', { sheet: scan.mappingSheet })}</span> : t('noMapping')}
          </Text>
          <Text as="p" block className={styles.figure} role="status" aria-live="polite">
            {scan.unmapped > 0 ? t('unmappedCount', { count: scan.unmapped }) : t('allMapped')}
          </Text>
          <div>
            <Button appearance="primary" disabled={busy || (scan.mappingSheet !== null && scan.unmapped === 0)} onClick={() => void update()}>
              {scan.mappingSheet ? t('updateMapping') : t('createMapping')}
            </Button>
            {busy && <Spinner size="tiny" label={t('loading')} />}
          </div>
        </>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody dir="auto">
            {done.added === 0
              ? t('mappingNothing', { sheet: done.sheet })
              : t(done.created ? 'mappingCreated' : 'mappingUpdated', { sheet: done.sheet, added: done.added, suggested: done.suggested })}
          </MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorBar text={error} />}
    </section>
  );
}
