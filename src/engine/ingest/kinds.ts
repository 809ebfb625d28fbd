/**
 * The report kinds the importer recognizes and the alias table of their columns, kept as data
 * (docs/REPORTS.md, "Kinds" and "Header normalization and aliases"). Each kind lists the fields it gives,
 * the header names each field goes by (Amazon's machine names, the variants seen in the wild, Arabic
 * names for the main roles) and which fields identify the kind (`signature`) or must be present
 * (`required`). Names are compared after `normalizeHeader`, so case, dashes, underscores, BOMs and
 * surrounding quotes do not matter.
 *
 * Arabic names are the common Seller Central / noon Arabic wordings; any report header can also be
 * pointed at a field by the user when detection is unsure.
 */

export type ReportKind =
  | 'amazon-inventory'
  | 'amazon-inventory-age'
  | 'amazon-business-report'
  | 'amazon-restock'
  | 'amazon-stranded'
  | 'amazon-reserved'
  | 'amazon-orders'
  | 'amazon-returns'
  | 'amazon-ledger-summary'
  | 'amazon-ledger-detail'
  | 'amazon-storage-fees'
  | 'amazon-aged-surcharge'
  | 'amazon-fee-preview'
  | 'noon-stock'
  | 'noon-sales'
  | 'noon-views-sales'
  | 'mapping'
  | 'po-history'
  | 'warehouse-stock'
  // Reports that are not sales and not stock: recognized so they are never read as either, and set aside.
  | 'amazon-removal-orders'
  | 'amazon-removal-shipments'
  | 'amazon-reimbursements'
  | 'received'
  | 'catalog'
  | 'amazon-finance'
  | 'amazon-advertising';

export type FieldType = 'text' | 'number' | 'date';

export interface FieldSpec {
  /** The record field the column fills. */
  readonly field: string;
  readonly type: FieldType;
  readonly aliases: readonly string[];
  /**
   * Names so common ("sku", "qty") that they fill the field but are only half the evidence that the
   * report is of this kind.
   */
  readonly generic?: readonly string[];
  /** A row without a readable value here is not used. */
  readonly required?: boolean;
  /** Presence of this column points to this kind. */
  readonly signature?: boolean;
  /**
   * A blank cell reads as this value (a returns row without a quantity is one unit). An unreadable
   * cell is not guessed: the row is not used, as for a required field.
   */
  readonly blankAs?: number;
  /**
   * Order of day and month when no value of the column decides it (Amazon's ledger writes
   * MM/DD/YYYY; "05/06/2026" alone cannot tell). Default day first, as noon and KSA/UAE write dates.
   */
  readonly dateOrder?: 'DMY' | 'MDY';
  /** A negative number here is impossible: reported, and read as 0 ('zero') or not used ('ignore'). */
  readonly nonNegative?: 'zero' | 'ignore';
  /** A date here may lie in the future (a promised delivery, a planned removal). */
  readonly future?: boolean;
  /**
   * Matched by its header (it tells the kind, and is not an unknown column) but its cells are not
   * read: nothing in the analysis uses them. The reader spends nothing on them (a quarter of the cells
   * of the largest reports) and reports nothing about them; asking the records for such a field is a
   * programming error (records.ts throws): take the mark off to use it.
   */
  readonly unread?: boolean;
}

export interface KindSpec {
  readonly kind: ReportKind;
  /** A kind may come in several layouts (Amazon's Manage FBA Inventory and its AFN inventory variant). */
  readonly variant?: string;
  readonly label: string;
  readonly marketplace: 'amazon' | 'noon' | null;
  readonly fields: readonly FieldSpec[];
  /** At least one of these fields must be present (e.g. SKU or ASIN to join a business report). */
  readonly anyOf?: readonly string[];
  /** Columns matched by pattern rather than by name (Amazon's inv-age-* buckets). */
  readonly patterns?: readonly { readonly field: string; readonly pattern: RegExp }[];
  /** Cell texts that mean "not applicable" and read as blank (the fee preview's `--`). */
  readonly notApplicable?: readonly string[];
  /**
   * How the analysis uses the kind's rows: 'analysis' (stock, sales and the rest: the default),
   * 'imported' (kept per SKU for decisions to come: ledger and fees) or 'set-aside' (a report that is
   * not sales and not stock — removals, reimbursements, receipts, catalog, finance, advertising —
   * recognized so that it is never read as one, and not used).
   */
  readonly use?: 'analysis' | 'imported' | 'set-aside';
  /** For a set-aside kind: what it is, said in the "not used by the analysis" line. */
  readonly note?: string;
}

// Shared aliases of the main roles, in English and Arabic.
const SKU = ['sku', 'seller-sku', 'seller sku', 'msku', 'merchant sku', 'رمز sku', 'رمز التخزين', 'رمز المنتج لدى البائع', 'sku البائع'];
const ASIN = ['asin', 'child asin', '(child) asin', 'رقم asin'];
const FNSKU = ['fnsku', 'fulfillment-channel-sku'];
const TITLE = ['product-name', 'product name', 'title', 'item-name', 'item name', 'product_title', 'product title', 'اسم المنتج', 'العنوان', 'المنتج'];
const PRICE = ['your-price', 'price', 'your price', 'item-price', 'السعر', 'سعرك'];
const CURRENCY = ['currency', 'currency code', 'currency_code', 'العملة'];
const CONDITION = ['condition', 'condition-type', 'الحالة'];

const t = (field: string, aliases: readonly string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({ field, type: 'text', aliases, ...extra });
const n = (field: string, aliases: readonly string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({ field, type: 'number', aliases, ...extra });
const d = (field: string, aliases: readonly string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({ field, type: 'date', aliases, ...extra });
const sig = { signature: true } as const;
const req = { required: true } as const;
const unread = { unread: true } as const;
/** Units that cannot be negative: a negative one is reported and counted as 0 (as negative stock is). */
const ZERO = { nonNegative: 'zero' } as const;
/** Prices, costs and lead times that cannot be negative: a negative one is reported and not used. */
const NOT_NEGATIVE = { nonNegative: 'ignore' } as const;
/** The identity columns most Amazon inventory reports start with. */
const AMAZON_IDS: readonly FieldSpec[] = [t('sku', SKU, req), t('fnsku', FNSKU), t('asin', ASIN), t('title', TITLE)];


/**
 * Reports that are not sales and not stock (docs/REPORTS.md, "not sales, never counted"). Their fields
 * only recognize them: several carry `order-id`, `sku` and a quantity and would otherwise look like
 * All Orders or noon sales. Headers as Amazon documents them (test/fixtures/other-report-headers.ts
 * names each source).
 */
const SET_ASIDE: readonly KindSpec[] = [
  {
    kind: 'amazon-removal-orders',
    label: 'Amazon Removal order detail',
    marketplace: 'amazon',
    use: 'set-aside',
    note: 'units you asked Amazon to return or dispose of are not sales',
    fields: [
      d('requestDate', ['request-date'], sig),
      t('orderId', ['order-id']),
      t('orderSource', ['order-source'], sig),
      t('orderType', ['order-type'], sig),
      t('serviceSpeed', ['service-speed'], sig),
      t('orderStatus', ['order-status']),
      t('sku', SKU),
      t('fnsku', FNSKU),
      t('disposition', ['disposition']),
      n('requestedQty', ['requested-quantity'], sig),
      n('cancelledQty', ['cancelled-quantity'], sig),
      n('disposedQty', ['disposed-quantity'], sig),
      n('shippedQty', ['shipped-quantity']),
      n('inProcessQty', ['in-process-quantity'], sig),
      n('removalFee', ['removal-fee'], sig),
    ],
  },
  {
    kind: 'amazon-removal-shipments',
    label: 'Amazon Removal shipment detail',
    marketplace: 'amazon',
    use: 'set-aside',
    note: 'units shipped back to you or disposed of are not sales',
    fields: [
      d('requestDate', ['request-date'], sig),
      t('orderId', ['order-id']),
      d('shipmentDate', ['shipment-date'], sig),
      t('sku', SKU),
      t('fnsku', FNSKU),
      t('disposition', ['disposition']),
      n('shippedQty', ['shipped-quantity'], sig),
      t('carrier', ['carrier'], sig),
      t('trackingNumber', ['tracking-number'], sig),
      t('removalOrderType', ['removal-order-type'], sig),
    ],
  },
  {
    kind: 'amazon-reimbursements',
    label: 'Amazon Reimbursements',
    marketplace: 'amazon',
    use: 'set-aside',
    note: 'money or units Amazon paid back for lost or damaged inventory are neither sales nor stock',
    fields: [
      d('approvalDate', ['approval-date'], sig),
      t('reimbursementId', ['reimbursement-id'], sig),
      t('caseId', ['case-id'], sig),
      t('orderId', ['amazon-order-id']),
      t('sku', SKU),
      t('currency', ['currency-unit'], sig),
      n('amountPerUnit', ['amount-per-unit'], sig),
      n('amountTotal', ['amount-total'], sig),
      n('qtyCash', ['quantity-reimbursed-cash'], sig),
      n('qtyInventory', ['quantity-reimbursed-inventory'], sig),
      n('qtyTotal', ['quantity-reimbursed-total'], sig),
      t('originalId', ['original-reimbursement-id'], sig),
      t('originalType', ['original-reimbursement-type'], sig),
    ],
  },
  {
    // Amazon's Received Inventory report (retired in 2023 for the ledger's Receipts events) and goods
    // received notes (GRN) as warehouses and noon's inbound screens name them.
    kind: 'received',
    label: 'Received inventory / GRN',
    marketplace: null,
    use: 'set-aside',
    note: 'units received into a warehouse are a delivery, not sales, and not a stock count',
    fields: [
      d('receivedDate', ['received-date', 'received date', 'grn date', 'grn_date', 'receipt date', 'date received'], sig),
      t('grn', ['grn', 'grn number', 'grn no', 'grn nr', 'grn id'], sig),
      t('asn', ['asn', 'asn number', 'asn no', 'asn nr', 'asn id'], sig),
      t('shipmentId', ['fba-shipment-id', 'shipment id', 'shipment_id'], sig),
      t('fulfillmentCenter', ['fulfillment-center-id'], sig),
      t('sku', ['partner_sku', ...SKU]),
      t('title', TITLE),
      n('expectedQty', ['expected qty', 'expected quantity', 'asn qty', 'qty expected'], sig),
      n('receivedQty', ['received qty', 'received quantity', 'received_qty', 'qty received', 'grn qty'], sig),
      n('quantity', ['quantity', 'qty']),
      n('damagedQty', ['damaged qty', 'damaged quantity', 'rejected qty'], sig),
    ],
  },
  {
    // Amazon's All Listings report (GET_MERCHANT_LISTINGS_ALL_DATA): its `quantity` is the seller's own
    // listed quantity, not FBA stock.
    kind: 'catalog',
    label: 'Catalog / listings export',
    marketplace: 'amazon',
    use: 'set-aside',
    note: 'a listing export describes products and prices, not sales or FBA stock',
    fields: [
      t('title', ['item-name']),
      t('description', ['item-description'], sig),
      t('listingId', ['listing-id'], sig),
      t('sku', SKU),
      n('price', PRICE, NOT_NEGATIVE),
      n('quantity', ['quantity']),
      d('openDate', ['open-date'], sig),
      t('imageUrl', ['image-url'], sig),
      t('isMarketplace', ['item-is-marketplace'], sig),
      t('productIdType', ['product-id-type'], sig),
      t('itemCondition', ['item-condition'], sig),
      t('asin1', ['asin1'], sig),
      t('productId', ['product-id'], sig),
      t('addDelete', ['add-delete'], sig),
      n('pendingQty', ['pending-quantity'], sig),
      t('shippingGroup', ['merchant-shipping-group'], sig),
      t('status', ['status']),
    ],
  },
  {
    // noon's catalog and price exports. No published header was found; the columns are those noon's
    // price-update help names (Country_Code, id_partner, partner_sku, Psku_Code, price, sale_price …).
    kind: 'catalog',
    variant: 'noon',
    label: 'Catalog / listings export',
    marketplace: 'noon',
    use: 'set-aside',
    note: 'a catalog or price export describes products and prices, not sales or FBN stock',
    fields: [
      t('country', ['country_code']),
      t('partnerId', ['id_partner']),
      t('sku', ['partner_sku']),
      t('psku', ['psku_code', 'psku code'], sig),
      n('price', ['price']),
      n('salePrice', ['sale_price', 'sale price'], sig),
      d('saleStart', ['sale_start', 'sale start'], { ...sig, future: true }),
      d('saleEnd', ['sale_end', 'sale end'], { ...sig, future: true }),
      n('priceMin', ['x_noon_price_min'], sig),
      n('priceMax', ['x_noon_price_max'], sig),
      t('brand', ['brand']),
      t('title', ['title', 'product_title']),
      t('isActive', ['is_active', 'active'], sig),
    ],
  },
  {
    // Settlement flat files (V2 and the older one): every fee, refund and payout line.
    kind: 'amazon-finance',
    label: 'Amazon settlement / transactions',
    marketplace: 'amazon',
    use: 'set-aside',
    note: 'payments, fees and refunds are money movements; sales come from the sales reports',
    fields: [
      t('settlementId', ['settlement-id', 'settlement id'], sig),
      d('settlementStart', ['settlement-start-date'], sig),
      d('settlementEnd', ['settlement-end-date'], sig),
      d('depositDate', ['deposit-date'], sig),
      n('totalAmount', ['total-amount'], sig),
      t('transactionType', ['transaction-type'], sig),
      t('orderId', ['order-id']),
      t('adjustmentId', ['adjustment-id'], sig),
      t('amountType', ['amount-type'], sig),
      t('amountDescription', ['amount-description'], sig),
      d('postedDate', ['posted-date'], sig),
      t('orderItemCode', ['order-item-code'], sig),
      t('sku', SKU),
      n('quantity', ['quantity-purchased']),
    ],
  },
  {
    // Payments > Date Range Reports > Transaction (CSV; notes come before the header).
    kind: 'amazon-finance',
    variant: 'date-range',
    label: 'Amazon settlement / transactions',
    marketplace: 'amazon',
    use: 'set-aside',
    note: 'payments, fees and refunds are money movements; sales come from the sales reports',
    fields: [
      d('dateTime', ['date/time', 'date / time'], sig),
      t('settlementId', ['settlement id'], sig),
      t('type', ['type']),
      t('orderId', ['order id']),
      t('sku', SKU),
      t('description', ['description']),
      n('quantity', ['quantity']),
      t('accountType', ['account type'], sig),
      t('taxModel', ['tax collection model'], sig),
      n('productSales', ['product sales'], sig),
      n('sellingFees', ['selling fees'], sig),
      n('fbaFees', ['fba fees'], sig),
      n('otherFees', ['other transaction fees'], sig),
      n('total', ['total'], sig),
      t('orderCity', ['order city'], sig),
    ],
  },
  {
    kind: 'amazon-advertising',
    label: 'Amazon advertising report',
    marketplace: 'amazon',
    use: 'set-aside',
    note: 'units attributed to ads are counted by the sales reports already',
    fields: [
      d('date', ['date', 'start date']),
      t('portfolio', ['portfolio name'], sig),
      t('campaign', ['campaign name'], sig),
      t('adGroup', ['ad group name'], sig),
      t('sku', ['advertised sku'], sig),
      t('asin', ['advertised asin'], sig),
      n('impressions', ['impressions'], sig),
      n('clicks', ['clicks'], sig),
      n('ctr', ['click-thru rate (ctr)'], sig),
      n('cpc', ['cost per click (cpc)'], sig),
      n('spend', ['spend'], sig),
      n('sales7d', ['7 day total sales'], sig),
      n('units7d', ['7 day total units (#)'], sig),
    ],
  },
];

export const KINDS: readonly KindSpec[] = [
  {
    kind: 'amazon-inventory',
    label: 'Amazon Manage FBA Inventory',
    marketplace: 'amazon',
    fields: [
      ...AMAZON_IDS,
      t('condition', CONDITION),
      n('price', PRICE, NOT_NEGATIVE),
      n('available', ['afn-fulfillable-quantity', 'fulfillable quantity', 'الكمية القابلة للتنفيذ'], { ...req, ...sig }),
      n('reserved', ['afn-reserved-quantity', 'reserved quantity'], sig),
      n('unfulfillable', ['afn-unsellable-quantity', 'unsellable quantity'], sig),
      n('inboundWorking', ['afn-inbound-working-quantity', 'inbound working quantity'], sig),
      n('inboundShipped', ['afn-inbound-shipped-quantity', 'inbound shipped quantity'], sig),
      n('inboundReceiving', ['afn-inbound-receiving-quantity', 'inbound receiving quantity'], sig),
      n('warehouseQty', ['afn-warehouse-quantity'], { ...sig, ...unread }),
      n('totalQty', ['afn-total-quantity'], { ...sig, ...unread }),
      n('mfnFulfillable', ['mfn-fulfillable-quantity'], { ...sig, ...unread }),
      t('afnListingExists', ['afn-listing-exists'], { ...sig, ...unread }),
      // Cubic feet per unit (Seller Central's Manage FBA Inventory): the Shipments sheet's volume.
      n('unitVolume', ['per-unit-volume'], NOT_NEGATIVE),
    ],
  },
  {
    kind: 'amazon-inventory',
    variant: 'afn',
    label: 'Amazon Fulfilled Inventory',
    marketplace: 'amazon',
    fields: [
      t('sku', ['seller-sku'], { ...req, ...sig, generic: SKU }),
      t('fnsku', ['fulfillment-channel-sku'], { ...sig, generic: ['fnsku'] }),
      t('asin', ASIN),
      t('condition', ['condition-type'], { ...sig, generic: ['condition'] }),
      t('warehouseCondition', ['warehouse-condition-code', 'warehouse condition code'], { ...req, ...sig }),
      n('quantity', ['quantity available', 'quantity-available', 'الكمية المتاحة'], { ...req, ...sig }),
    ],
  },
  {
    kind: 'amazon-inventory-age',
    label: 'Amazon FBA Inventory (age and planning)',
    marketplace: 'amazon',
    fields: [
      d('snapshotDate', ['snapshot-date', 'snapshot date'], sig),
      t('sku', SKU, req),
      t('fnsku', FNSKU),
      t('asin', ASIN),
      t('title', TITLE),
      t('condition', CONDITION),
      n('available', ['available', 'متاح', 'الكمية المتاحة'], req),
      n('pendingRemoval', ['pending-removal-quantity'], sig),
      t('currency', CURRENCY),
      n('unitsShippedT7', ['units-shipped-t7'], { ...sig, ...ZERO }),
      n('unitsShippedT30', ['units-shipped-t30'], { ...sig, ...ZERO }),
      n('unitsShippedT60', ['units-shipped-t60'], { ...sig, ...ZERO }),
      n('unitsShippedT90', ['units-shipped-t90'], { ...sig, ...ZERO }),
      n('price', PRICE, NOT_NEGATIVE),
      t('recommendedAction', ['recommended-action', 'recommended action'], sig),
      n('storageCostNextMonth', ['estimated-storage-cost-next-month'], sig),
      n('excessQty', ['estimated-excess-quantity'], sig),
      n('daysOfSupply', ['days-of-supply']),
      n('inboundWorking', ['inbound-working']),
      n('inboundShipped', ['inbound-shipped']),
      n('inboundReceiving', ['inbound-received', 'inbound-receiving']),
      n('reserved', ['reserved-quantity']),
      n('unfulfillable', ['unfulfillable-quantity']),
      t('marketplace', ['marketplace'], sig),
    ],
    patterns: [{ field: 'age', pattern: /^inv age \d+ (to \d+|plus) days$/ }],
  },
  {
    kind: 'amazon-business-report',
    label: 'Amazon Business Report (by child item)',
    marketplace: 'amazon',
    anyOf: ['sku', 'asin'],
    fields: [
      t('parentAsin', ['(parent) asin', 'parent asin'], sig),
      t('asin', ['(child) asin', 'child asin', 'asin'], sig),
      t('title', TITLE),
      t('sku', SKU),
      n('sessions', ['sessions - total', 'sessions', 'الجلسات'], sig),
      n('pageViews', ['page views - total', 'page views'], { ...sig, ...unread }),
      n('buyBox', ['featured offer (buy box) percentage', 'buy box percentage'], sig),
      n('unitsOrdered', ['units ordered', 'الوحدات المطلوبة'], { ...req, ...sig, ...ZERO }),
      n('revenue', ['ordered product sales', 'مبيعات المنتجات المطلوبة'], { ...sig, ...NOT_NEGATIVE }),
      n('orderItems', ['total order items', 'عناصر الطلب الإجمالية'], { ...sig, ...ZERO }),
      n('unitSessionPct', ['unit session percentage'], sig),
    ],
  },
  {
    kind: 'amazon-restock',
    label: 'Amazon Restock Inventory',
    marketplace: 'amazon',
    fields: [
      t('country', ['country', 'country/region code', 'country code', 'الدولة']),
      t('title', TITLE),
      t('fnsku', FNSKU),
      t('sku', ['merchant sku', ...SKU], { ...req, ...sig }),
      t('asin', ASIN),
      t('condition', CONDITION),
      t('supplier', ['supplier'], sig),
      t('currency', CURRENCY),
      n('price', PRICE, NOT_NEGATIVE),
      n('salesLast30', ['sales last 30 days'], { ...sig, ...NOT_NEGATIVE }),
      n('unitsSold30', ['units sold last 30 days'], { ...req, ...sig, ...ZERO }),
      n('totalUnits', ['total units']),
      n('inbound', ['inbound']),
      n('available', ['available']),
      n('fcTransfer', ['fc transfer'], sig),
      n('fcProcessing', ['fc processing'], sig),
      n('customerOrder', ['customer order']),
      n('unfulfillable', ['unfulfillable']),
      n('recommendedQty', ['recommended replenishment qty', 'recommended order quantity'], sig),
      d('recommendedShipDate', ['recommended ship date'], { ...sig, future: true }),
      t('recommendedAction', ['recommended action']),
      n('daysOfSupply', ['total days of supply (including units from open shipments)', 'total days of supply'], sig),
    ],
  },
  {
    kind: 'amazon-stranded',
    label: 'Amazon Stranded Inventory',
    marketplace: 'amazon',
    fields: [
      t('primaryAction', ['primary-action', 'primary action'], sig),
      d('dateStranded', ['date-stranded', 'date stranded'], sig),
      d('autoRemovalDate', ['date-to-take-auto-removal'], { ...sig, future: true }),
      t('statusPrimary', ['status-primary'], sig),
      t('errorMessage', ['error-message', 'error message'], sig),
      t('strandedReason', ['stranded-reason', 'stranded reason', 'سبب التقطع'], { ...req, ...sig }),
      t('asin', ASIN),
      t('sku', SKU, req),
      t('fnsku', FNSKU),
      t('title', TITLE),
      n('fulfillable', ['fulfillable-qty', 'fulfillable qty'], sig),
      n('price', PRICE, NOT_NEGATIVE),
      n('unfulfillable', ['unfulfillable-qty', 'unfulfillable qty'], sig),
      n('reserved', ['reserved-quantity']),
      n('inboundShipped', ['inbound-shipped-qty']),
    ],
  },
  {
    kind: 'amazon-reserved',
    label: 'Amazon Reserved Inventory',
    marketplace: 'amazon',
    fields: [
      ...AMAZON_IDS,
      n('reserved', ['reserved_qty', 'reserved-quantity', 'total reserved quantity'], { ...req, ...sig }),
      n('reservedCustomerOrders', ['reserved_customerorders', 'reserved customer orders'], sig),
      n('reservedFcTransfers', ['reserved_fc-transfers', 'reserved fc transfers'], sig),
      n('reservedFcProcessing', ['reserved_fc-processing', 'reserved fc processing'], sig),
    ],
  },
  {
    kind: 'amazon-orders',
    label: 'Amazon All Orders',
    marketplace: 'amazon',
    fields: [
      t('orderId', ['amazon-order-id', 'order id', 'رقم الطلب'], { ...req, ...sig }),
      t('merchantOrderId', ['merchant-order-id'], sig),
      d('purchaseDate', ['purchase-date', 'purchase date', 'تاريخ الشراء'], { ...req, ...sig }),
      t('orderStatus', ['order-status', 'order status', 'حالة الطلب'], { ...req, ...sig }),
      t('fulfillmentChannel', ['fulfillment-channel'], sig),
      t('salesChannel', ['sales-channel', 'sales channel'], sig),
      t('title', TITLE),
      t('sku', SKU, req),
      t('asin', ASIN),
      t('itemStatus', ['item-status']),
      n('quantity', ['quantity', 'quantity-purchased', 'الكمية'], { ...req, ...ZERO }),
      t('currency', CURRENCY),
      n('itemPrice', ['item-price'], { ...sig, ...NOT_NEGATIVE }),
      t('shipCountry', ['ship-country'], sig),
    ],
  },
  {
    // GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA: one row per return (a SKU appears once per return).
    kind: 'amazon-returns',
    label: 'Amazon FBA customer returns',
    marketplace: 'amazon',
    fields: [
      d('returnDate', ['return-date', 'return date', 'تاريخ الإرجاع'], { ...req, ...sig }),
      t('orderId', ['order-id', 'order id', 'رقم الطلب'], sig),
      t('sku', SKU, req),
      t('asin', ASIN),
      t('fnsku', FNSKU),
      t('title', TITLE),
      n('quantity', ['quantity', 'الكمية'], { blankAs: 1 }),
      t('fulfillmentCenterId', ['fulfillment-center-id', 'fulfillment center id'], sig),
      t('detailedDisposition', ['detailed-disposition', 'detailed disposition'], sig),
      t('reason', ['reason', 'return reason', 'سبب الإرجاع'], sig),
      t('status', ['status']),
      t('licensePlateNumber', ['license-plate-number', 'license plate number'], sig),
      t('customerComments', ['customer-comments', 'customer comments'], sig),
    ],
  },
  {
    // Amazon's Inventory Ledger, summary view (daily, by country or fulfillment center): one row per day
    // × FNSKU × disposition with the balance at the start and end of the day and the events between.
    // The 2026 download adds `Store`; older ones lack it. Dates are MM/DD/YYYY (header of
    // ../shared/data/reports/amazon/inventory-ledger-summary.sample.tsv).
    kind: 'amazon-ledger-summary',
    label: 'Amazon Inventory Ledger (summary)',
    marketplace: 'amazon',
    use: 'imported',
    fields: [
      d('date', ['date'], { ...req, dateOrder: 'MDY' }),
      t('fnsku', FNSKU),
      t('asin', ASIN),
      t('sku', ['msku', ...SKU], req),
      t('title', TITLE),
      t('disposition', ['disposition'], sig),
      n('startingBalance', ['starting warehouse balance'], { ...req, ...sig }),
      n('inTransit', ['in transit between warehouses'], sig),
      n('receipts', ['receipts'], sig),
      n('customerShipments', ['customer shipments'], sig),
      n('customerReturns', ['customer returns'], sig),
      n('vendorReturns', ['vendor returns'], sig),
      n('warehouseTransfers', ['warehouse transfer in/out'], sig),
      n('found', ['found'], sig),
      n('lost', ['lost'], sig),
      n('damaged', ['damaged'], sig),
      n('disposed', ['disposed'], sig),
      n('otherEvents', ['other events'], sig),
      n('endingBalance', ['ending warehouse balance'], { ...req, ...sig }),
      n('unknownEvents', ['unknown events'], sig),
      t('country', ['location', 'country']),
      t('marketplace', ['store']),
    ],
  },
  {
    // Inventory Ledger, detail view: one row per event (Shipments, Receipts, CustomerReturns,
    // WhseTransfers, Adjustments, VendorReturns) with its signed quantity. 14 columns in older
    // downloads, 15 with `Date and Time`, 16 with `Store` (inventory-ledger-detail.sample.tsv).
    kind: 'amazon-ledger-detail',
    label: 'Amazon Inventory Ledger (detail)',
    marketplace: 'amazon',
    use: 'imported',
    fields: [
      d('date', ['date'], { ...req, dateOrder: 'MDY' }),
      t('fnsku', FNSKU),
      t('asin', ASIN),
      t('sku', ['msku', ...SKU], req),
      t('title', TITLE),
      t('eventType', ['event type'], { ...req, ...sig }),
      t('referenceId', ['reference id'], sig),
      n('quantity', ['quantity'], req),
      t('fulfillmentCenter', ['fulfillment center'], sig),
      t('disposition', ['disposition'], sig),
      t('reason', ['reason']),
      t('country', ['country']),
      n('reconciledQty', ['reconciled quantity'], sig),
      n('unreconciledQty', ['unreconciled quantity'], sig),
      d('dateTime', ['date and time'], { ...sig, dateOrder: 'MDY' }),
      t('marketplace', ['store']),
    ],
  },
  {
    // Monthly storage fees: one row per ASIN × fulfillment center × month; 34 columns with the
    // storage-utilization surcharge, 27 in the older shape (monthly-storage-fees.sample.csv).
    kind: 'amazon-storage-fees',
    label: 'Amazon Monthly storage fees',
    marketplace: 'amazon',
    use: 'imported',
    anyOf: ['asin', 'fnsku', 'sku'],
    notApplicable: ['--'],
    fields: [
      t('asin', ASIN),
      t('fnsku', FNSKU),
      t('sku', SKU),
      t('title', TITLE),
      t('fulfillmentCenter', ['fulfillment_center', 'fulfillment center'], sig),
      t('country', ['country_code', 'country']),
      t('productSizeTier', ['product_size_tier'], sig),
      n('averageQtyOnHand', ['average_quantity_on_hand'], { ...req, ...sig }),
      n('averageQtyPendingRemoval', ['average_quantity_pending_removal'], sig),
      t('monthOfCharge', ['month_of_charge'], { ...req, ...sig }),
      n('baseRate', ['base_rate', 'storage_rate'], sig),
      n('surchargeRate', ['utilization_surcharge_rate'], sig),
      n('utilizationRatio', ['storage_utilization_ratio'], sig),
      n('fee', ['estimated_monthly_storage_fee'], { ...req, ...sig }),
      t('currency', CURRENCY),
    ],
  },
  {
    // Aged inventory surcharge (formerly the long-term storage fee report): what was charged per SKU,
    // snapshot date and age tier (aged-inventory-surcharge.sample.tsv).
    kind: 'amazon-aged-surcharge',
    label: 'Amazon Aged inventory surcharge',
    marketplace: 'amazon',
    use: 'imported',
    fields: [
      d('snapshotDate', ['snapshot-date', 'snapshot date'], req),
      t('sku', SKU, req),
      t('fnsku', FNSKU),
      t('asin', ASIN),
      t('title', TITLE),
      t('condition', CONDITION),
      n('perUnitVolume', ['per-unit-volume']),
      t('currency', CURRENCY),
      t('volumeUnit', ['volume-unit'], sig),
      t('country', ['country']),
      n('qtyCharged', ['qty-charged'], { ...req, ...sig }),
      n('amountCharged', ['amount-charged'], { ...req, ...sig }),
      t('ageTier', ['surcharge-age-tier'], { ...req, ...sig }),
      n('rate', ['rate-surcharge'], sig),
    ],
  },
  {
    // FBA fee preview: estimated fees per unit for each SKU; `--` means the fee does not apply
    // (fee-preview.sample.tsv; Amazon writes this file in Windows-1252).
    kind: 'amazon-fee-preview',
    label: 'Amazon FBA fee preview',
    marketplace: 'amazon',
    use: 'imported',
    notApplicable: ['--'],
    fields: [
      t('sku', SKU, req),
      t('fnsku', FNSKU),
      t('asin', ASIN),
      t('marketplace', ['amazon-store']),
      t('title', TITLE),
      t('productGroup', ['product-group']),
      t('fulfilledBy', ['fulfilled-by'], sig),
      n('price', PRICE, NOT_NEGATIVE),
      t('productSizeTier', ['product-size-tier'], sig),
      t('currency', CURRENCY),
      n('feeTotal', ['estimated-fee-total'], { ...req, ...sig }),
      n('referralFee', ['estimated-referral-fee-per-unit'], sig),
      n('variableClosingFee', ['estimated-variable-closing-fee'], sig),
      n('pickPackFee', ['estimated-pick-pack-fee-per-unit'], sig),
      n('weightHandlingFee', ['estimated-weight-handling-fee-per-unit'], sig),
      n('fulfillmentFee', ['expected-fulfillment-fee-per-unit'], sig),
    ],
  },
  {
    // noon's FBN inventory export (Seller Lab → FBN → Inventory → export): one row per warehouse × SKU ×
    // inventory_type (× reason_code). Only `saleable` is available; `inbound*` is inbound; returned,
    // damaged, expired, lost and other types are not available (join.ts). Header of
    // ../shared/data/reports/noon/fbn-inventory-export.sample.csv. Older hand-made noon stock sheets
    // (partner_sku, psku, qty) are read by the same kind when the user chooses it.
    kind: 'noon-stock',
    label: 'noon FBN inventory',
    marketplace: 'noon',
    fields: [
      t('sku', ['partner_sku', 'partner sku', 'رمز الشريك'], { ...req, ...sig, generic: ['psku', ...SKU] }),
      t('psku', ['psku', 'noon sku', 'noon_sku']),
      t('noonSku', ['sku']),
      t('title', ['product_name', 'product name', 'title', 'اسم المنتج']),
      n('quantity', ['available_qty', 'available qty', 'saleable qty'], { ...req, generic: ['qty', 'quantity', 'available', 'stock', 'الكمية', 'الكمية المتاحة'] }),
      t('warehouseCode', ['warehouse_code', 'warehouse code', 'warehouse', 'المستودع'], sig),
      t('inventoryType', ['inventory type', 'inventory_type', 'stock type', 'stock_type'], sig),
      t('reasonCode', ['reason_code', 'reason code']),
      d('snapshotAt', ['inventory_snapshot_at', 'snapshot date'], sig),
      t('boxBarcode', ['box_barcode'], { ...sig, ...unread }),
      t('classification', ['classification_code'], sig),
      t('country', ['country_code', 'country', 'الدولة']),
    ],
  },
  {
    kind: 'noon-sales',
    label: 'noon sales export',
    marketplace: 'noon',
    fields: [
      t('partnerId', ['id_partner'], { ...sig, ...unread }),
      t('srcCountry', ['src_country'], sig),
      t('country', ['country_code'], sig),
      t('destCountry', ['dest_country'], sig),
      t('bayanNr', ['bayan_nr'], { ...sig, ...unread }),
      t('itemNr', ['item_nr', 'item nr', 'item number'], { ...req, ...sig }),
      t('sku', ['partner_sku', 'partner sku', 'رمز الشريك'], req),
      t('noonSku', ['sku']),
      t('status', ['status', 'item_status', 'الحالة'], { ...req, ...sig }),
      n('offerPrice', ['offer_price', 'offer price', 'سعر العرض'], { ...sig, ...NOT_NEGATIVE }),
      n('gmv', ['gmv_lcy'], { ...sig, ...unread }),
      t('currency', ['currency_code', 'currency']),
      t('fulfillmentModel', ['fulfillment_model'], { ...sig, ...unread }),
      d('orderTimestamp', ['order_timestamp', 'order timestamp', 'ordered_date', 'تاريخ الطلب'], { ...req, ...sig }),
    ],
  },
  {
    // noon Product views & sales: one row per SKU per day, noon's counterpart of Amazon's Business
    // Report (product-views-and-sales.sample.csv). Units are Shipped_Units, or Gross_Units less
    // Cancelled_Units where shipped is blank; `ASP_shipped_Percentage` is in fact a price.
    kind: 'noon-views-sales',
    label: 'noon Product views & sales',
    marketplace: 'noon',
    anyOf: ['shippedUnits', 'grossUnits'],
    fields: [
      d('visitDate', ['visit_date', 'visit date'], { ...req, ...sig }),
      t('sku', ['partner_sku', 'partner sku', 'رمز الشريك'], req),
      t('mpCode', ['mp_code'], sig),
      t('skuConfig', ['sku_config'], sig),
      t('noonSku', ['sku']),
      t('title', ['product_title', ...TITLE]),
      t('currency', ['currency_code', 'currency']),
      t('country', ['country_code', 'country']),
      n('visitors', ['your_visitors'], { ...sig, ...ZERO }),
      n('totalVisitors', ['total_visitors'], sig),
      n('grossUnits', ['gross_units'], { ...sig, ...ZERO }),
      n('shippedUnits', ['shipped_units'], { ...sig, ...ZERO }),
      n('cancelledUnits', ['cancelled_units'], { ...sig, ...ZERO }),
      n('revenue', ['revenue_shipped'], { ...sig, ...NOT_NEGATIVE }),
      n('buyBox', ['buy_box_visitor_percentage'], sig),
      n('conversion', ['conversion_visitors_percentage'], sig),
    ],
  },
  {
    kind: 'mapping',
    label: 'SKU mapping',
    marketplace: null,
    fields: [
      t('masterSku', ['master sku', 'master_sku', 'mastersku', 'master', 'رمز المنتج الرئيسي', 'الرمز الرئيسي'], { ...req, ...sig }),
      t('amazonKsaSku', ['amazon ksa sku', 'amazon sa sku', 'amazon.sa sku'], sig),
      t('amazonUaeSku', ['amazon uae sku', 'amazon ae sku', 'amazon.ae sku'], sig),
      t('noonKsaSku', ['noon ksa sku', 'noon sa sku'], sig),
      t('noonUaeSku', ['noon uae sku', 'noon ae sku'], sig),
      t('amazonSku', ['amazon sku', 'amazon seller sku'], sig),
      t('noonSku', ['noon sku', 'noon partner sku', 'partner sku', 'partner_sku'], sig),
      t('sku', ['sku', 'channel sku']),
      t('asin', ['asin']),
      t('fnsku', ['fnsku']),
      t('psku', ['psku', 'noon psku']),
      t('title', TITLE),
      n('costPrice', ['cost price', 'cost', 'unit cost', 'cogs', 'سعر التكلفة', 'التكلفة'], { ...sig, ...NOT_NEGATIVE }),
      n('sellingPrice', ['selling price', 'sale price', 'price', 'سعر البيع'], { ...sig, ...NOT_NEGATIVE }),
      n('casePack', ['case pack', 'units per case'], NOT_NEGATIVE),
      n('moq', ['moq', 'minimum order quantity'], NOT_NEGATIVE),
      n('leadTimeDays', ['lead time', 'lead time days'], NOT_NEGATIVE),
      t('supplier', ['supplier', 'المورد']),
      // The currency the supplier invoices in (SAR or AED); Cost Price stays in the reporting currency.
      t('supplierCurrency', ['supplier currency', 'purchase currency', 'عملة المورد']),
      // Cubic feet per unit, for shipments of SKUs the Manage FBA Inventory report does not give.
      n('unitVolume', ['unit volume', 'unit volume (cu ft)', 'volume per unit', 'per-unit-volume'], NOT_NEGATIVE),
    ],
  },
  {
    kind: 'po-history',
    label: 'Supplier PO history',
    marketplace: null,
    fields: [
      t('supplier', ['supplier', 'vendor', 'المورد'], { ...req, ...sig }),
      t('poNumber', ['po number', 'po', 'po #', 'purchase order'], sig),
      t('masterSku', ['master sku', 'sku']),
      d('poDate', ['po date', 'order date', 'ordered', 'تاريخ أمر الشراء'], { ...req, ...sig }),
      // Blank while the PO is open.
      d('receivedDate', ['received date', 'receipt date', 'received', 'تاريخ الاستلام'], sig),
      d('promisedDate', ['promised date', 'expected date', 'due date'], { ...sig, future: true }),
      n('quantity', ['qty', 'quantity', 'ordered qty', 'الكمية']),
      // Where the PO delivers: a channel (direct to FBA / FBN) or the own warehouse; optional.
      t('destination', ['destination', 'ship to', 'deliver to', 'الوجهة']),
    ],
  },
  {
    kind: 'warehouse-stock',
    label: 'Own warehouse stock',
    marketplace: null,
    fields: [
      t('masterSku', ['master sku', 'master_sku', 'رمز المنتج الرئيسي'], { ...req, generic: ['sku'] }),
      n('quantity', ['on hand', 'on-hand', 'warehouse qty', 'stock on hand'], { ...req, ...sig, generic: ['qty', 'quantity', 'stock', 'الكمية'] }),
      t('warehouse', ['warehouse', 'location', 'warehouse name', 'المستودع'], sig),
    ],
  },
  ...SET_ASIDE,
];

/** Whether a kind's rows belong to a channel (false: the mapping, the PO history, the own warehouse's stock). */
export const isChannelKind = (kind: ReportKind): boolean => (KINDS.find((k) => k.kind === kind)?.marketplace ?? null) !== null;

/** The spec of a kind (and layout), as a parsed report names it. */
export function kindSpec(kind: ReportKind, variant?: string | null): KindSpec | undefined {
  return KINDS.find((k) => k.kind === kind && (k.variant ?? null) === (variant ?? null)) ?? KINDS.find((k) => k.kind === kind);
}
