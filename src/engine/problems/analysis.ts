/** The problem table's rows for analysis (problems/index.ts joins the tables; codes are unique across them). */
import { type MessageDef } from './types';

export const ANALYSIS_MESSAGES = {} satisfies Record<string, MessageDef<never>>;
