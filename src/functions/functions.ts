/**
 * The LUMIVE custom functions. Each is a thin wrapper over an engine formula through the shared
 * argument layer (catalog.ts + call.ts); the JSDoc below is the metadata custom-functions-metadata turns
 * into functions.json. Every parameter is a matrix of `any` so a single value or a whole range arrives
 * in one call; results spill. Omitted optional arguments arrive as `null` and take their defaults.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { runForExcel } from './excel';

/**
 * Days of inventory: stock ÷ daily velocity. Stock with no sales is #N/A "No sales"; no stock and no sales is 0.
 * @customfunction DOI
 * @helpurl https://localhost:3000/help.html#doi
 * @param stock Units available (a value or a range) [units]
 * @param velocity Units sold per day [units/day]
 * @returns Days of inventory [days]
 */
export function doi(stock: any[][], velocity: any[][]): any[][] {
  return runForExcel('DOI', [stock, velocity]);
}

/**
 * Days of inventory counting stock on its way: (stock + inbound) ÷ daily velocity.
 * @customfunction DOIINBOUND
 * @helpurl https://localhost:3000/help.html#doiinbound
 * @param stock Units available [units]
 * @param inbound Units inbound: working + shipped + receiving [units]
 * @param velocity Units sold per day [units/day]
 * @returns Days of inventory including inbound [days]
 */
export function doiInbound(stock: any[][], inbound: any[][], velocity: any[][]): any[][] {
  return runForExcel('DOIINBOUND', [stock, inbound, velocity]);
}

/**
 * Sales velocity: units sold ÷ days in the period.
 * @customfunction VELOCITY
 * @helpurl https://localhost:3000/help.html#velocity
 * @param sold Units sold in the period [units]
 * @param [periodDays] Days in the sales period; default 30 [days]
 * @returns Units sold per day [units/day]
 */
export function velocity(sold: any[][], periodDays?: any[][]): any[][] {
  return runForExcel('VELOCITY', [sold, periodDays]);
}

/**
 * Days-of-cover safety stock: velocity × safety days.
 * @customfunction SAFETYSTOCK
 * @helpurl https://localhost:3000/help.html#safetystock
 * @param velocity Units sold per day [units/day]
 * @param [safetyDays] Days of cover kept as buffer; default 30 [days]
 * @returns Safety stock [units]
 */
export function safetyStock(velocity: any[][], safetyDays?: any[][]): any[][] {
  return runForExcel('SAFETYSTOCK', [velocity, safetyDays]);
}

/**
 * Service-level safety stock with demand and lead-time variability: z × √(L·σd² + d²·σL²), z = NORM.S.INV(service level).
 * @customfunction SAFETYSTOCKSL
 * @helpurl https://localhost:3000/help.html#safetystocksl
 * @param serviceLevel Target cycle service level, between 0 and 1 (e.g. 0.95)
 * @param dailyDemand Mean daily demand d [units/day]
 * @param demandSd Standard deviation of daily demand σd [units/day]
 * @param leadTimeDays Lead time L [days]
 * @param [leadTimeSd] Standard deviation of the lead time σL; default 0 [days]
 * @returns Safety stock [units]
 */
export function safetyStockSl(serviceLevel: any[][], dailyDemand: any[][], demandSd: any[][], leadTimeDays: any[][], leadTimeSd?: any[][]): any[][] {
  return runForExcel('SAFETYSTOCKSL', [serviceLevel, dailyDemand, demandSd, leadTimeDays, leadTimeSd]);
}

/**
 * Safety factor z for a service level: the inverse standard normal Φ⁻¹(p), accurate to 1e-9.
 * @customfunction SERVICEZ
 * @helpurl https://localhost:3000/help.html#servicez
 * @param serviceLevel Target cycle service level, between 0 and 1 (e.g. 0.95)
 * @returns z
 */
export function serviceZ(serviceLevel: any[][]): any[][] {
  return runForExcel('SERVICEZ', [serviceLevel]);
}

/**
 * Reorder point: daily demand × lead time + safety stock.
 * @customfunction REORDERPOINT
 * @helpurl https://localhost:3000/help.html#reorderpoint
 * @param dailyDemand Mean daily demand d [units/day]
 * @param leadTimeDays Lead time L [days]
 * @param safetyStock Safety stock [units]
 * @returns Reorder point [units]
 */
export function reorderPoint(dailyDemand: any[][], leadTimeDays: any[][], safetyStock: any[][]): any[][] {
  return runForExcel('REORDERPOINT', [dailyDemand, leadTimeDays, safetyStock]);
}

/**
 * Order-up-to level S: daily demand × (lead time + review period) + safety stock.
 * @customfunction ORDERUPTO
 * @helpurl https://localhost:3000/help.html#orderupto
 * @param dailyDemand Mean daily demand d [units/day]
 * @param leadTimeDays Lead time L [days]
 * @param safetyStock Safety stock [units]
 * @param [reviewDays] Review period R; default 7 [days]
 * @returns Order-up-to level [units]
 */
export function orderUpTo(dailyDemand: any[][], leadTimeDays: any[][], safetyStock: any[][], reviewDays?: any[][]): any[][] {
  return runForExcel('ORDERUPTO', [dailyDemand, leadTimeDays, safetyStock, reviewDays]);
}

/**
 * Quantity to order: max(0, target − available − inbound). With a reorder point, order only when available + inbound ≤ reorder point (service policy: target = order-up-to level; days-of-cover policy: target = safety stock).
 * @customfunction REORDERQTY
 * @helpurl https://localhost:3000/help.html#reorderqty
 * @param target Safety stock (days of cover) or order-up-to level (service) [units]
 * @param available Units available [units]
 * @param [inbound] Units inbound; default 0 [units]
 * @param [reorderPoint] Reorder point; omitted = target [units]
 * @returns Units to order [units]
 */
export function reorderQty(target: any[][], available: any[][], inbound?: any[][], reorderPoint?: any[][]): any[][] {
  return runForExcel('REORDERQTY', [target, available, inbound, reorderPoint]);
}

/**
 * Rounds an order quantity: a positive quantity is raised to the MOQ and rounded up to a multiple of the case pack; zero stays zero.
 * @customfunction ROUNDQTY
 * @helpurl https://localhost:3000/help.html#roundqty
 * @param qty Order quantity [units]
 * @param [moq] Minimum order quantity; default 0 [units]
 * @param [casePack] Units per case; default 1 [units]
 * @returns Order quantity to place [units]
 */
export function roundQty(qty: any[][], moq?: any[][], casePack?: any[][]): any[][] {
  return runForExcel('ROUNDQTY', [qty, moq, casePack]);
}

/**
 * Economic order quantity: √(2 × annual demand × order cost ÷ holding cost per unit per year).
 * @customfunction EOQ
 * @helpurl https://localhost:3000/help.html#eoq
 * @param annualDemand Annual demand D [units/year]
 * @param orderCost Fixed cost per order S [money]
 * @param holdingCost Holding cost per unit per year H (holding rate × unit cost) [money/unit/year]
 * @returns Economic order quantity [units]
 */
export function eoq(annualDemand: any[][], orderCost: any[][], holdingCost: any[][]): any[][] {
  return runForExcel('EOQ', [annualDemand, orderCost, holdingCost]);
}

/**
 * Excess stock: max(0, available − velocity × excess days).
 * @customfunction EXCESSQTY
 * @helpurl https://localhost:3000/help.html#excessqty
 * @param available Units available [units]
 * @param velocity Units sold per day [units/day]
 * @param [excessDays] Days of stock beyond which it is excess; default 90 [days]
 * @returns Excess units [units]
 */
export function excessQty(available: any[][], velocity: any[][], excessDays?: any[][]): any[][] {
  return runForExcel('EXCESSQTY', [available, velocity, excessDays]);
}

/**
 * Units needed to reach the safety cover: max(0, velocity × safety days − available − inbound).
 * @customfunction NEEDQTY
 * @helpurl https://localhost:3000/help.html#needqty
 * @param velocity Units sold per day [units/day]
 * @param available Units available [units]
 * @param [inbound] Units inbound; default 0 [units]
 * @param [safetyDays] Days of cover; default 30 [days]
 * @returns Units needed [units]
 */
export function needQty(velocity: any[][], available: any[][], inbound?: any[][], safetyDays?: any[][]): any[][] {
  return runForExcel('NEEDQTY', [velocity, available, inbound, safetyDays]);
}

/**
 * Units worth moving from an excess channel to a channel in need: min(excess, need) when at least the minimum transfer and (with a unit cost) moving costs less than buying; else 0.
 * @customfunction TRANSFERQTY
 * @helpurl https://localhost:3000/help.html#transferqty
 * @param sourceExcess Excess units at the source [units]
 * @param destinationNeed Units needed at the destination [units]
 * @param [minTransferQty] Smallest transfer worth making; default 10 [units]
 * @param [transferCostPerUnit] Cost of moving one unit; default 5 [money/unit]
 * @param [unitCost] Unit cost; omitted = cost rule not checked [money/unit]
 * @returns Units to transfer [units]
 */
export function transferQty(sourceExcess: any[][], destinationNeed: any[][], minTransferQty?: any[][], transferCostPerUnit?: any[][], unitCost?: any[][]): any[][] {
  return runForExcel('TRANSFERQTY', [sourceExcess, destinationNeed, minTransferQty, transferCostPerUnit, unitCost]);
}

/**
 * Stock value at cost: available × unit cost. A blank cost is #N/A "unitCost is missing".
 * @customfunction STOCKVALUE
 * @helpurl https://localhost:3000/help.html#stockvalue
 * @param available Units available [units]
 * @param unitCost Unit cost [money/unit]
 * @returns Stock value [money]
 */
export function stockValue(available: any[][], unitCost: any[][]): any[][] {
  return runForExcel('STOCKVALUE', [available, unitCost]);
}

/**
 * Gross margin return on inventory: (price − cost) × sold ÷ (cost × available); blank when there is no stock or no cost.
 * @customfunction GMROI
 * @helpurl https://localhost:3000/help.html#gmroi
 * @param price Selling price [money/unit]
 * @param unitCost Unit cost [money/unit]
 * @param sold Units sold in the period [units]
 * @param available Units available [units]
 * @returns GMROI (ratio)
 */
export function gmroi(price: any[][], unitCost: any[][], sold: any[][], available: any[][]): any[][] {
  return runForExcel('GMROI', [price, unitCost, sold, available]);
}

/**
 * Sell-through rate: sold ÷ (available + sold); blank when both are 0.
 * @customfunction SELLTHROUGH
 * @helpurl https://localhost:3000/help.html#sellthrough
 * @param sold Units sold in the period [units]
 * @param available Units available [units]
 * @returns Sell-through rate (0 to 1)
 */
export function sellThrough(sold: any[][], available: any[][]): any[][] {
  return runForExcel('SELLTHROUGH', [sold, available]);
}

/**
 * Revenue lost while out of stock: days out of stock × velocity × price.
 * @customfunction LOSTREVENUE
 * @helpurl https://localhost:3000/help.html#lostrevenue
 * @param daysOutOfStock Days out of stock [days]
 * @param velocity Units sold per day when in stock [units/day]
 * @param price Selling price [money/unit]
 * @returns Lost revenue [money]
 */
export function lostRevenue(daysOutOfStock: any[][], velocity: any[][], price: any[][]): any[][] {
  return runForExcel('LOSTREVENUE', [daysOutOfStock, velocity, price]);
}

/**
 * Discount that clears excess stock to the target days of inventory, from price elasticity (constant-elasticity model by default, or "linear"), capped at the maximum discount.
 * @customfunction LIQDISCOUNT
 * @helpurl https://localhost:3000/help.html#liqdiscount
 * @param velocity Units sold per day now [units/day]
 * @param available Units available [units]
 * @param [targetDoi] Target days of inventory after the discount; default 45 [days]
 * @param [elasticity] Price elasticity of demand, a positive number; default 1.5
 * @param [maxDiscount] Largest discount to propose, 0 to 1; default 0.5
 * @param [model] "elasticity" (default) or "linear"
 * @returns Discount (0 to 1)
 */
export function liqDiscount(velocity: any[][], available: any[][], targetDoi?: any[][], elasticity?: any[][], maxDiscount?: any[][], model?: any[][]): any[][] {
  return runForExcel('LIQDISCOUNT', [velocity, available, targetDoi, elasticity, maxDiscount, model]);
}

/**
 * Days to sell the stock at a discount: available ÷ (velocity × (1 − discount)^(−elasticity)).
 * @customfunction DAYSTOCLEAR
 * @helpurl https://localhost:3000/help.html#daystoclear
 * @param available Units available [units]
 * @param velocity Units sold per day at full price [units/day]
 * @param [discount] Discount, 0 to 1; default 0
 * @param [elasticity] Price elasticity of demand; default 1.5
 * @returns Days to clear [days]
 */
export function daysToClear(available: any[][], velocity: any[][], discount?: any[][], elasticity?: any[][]): any[][] {
  return runForExcel('DAYSTOCLEAR', [available, velocity, discount, elasticity]);
}

/**
 * Newsvendor critical ratio: stockout cost ÷ (stockout cost + holding cost); the service level that minimizes expected cost.
 * @customfunction CRITICALRATIO
 * @helpurl https://localhost:3000/help.html#criticalratio
 * @param stockoutCost Cost of a unit short p [money/unit]
 * @param holdingCost Cost of a unit left over per period h [money/unit]
 * @returns Critical ratio (0 to 1)
 */
export function criticalRatio(stockoutCost: any[][], holdingCost: any[][]): any[][] {
  return runForExcel('CRITICALRATIO', [stockoutCost, holdingCost]);
}

/**
 * Newsvendor order-up-to level: mean + Φ⁻¹(p ÷ (p + h)) × standard deviation of lead-time demand, the stock that minimizes expected holding plus stockout cost for normally distributed demand.
 * @customfunction NEWSVENDOR
 * @helpurl https://localhost:3000/help.html#newsvendor
 * @param meanLeadTimeDemand Mean demand over the lead time μLT [units]
 * @param sdLeadTimeDemand Standard deviation of demand over the lead time σLT [units]
 * @param stockoutCost Cost of a unit short p [money/unit]
 * @param holdingCost Cost of a unit left over per period h [money/unit]
 * @returns Order-up-to level S [units]
 */
export function newsvendor(meanLeadTimeDemand: any[][], sdLeadTimeDemand: any[][], stockoutCost: any[][], holdingCost: any[][]): any[][] {
  return runForExcel('NEWSVENDOR', [meanLeadTimeDemand, sdLeadTimeDemand, stockoutCost, holdingCost]);
}

/**
 * ABC class of each item by its share of the total (revenue or units): A while the cumulative share before it is below 80%, B below 95%, else C. Spills one class per cell.
 * @customfunction ABC
 * @helpurl https://localhost:3000/help.html#abc
 * @param values Revenue (or units) per item: a range [money or units]
 * @param [aCut] Cumulative share limit of A; default 0.8
 * @param [bCut] Cumulative share limit of B; default 0.95
 * @returns Class per item (A, B or C)
 */
export function abc(values: any[][], aCut?: any[][], bCut?: any[][]): any[][] {
  return runForExcel('ABC', [values, aCut, bCut]);
}

/**
 * XYZ class of each demand history by its coefficient of variation: X ≤ 0.5 < Y ≤ 1.0 < Z; "—" with fewer than 3 periods. One row per item, periods across (a single column is one item).
 * @customfunction XYZ
 * @helpurl https://localhost:3000/help.html#xyz
 * @param history Demand per period, one row per item; blank cells are skipped [units]
 * @param [xCut] CV limit of X; default 0.5
 * @param [yCut] CV limit of Y; default 1.0
 * @returns Class per item (X, Y, Z or —)
 */
export function xyz(history: any[][], xCut?: any[][], yCut?: any[][]): any[][] {
  return runForExcel('XYZ', [history, xCut, yCut]);
}

/**
 * Syntetos–Boylan demand class of each history: smooth, erratic, intermittent or lumpy (ADI 1.32, CV² 0.49). One row per item, periods across (a single column is one item).
 * @customfunction DEMANDCLASS
 * @helpurl https://localhost:3000/help.html#demandclass
 * @param history Demand per period, one row per item; blank cells are skipped [units]
 * @returns Demand class per item
 */
export function demandClass(history: any[][]): any[][] {
  return runForExcel('DEMANDCLASS', [history]);
}

/**
 * Movement class: Dead (no sales), Fast (DOI ≤ safety days), Moving (DOI ≤ excess days) or Slow.
 * @customfunction MOVEMENT
 * @helpurl https://localhost:3000/help.html#movement
 * @param velocity Units sold per day [units/day]
 * @param available Units available [units]
 * @param [safetyDays] Default 30 [days]
 * @param [excessDays] Default 90 [days]
 * @returns Movement class
 */
export function movement(velocity: any[][], available: any[][], safetyDays?: any[][], excessDays?: any[][]): any[][] {
  return runForExcel('MOVEMENT', [velocity, available, safetyDays, excessDays]);
}

/**
 * Aging bucket of stock of a given age: 0-30, 31-60, 61-90, 91-180, 181-365 or 365+.
 * @customfunction AGINGBUCKET
 * @helpurl https://localhost:3000/help.html#agingbucket
 * @param ageDays Age of the stock [days]
 * @returns Aging bucket
 */
export function agingBucket(ageDays: any[][]): any[][] {
  return runForExcel('AGINGBUCKET', [ageDays]);
}

/**
 * Urgency of a position: CRITICAL (DOI < 7), HIGH (DOI > 365 or stranded stock), MEDIUM (dead stock), LOW (7 ≤ DOI < 14), blank when none applies.
 * @customfunction URGENCY
 * @helpurl https://localhost:3000/help.html#urgency
 * @param velocity Units sold per day [units/day]
 * @param available Units available [units]
 * @param [strandedUnits] Stranded units; default 0 [units]
 * @param [criticalDays] Default 7 [days]
 * @param [stockoutDays] Default 14 [days]
 * @param [severeExcessDays] Default 365 [days]
 * @returns CRITICAL, HIGH, MEDIUM, LOW or blank
 */
export function urgency(velocity: any[][], available: any[][], strandedUnits?: any[][], criticalDays?: any[][], stockoutDays?: any[][], severeExcessDays?: any[][]): any[][] {
  return runForExcel('URGENCY', [velocity, available, strandedUnits, criticalDays, stockoutDays, severeExcessDays]);
}

/**
 * Approval tier of a purchase order by its value: Auto below 5,000, Manager below 50,000, Director below 100,000, else Executive.
 * @customfunction APPROVALTIER
 * @helpurl https://localhost:3000/help.html#approvaltier
 * @param orderValue Order value: qty × unit cost [money]
 * @param [autoBelow] Default 5000 [money]
 * @param [managerBelow] Default 50000 [money]
 * @param [directorBelow] Default 100000 [money]
 * @returns Approval tier
 */
export function approvalTier(orderValue: any[][], autoBelow?: any[][], managerBelow?: any[][], directorBelow?: any[][]): any[][] {
  return runForExcel('APPROVALTIER', [orderValue, autoBelow, managerBelow, directorBelow]);
}

/**
 * Demand forecast of the next periods: the automatic choice (the method with the smallest held-out error among those that suit the demand class) or a named method. Spills one value per period, down for a column history, across for a row.
 * @customfunction FORECAST
 * @helpurl https://localhost:3000/help.html#forecast
 * @param history Demand per period, oldest first: one row or column; blanks after the last period are ignored [units/period]
 * @param horizon Periods to forecast, a whole number of at least 1 [periods]
 * @param [method] "auto" (default), "naive", "seasonal-naive", "moving-average", "ses", "holt-damped", "holt-winters", "croston", "sba", "tsb" or "adida"
 * @param [seasonLength] Periods per season (12 for months in a year); default 1, no season [periods]
 * @returns Forecast demand per period [units/period]
 */
export function forecast(history: any[][], horizon: any[][], method?: any[][], seasonLength?: any[][]): any[][] {
  return runForExcel('FORECAST', [history, horizon, method, seasonLength]);
}

/**
 * Forecast with its prediction interval: one row per period with the lower bound, the forecast and the upper bound (three rows across for a row history). Normal intervals for smoothing methods, whole-unit count intervals for intermittent ones.
 * @customfunction FORECASTINTERVAL
 * @helpurl https://localhost:3000/help.html#forecastinterval
 * @param history Demand per period, oldest first: one row or column; blanks after the last period are ignored [units/period]
 * @param horizon Periods to forecast, a whole number of at least 1 [periods]
 * @param [level] Central coverage of the interval, between 0 and 1; default 0.95
 * @param [method] "auto" (default) or a method name as in FORECAST
 * @param [seasonLength] Periods per season; default 1, no season [periods]
 * @returns Lower bound, forecast and upper bound per period [units/period]
 */
export function forecastInterval(history: any[][], horizon: any[][], level?: any[][], method?: any[][], seasonLength?: any[][]): any[][] {
  return runForExcel('FORECASTINTERVAL', [history, horizon, level, method, seasonLength]);
}

/**
 * Name of the method the automatic choice picks for a history, e.g. "Syntetos–Boylan (SBA)"; "Naive" for a history without demand. The choice holds out the last max(horizon, season length) periods: pass FORECAST's horizon to name its method.
 * @customfunction FORECASTMETHOD
 * @helpurl https://localhost:3000/help.html#forecastmethod
 * @param history Demand per period, oldest first: one row or column [units/period]
 * @param [seasonLength] Periods per season; default 1, no season [periods]
 * @param [horizon] Periods the forecast looks ahead; default 1 [periods]
 * @returns Method name
 */
export function forecastMethod(history: any[][], seasonLength?: any[][], horizon?: any[][]): any[][] {
  return runForExcel('FORECASTMETHOD', [history, seasonLength, horizon]);
}

/**
 * Mean absolute scaled error (Hyndman & Koehler 2006): mean |actual − forecast| ÷ mean |x(t) − x(t−m)| over the in-sample history. Below 1: better than the in-sample naive forecast.
 * @customfunction MASE
 * @helpurl https://localhost:3000/help.html#mase
 * @param actual Actual demand of the forecast periods: one row or column [units/period]
 * @param forecast Forecast of the same periods [units/period]
 * @param insample History before those periods, which scales the error [units/period]
 * @param [seasonLength] Lag m of the scaling difference; default 1, the naive one-step difference [periods]
 * @returns MASE (ratio)
 */
export function maseError(actual: any[][], forecast: any[][], insample: any[][], seasonLength?: any[][]): any[][] {
  return runForExcel('MASE', [actual, forecast, insample, seasonLength]);
}

/**
 * Root mean squared scaled error (M5 competition): √(mean (actual − forecast)² ÷ mean (x(t) − x(t−m))² over the in-sample history).
 * @customfunction RMSSE
 * @helpurl https://localhost:3000/help.html#rmsse
 * @param actual Actual demand of the forecast periods: one row or column [units/period]
 * @param forecast Forecast of the same periods [units/period]
 * @param insample History before those periods, which scales the error [units/period]
 * @param [seasonLength] Lag m of the scaling difference; default 1 [periods]
 * @returns RMSSE (ratio)
 */
export function rmsseError(actual: any[][], forecast: any[][], insample: any[][], seasonLength?: any[][]): any[][] {
  return runForExcel('RMSSE', [actual, forecast, insample, seasonLength]);
}

/**
 * Forecast bias: the mean of forecast − actual. Positive means over-forecast, negative under-forecast.
 * @customfunction FORECASTBIAS
 * @helpurl https://localhost:3000/help.html#forecastbias
 * @param actual Actual demand per period: one row or column [units/period]
 * @param forecast Forecast of the same periods [units/period]
 * @returns Mean error [units/period]
 */
export function forecastBias(actual: any[][], forecast: any[][]): any[][] {
  return runForExcel('FORECASTBIAS', [actual, forecast]);
}

/**
 * Replays an (s, S) policy over a demand series with lost sales: when on hand + on order ≤ s, order up to S; orders arrive after the lead time. Spills Period, Demand, On hand, On order, Order placed, Unmet, Cost per period, then total cost, fill rate and cycle service level.
 * @customfunction SIMULATE
 * @helpurl https://localhost:3000/help.html#simulate
 * @param demand Demand per period, oldest first: one row or column [units/period]
 * @param reorderLevel Reorder level s: order when the inventory position is at or below it [units]
 * @param orderUpTo Order-up-to level S, greater than s [units]
 * @param leadTime Lead time in whole periods; 0 arrives at once [periods]
 * @param holdingCost Holding cost h per unit on hand at the end of a period [money/unit/period]
 * @param stockoutCost Stockout cost p per unit of demand not met [money/unit]
 * @param [startStock] Units on hand at the start; default S [units]
 * @returns Table of the simulation
 */
export function simulatePolicy(demand: any[][], reorderLevel: any[][], orderUpTo: any[][], leadTime: any[][], holdingCost: any[][], stockoutCost: any[][], startStock?: any[][]): any[][] {
  return runForExcel('SIMULATE', [demand, reorderLevel, orderUpTo, leadTime, holdingCost, stockoutCost, startStock]);
}

/**
 * Replays an (r, Q) policy over a demand series with lost sales: when on hand + on order ≤ r, order Q (several Q if one does not lift it above r). Spills the same table as SIMULATE.
 * @customfunction SIMULATERQ
 * @helpurl https://localhost:3000/help.html#simulaterq
 * @param demand Demand per period, oldest first: one row or column [units/period]
 * @param reorderPoint Reorder point r: order when the inventory position is at or below it [units]
 * @param orderQty Order quantity Q [units]
 * @param leadTime Lead time in whole periods; 0 arrives at once [periods]
 * @param holdingCost Holding cost h per unit on hand at the end of a period [money/unit/period]
 * @param stockoutCost Stockout cost p per unit of demand not met [money/unit]
 * @param [startStock] Units on hand at the start; default r + Q [units]
 * @returns Table of the simulation
 */
export function simulateRq(demand: any[][], reorderPoint: any[][], orderQty: any[][], leadTime: any[][], holdingCost: any[][], stockoutCost: any[][], startStock?: any[][]): any[][] {
  return runForExcel('SIMULATERQ', [demand, reorderPoint, orderQty, leadTime, holdingCost, stockoutCost, startStock]);
}
