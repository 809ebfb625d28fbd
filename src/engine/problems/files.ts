/** The problem table's rows for files (problems/index.ts joins the tables; codes are unique across them). */
import { type MessageDef } from './types';

export const FILES_MESSAGES = {} satisfies Record<string, MessageDef<never>>;
