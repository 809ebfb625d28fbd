/**
 * The report kinds the importer recognizes and the alias table of their columns, kept as data
 * (REPORTS.md, "Kinds" and "Header normalization and aliases"). Each kind lists the fields it gives,
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
  | 'noon-stock'
  | 'noon-sales'
  | 'mapping'
  | 'po-history'
  | 'warehouse-stock';

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
/** The identity columns most Amazon inventory reports start with. */
const AMAZON_IDS: readonly FieldSpec[] = [t('sku', SKU, req), t('fnsku', FNSKU), t('asin', ASIN), t('title', TITLE)];

export const KINDS: readonly KindSpec[] = [
  {
    kind: 'amazon-inventory',
    label: 'Amazon Manage FBA Inventory',
    marketplace: 'amazon',
    fields: [
      ...AMAZON_IDS,
      t('condition', CONDITION),
      n('price', PRICE),
      n('available', ['afn-fulfillable-quantity', 'fulfillable quantity', 'الكمية القابلة للتنفيذ'], { ...req, ...sig }),
      n('reserved', ['afn-reserved-quantity', 'reserved quantity'], sig),
      n('unfulfillable', ['afn-unsellable-quantity', 'unsellable quantity'], sig),
      n('inboundWorking', ['afn-inbound-working-quantity', 'inbound working quantity'], sig),
      n('inboundShipped', ['afn-inbound-shipped-quantity', 'inbound shipped quantity'], sig),
      n('inboundReceiving', ['afn-inbound-receiving-quantity', 'inbound receiving quantity'], sig),
      n('warehouseQty', ['afn-warehouse-quantity'], sig),
      n('totalQty', ['afn-total-quantity'], sig),
      n('mfnFulfillable', ['mfn-fulfillable-quantity'], sig),
      t('afnListingExists', ['afn-listing-exists'], sig),
      n('unitVolume', ['per-unit-volume']),
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
      n('unitsShippedT7', ['units-shipped-t7'], sig),
      n('unitsShippedT30', ['units-shipped-t30'], sig),
      n('unitsShippedT60', ['units-shipped-t60'], sig),
      n('unitsShippedT90', ['units-shipped-t90'], sig),
      n('price', PRICE),
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
      n('pageViews', ['page views - total', 'page views'], sig),
      n('buyBox', ['featured offer (buy box) percentage', 'buy box percentage'], sig),
      n('unitsOrdered', ['units ordered', 'الوحدات المطلوبة'], { ...req, ...sig }),
      n('revenue', ['ordered product sales', 'مبيعات المنتجات المطلوبة'], sig),
      n('orderItems', ['total order items', 'عناصر الطلب الإجمالية'], sig),
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
      n('price', PRICE),
      n('salesLast30', ['sales last 30 days'], sig),
      n('unitsSold30', ['units sold last 30 days'], { ...req, ...sig }),
      n('totalUnits', ['total units']),
      n('inbound', ['inbound']),
      n('available', ['available']),
      n('fcTransfer', ['fc transfer'], sig),
      n('fcProcessing', ['fc processing'], sig),
      n('customerOrder', ['customer order']),
      n('unfulfillable', ['unfulfillable']),
      n('recommendedQty', ['recommended replenishment qty', 'recommended order quantity'], sig),
      d('recommendedShipDate', ['recommended ship date'], sig),
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
      d('autoRemovalDate', ['date-to-take-auto-removal'], sig),
      t('statusPrimary', ['status-primary'], sig),
      t('errorMessage', ['error-message', 'error message'], sig),
      t('strandedReason', ['stranded-reason', 'stranded reason', 'سبب التقطع'], { ...req, ...sig }),
      t('asin', ASIN),
      t('sku', SKU, req),
      t('fnsku', FNSKU),
      t('title', TITLE),
      n('fulfillable', ['fulfillable-qty', 'fulfillable qty'], sig),
      n('price', PRICE),
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
      n('quantity', ['quantity', 'quantity-purchased', 'الكمية'], req),
      t('currency', CURRENCY),
      n('itemPrice', ['item-price'], sig),
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
    kind: 'noon-stock',
    label: 'noon stock (FBN inventory)',
    marketplace: 'noon',
    fields: [
      t('sku', ['partner_sku', 'partner sku', 'رمز الشريك'], { ...req, ...sig, generic: ['psku', ...SKU] }),
      t('psku', ['psku', 'noon sku', 'noon_sku']),
      t('title', ['product_name', 'product name', 'title', 'اسم المنتج']),
      n('quantity', ['available_qty', 'available qty', 'saleable qty'], { ...req, generic: ['qty', 'quantity', 'available', 'stock', 'الكمية', 'الكمية المتاحة'] }),
      t('warehouseCode', ['warehouse_code', 'warehouse code', 'warehouse', 'المستودع'], sig),
      t('inventoryType', ['inventory type', 'inventory_type', 'stock type', 'stock_type'], sig),
      t('country', ['country_code', 'country', 'الدولة']),
    ],
  },
  {
    kind: 'noon-sales',
    label: 'noon sales export',
    marketplace: 'noon',
    fields: [
      t('partnerId', ['id_partner'], sig),
      t('srcCountry', ['src_country'], sig),
      t('country', ['country_code'], sig),
      t('destCountry', ['dest_country'], sig),
      t('bayanNr', ['bayan_nr'], sig),
      t('itemNr', ['item_nr', 'item nr', 'item number'], { ...req, ...sig }),
      t('sku', ['partner_sku', 'partner sku', 'رمز الشريك'], req),
      t('noonSku', ['sku']),
      t('status', ['status', 'item_status', 'الحالة'], { ...req, ...sig }),
      n('offerPrice', ['offer_price', 'offer price', 'سعر العرض'], sig),
      n('gmv', ['gmv_lcy'], sig),
      t('currency', ['currency_code', 'currency']),
      t('fulfillmentModel', ['fulfillment_model'], sig),
      d('orderTimestamp', ['order_timestamp', 'order timestamp', 'ordered_date', 'تاريخ الطلب'], { ...req, ...sig }),
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
      n('costPrice', ['cost price', 'cost', 'unit cost', 'cogs', 'سعر التكلفة', 'التكلفة'], sig),
      n('sellingPrice', ['selling price', 'sale price', 'price', 'سعر البيع'], sig),
      n('casePack', ['case pack', 'units per case']),
      n('moq', ['moq', 'minimum order quantity']),
      n('leadTimeDays', ['lead time', 'lead time days']),
      t('supplier', ['supplier', 'المورد']),
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
      d('promisedDate', ['promised date', 'expected date', 'due date'], sig),
      n('quantity', ['qty', 'quantity', 'ordered qty', 'الكمية']),
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
];
