/**
 * The `lumive` command: the engine without Excel.
 *   lumive eval '<formula>'   evaluate one formula with the LUMIVE functions
 *   lumive inspect <files…>   what the importer makes of report files and workbooks
 *   lumive functions          list the functions and their parameters
 *   lumive analyze <inputs…>  analyze a workbook or report files into the output sheets
 *   lumive compare <workbook> compare two saved snapshots
 *   lumive po <workbook> -o DIR        one CSV file per approved purchase order
 *   lumive shipments <workbook> -o DIR one CSV file per approved shipment route
 *   lumive demo               analyze a generated sample workbook
 *   lumive formulas           evaluate a table of sample LUMIVE formulas
 */
import { isOptional } from '../functions/args';
import { FUNCTIONS } from '../functions/catalog';
import { evaluateFormula, formatValue, FormulaSyntaxError } from '../functions/formula';
import { DEMO_FORMULAS } from './demo-formulas';
import { guarded, type Out } from './terminal';

const USAGE = `Usage: lumive <command>

Commands:
  eval '<formula>' [--decimals N]   Evaluate a formula, e.g. lumive eval '=LUMIVE.DOI(120, 4)'
                                    Ranges are array constants: {1,2;3,4} (rows separated by ;)
  inspect <files…> [--json]         What the importer makes of report files or workbooks: kind,
                                    channel, rows read / used / reported, notes on the file and the
                                    first issues
          [--kind SOURCE=KIND] [--channel SOURCE=CHANNEL]   say what a source is when detection is unsure
          [--decimal-comma]         read numbers written with a decimal comma (1.234,50)
  analyze <workbook.xlsx | report files and a mapping file…> -o out.xlsx
          [--json] [--settings file.json] [--policy cover|service] [--snapshot] [--date YYYY-MM-DD]
          [--kind SOURCE=KIND] [--channel SOURCE=CHANNEL] [--decimal-comma]
                                    Analyze into the output sheets (Urgent Actions, Summary, Health,
                                    Reorder, Rebalance, Liquidation, Purchase Orders, Shipments,
                                    Cross-Channel, Stranded, Forecast, Trends, Data Issues, Lumive
                                    Settings). Inputs are never modified;
                                    the output must be an .xlsx file name (checked before reading).
                                    --snapshot also saves this analysis in the workbook's history
                                    (one snapshot a date; the same date again replaces it);
                                    --date analyzes as of that day (default today);
                                    --kind, --channel and --decimal-comma as for inspect
  compare <workbook.xlsx> --from DATE --to DATE [--json] [--top N]
                                    Compare two saved snapshots (DATE: 2026-10-31, or 2026-10 for
                                    that month's latest)
  po <analyzed.xlsx> -o FOLDER      One CSV file per purchase order of the "Purchase Orders" sheet
                                    ("PO <number> <supplier>.csv"), for the supplier
  shipments <analyzed.xlsx> -o FOLDER
                                    One CSV file per route of the "Shipments" sheet
                                    ("Shipment <from> to <to>.csv"): destination SKU, quantity, the rest
                                    The files are UTF-8 CSV for Excel; text that would open as a formula
                                    or a number ("=…", "00123") is written with a ' in front
  demo [-o file.xlsx] [--json]      Generate a sample workbook (320 products, Amazon and noon, KSA and
                                    UAE), analyze it and write it (default demo/lumive-demo.xlsx)
  functions                         List the LUMIVE functions and their parameters
  formulas                          Evaluate a table of sample LUMIVE formulas
  help                              Show this help

SOURCE is a report file's name (or its path as given); a sheet of a workbook among the files is
"book.xlsx › Sheet", a sheet of the one workbook analyze reads is its name.
KIND is a report kind, e.g. amazon-inventory, amazon-business-report, noon-stock, noon-sales, mapping
(an unknown kind lists them all); CHANNEL is amazon-ksa, amazon-uae, noon-ksa or noon-uae.
Control characters in what the files hold are printed as escapes (\\u001b), never as they are.
`;

export async function main(argv: readonly string[], stdout: Out, stderr: Out): Promise<number> {
  // Report files are untrusted: nothing read from them may reach the terminal as a control sequence.
  const out = guarded(stdout);
  const err = guarded(stderr);
  const [command, ...rest] = argv;
  // The commands that read files load their modules (the importer, the analysis, exceljs) when asked
  // for: `lumive eval` starts without them.
  switch (command) {
    case 'eval':
      return evalCommand(rest, out, err);
    case 'inspect':
      return (await import('./inspect')).inspectCommand(rest, out, err);
    case 'functions':
      out.write(listFunctions());
      return 0;
    case 'analyze':
      return (await import('./analyze')).analyzeCommand(rest, out, err);
    case 'demo':
      return (await import('./analyze')).demoCommand(rest, out, err);
    case 'compare':
      return (await import('./compare')).compareCommand(rest, out, err);
    case 'po':
    case 'shipments':
      return (await import('./documents')).documentsCommand(command, rest, out, err);
    case 'formulas':
      out.write(demoTable());
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out.write(USAGE);
      return 0;
    default:
      err.write(`lumive: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

function evalCommand(args: readonly string[], out: Out, err: Out): number {
  let decimals = 6;
  const formulas: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--decimals') {
      decimals = Number(args[++i]);
      if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
        err.write('lumive eval: --decimals must be a whole number from 0 to 15\n');
        return 2;
      }
    } else formulas.push(args[i]);
  }
  if (formulas.length !== 1) {
    err.write(`lumive eval: give exactly one formula, e.g. lumive eval '=LUMIVE.DOI(120, 4)'\n`);
    return 2;
  }
  try {
    out.write(`${formatValue(evaluateFormula(formulas[0]), decimals)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof FormulaSyntaxError) {
      err.write(`lumive eval: ${e.message}\n`);
      return 2;
    }
    // The parser and the evaluator recurse once per nesting level: thousands of nested parentheses,
    // calls or signs overflow the stack before any syntax error is found.
    // (Checked by name: a RangeError may come from another realm under a test runner.)
    const range = typeof e === 'object' && e !== null && (e as Error).name === 'RangeError';
    if (range && /call stack/i.test((e as Error).message)) {
      err.write('lumive eval: the formula is too deeply nested (too many parentheses, calls or signs inside one another)\n');
      return 2;
    }
    if (range) {
      err.write(`lumive eval: the formula cannot be evaluated: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

function listFunctions(): string {
  const lines = FUNCTIONS.map((f) => {
    const params = f.params.map((p) => (isOptional(p) ? `[${p.name}]` : p.name));
    return `LUMIVE.${f.id}(${params.join(', ')})`;
  });
  return `${lines.join('\n')}\n`;
}

function demoTable(): string {
  const rows = DEMO_FORMULAS.map(({ formula, meaning }) => {
    let result: string;
    try {
      result = formatValue(evaluateFormula(formula), 4).replace(/\n/g, ' | ').replace(/\t/g, ', ');
    } catch (e) {
      result = e instanceof Error ? e.message : String(e);
    }
    return [formula, result, meaning];
  });
  const header = ['Formula', 'Result', 'What it says'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [
    'Lumive for Excel: sample LUMIVE formulas, evaluated by the engine (no Excel needed)',
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${rows.length} formulas. Try your own: npx lumive eval '=LUMIVE.EOQ(1200, 50, 2)'`,
    '',
  ].join('\n');
}
