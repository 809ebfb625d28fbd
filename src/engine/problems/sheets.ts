/** The problem table's rows for sheets (problems/index.ts joins the tables; codes are unique across them). */
import { type MessageDef } from './types';

export const SHEETS_MESSAGES = {} satisfies Record<string, MessageDef<never>>;
