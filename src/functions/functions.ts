/* Temporary: replaced by the full LUMIVE function set. Keeps the build working meanwhile. */

/**
 * Days of inventory: stock divided by daily velocity.
 * @customfunction DOI
 * @param {number} stock Units available
 * @param {number} velocity Units sold per day
 * @returns {number} Days of inventory
 */
export function doi(stock: number, velocity: number): number {
  return stock / velocity;
}
