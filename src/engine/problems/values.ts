/** The problem table's rows for values (problems/index.ts joins the tables; codes are unique across them). */
import { type MessageDef } from './types';

export const VALUES_MESSAGES = {} satisfies Record<string, MessageDef<never>>;
