/** The problem table's rows for joining report rows into positions (problems/index.ts joins the tables). */
import { message, type MessageDef } from './types';

export const JOIN_MESSAGES = {
  'stock.negative': message<{ what: 'stock' | 'returned'; n: number }>(
    'warning',
    (a) => `Negative ${a.what} quantity ${a.n} counted as 0`,
    (a) => `كمية ${a.what === 'stock' ? 'مخزون' : 'مرتجعات'} سالبة (${a.n}): حُسبت 0`,
  ),
} satisfies Record<string, MessageDef<never>>;
