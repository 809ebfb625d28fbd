/** The approval columns of the Reorder, Rebalance and Liquidation sheets (recommend/approvals.ts). */
import { APPROVAL_STATUSES, type ApprovalState } from '../recommend/approvals';
import { FORMAT, type Column } from './table';

export function approvalColumns<T>(get: (r: T) => ApprovalState): Column<T>[] {
  return [
    {
      header: 'Status',
      value: (r) => get(r).status,
      width: 14,
      list: APPROVAL_STATUSES,
      rules: [
        { type: 'textEquals', text: 'Approved', fill: 'green' },
        { type: 'textEquals', text: 'Auto-approved', fill: 'green' },
        { type: 'textEquals', text: 'Pending', fill: 'amber' },
        { type: 'textEquals', text: 'Rejected', fill: 'red' },
      ],
    },
    { header: 'Approved Qty', value: (r) => get(r).approvedQty, format: FORMAT.units, width: 13 },
    { header: 'Approved By', value: (r) => get(r).approvedBy, format: FORMAT.text, width: 16 },
    { header: 'Note', value: (r) => get(r).note, format: FORMAT.text, width: 28 },
    { header: 'Changed Since Approval', value: (r) => get(r).changedSinceApproval, format: FORMAT.text, width: 22 },
  ];
}
