/**
 * exceljs and JSZip, loaded when first used rather than when a module that may use them is loaded: a
 * command that reads only CSV files and streams its workbook (stream-writer.ts) needs neither, and
 * loading exceljs (which brings JSZip) takes about 0.13 s of a command's start.
 */
import type ExcelJS from 'exceljs';
import type JSZip from 'jszip';

/* eslint-disable @typescript-eslint/no-require-imports -- a require where it is needed is the point */
export const excel = (): typeof ExcelJS => require('exceljs');
export const jszip = (): typeof JSZip => require('jszip');
