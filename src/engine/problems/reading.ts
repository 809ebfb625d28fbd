/** The problem table's rows for reading (problems/index.ts joins the tables; codes are unique across them). */
import { type MessageDef } from './types';

export const READING_MESSAGES = {} satisfies Record<string, MessageDef<never>>;
